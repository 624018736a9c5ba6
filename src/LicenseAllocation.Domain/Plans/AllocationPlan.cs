namespace LicenseAllocation.Domain.Plans;

/// <summary>
/// A plan hands out the licences of one purchase over a tree of units. Its total is the quantity of the node of its
/// root unit, so that the rule "children never hold more than their parent" also covers the provincial total.
/// </summary>
public sealed class AllocationPlan
{
    private AllocationPlan(string name, int year, int rootUnitId, DateTime createdAtUtc)
    {
        Name = name;
        Year = year;
        RootUnitId = rootUnitId;
        CreatedAtUtc = createdAtUtc;
    }

    public int Id { get; private set; }

    public string Name { get; private set; }

    public int Year { get; private set; }

    /// <summary>Null while the product is still to be announced (the seed letter names it after the tender).</summary>
    public string? ProductName { get; private set; }

    public PlanStatus Status { get; private set; } = PlanStatus.Draft;

    public OfficialDocument? Document { get; private set; }

    public int RootUnitId { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public static AllocationPlan Create(string name, int year, int rootUnitId, DateTime createdAtUtc)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentOutOfRangeException.ThrowIfLessThan(year, 2000);
        return new AllocationPlan(name.Trim(), year, rootUnitId, createdAtUtc);
    }

    public void DescribeProduct(string? productName) =>
        ProductName = string.IsNullOrWhiteSpace(productName) ? null : productName.Trim();

    public void AttachDocument(OfficialDocument document) => Document = document;
}
