namespace LicenseAllocation.Domain.Plans;

/// <summary>
/// A plan hands out the licences of one purchase over a tree of units. Its total is the quantity of the node of its
/// root unit, so that the rule "children never hold more than their parent" also covers the provincial total.
/// A plan is drafted, published under an official letter (which locks its figures) and, when the figures must change
/// after that, amended: the amendment is a new draft version linked to it, whose publication supersedes it.
/// </summary>
public sealed class AllocationPlan
{
    public const int MaxNameLength = PlanName.MaxLength;
    public const int MaxProductTextLength = LicensedProduct.MaxNameLength;
    public const int MinYear = PlanYear.Min;
    public const int MaxYear = PlanYear.Max;

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

    /// <summary>1 for a plan as first made; each amendment counts one more than the version it amends.</summary>
    public int Version { get; private set; } = 1;

    /// <summary>The published plan this one amends; null for a first version (and for a copy, which starts a new plan).</summary>
    public int? AmendmentOfId { get; private set; }

    /// <summary>Null while the product is still to be announced (the seed letter names it after the tender).</summary>
    public string? ProductName { get; private set; }

    public string? Vendor { get; private set; }

    public DateOnly? LicenceTermStart { get; private set; }

    public DateOnly? LicenceTermEnd { get; private set; }

    public PlanStatus Status { get; private set; } = PlanStatus.Draft;

    public OfficialDocument? Document { get; private set; }

    public int RootUnitId { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public DateTime? PublishedAtUtc { get; private set; }

    /// <summary>The user who published the plan in the portal (the letter's signer is on <see cref="Document"/>).</summary>
    public string? PublishedBy { get; private set; }

    /// <summary>
    /// Set on a published plan while a draft amendment of it exists: the amendment carries the figures from then on,
    /// so no level of this version takes changes any more (they would be missing from the amendment).
    /// </summary>
    public int? PendingAmendmentId { get; private set; }

    public bool IsLocked => Status != PlanStatus.Draft;

    public static AllocationPlan Create(string name, int year, int rootUnitId, DateTime createdAtUtc)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentOutOfRangeException.ThrowIfLessThan(year, MinYear);
        return new AllocationPlan(Text.InputText.Normalize(name)!, year, rootUnitId, createdAtUtc);
    }

    /// <summary>
    /// The next version of a published plan, as a draft: same name, year, tree root and product; the letter's issuer
    /// is kept, its number and date are left for the amendment's own letter.
    /// </summary>
    public static AllocationPlan AmendmentOf(AllocationPlan published, DateTime createdAtUtc)
    {
        ArgumentNullException.ThrowIfNull(published);
        if (published.Status != PlanStatus.Published)
        {
            throw new InvalidOperationException("Only a published plan is amended.");
        }

        return new AllocationPlan(published.Name, published.Year, published.RootUnitId, createdAtUtc)
        {
            Version = published.Version + 1,
            AmendmentOfId = published.Id,
            ProductName = published.ProductName,
            Vendor = published.Vendor,
            LicenceTermStart = published.LicenceTermStart,
            LicenceTermEnd = published.LicenceTermEnd,
            Document = published.Document?.Unissued(),
        };
    }

    /// <summary>A new plan (another year or product) over the same tree: a first version, not linked to the source.</summary>
    public static AllocationPlan CopyOf(AllocationPlan source, string name, int year, DateTime createdAtUtc)
    {
        ArgumentNullException.ThrowIfNull(source);
        var copy = Create(name, year, source.RootUnitId, createdAtUtc);
        copy.Document = source.Document?.Unissued();
        return copy;
    }

    /// <summary>The product announced after the tender: its name, vendor and licence term.</summary>
    public void DescribeProduct(string productName, string? vendor, DateOnly? termStart, DateOnly? termEnd)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(productName);
        if (termStart is { } start && termEnd is { } end && end <= start)
        {
            throw new ArgumentException("A licence term ends after it starts.", nameof(termEnd));
        }

        ProductName = Text.InputText.Normalize(productName)!;
        Vendor = string.IsNullOrWhiteSpace(vendor) ? null : Text.InputText.Normalize(vendor);
        LicenceTermStart = termStart;
        LicenceTermEnd = termEnd;
    }

    public void AttachDocument(OfficialDocument document) => Document = document;

    /// <summary>Records the letter that issues the plan and locks it. The database makes the same move conditionally.</summary>
    public void Publish(OfficialDocument document, string publishedBy, DateTime publishedAtUtc)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentException.ThrowIfNullOrWhiteSpace(publishedBy);
        if (Status != PlanStatus.Draft)
        {
            throw new InvalidOperationException("Only a draft is published.");
        }

        if (document.Number is null || document.Date is null || document.Signer is null)
        {
            throw new ArgumentException("A plan is published under a letter with its number, date and signer.", nameof(document));
        }

        Document = document;
        PublishedBy = publishedBy.Trim();
        PublishedAtUtc = publishedAtUtc;
        Status = PlanStatus.Published;
    }
}
