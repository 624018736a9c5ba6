namespace LicenseAllocation.Domain.Needs;

/// <summary>
/// What a unit needs in one plan: the number of computers it must protect, who stated it and when (UTC). One per unit
/// and plan; a new statement replaces the figure, and the audit trail keeps every statement with the figure before it.
/// </summary>
public sealed class UnitNeed
{
    private UnitNeed(int planId, int unitId, int computers, string statedBy, DateTime statedAtUtc)
    {
        PlanId = planId;
        UnitId = unitId;
        Computers = computers;
        StatedBy = statedBy;
        StatedAtUtc = statedAtUtc;
    }

    public long Id { get; private set; }

    public int PlanId { get; private set; }

    public int UnitId { get; private set; }

    /// <summary>The number of computers the unit must protect (0 to <see cref="NeedRules.MaxComputers"/>).</summary>
    public int Computers { get; private set; }

    /// <summary>The user name of whoever stated the figure last.</summary>
    public string StatedBy { get; private set; }

    public DateTime StatedAtUtc { get; private set; }

    /// <summary>A first statement of the need; the figure is checked by <see cref="NeedRules.Check"/> first.</summary>
    public static UnitNeed State(int planId, int unitId, int computers, string statedBy, DateTime statedAtUtc)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(statedBy);
        if (NeedRules.Check(computers) is not null)
        {
            throw new ArgumentOutOfRangeException(nameof(computers), computers, "A need is checked before it is stated.");
        }

        if (statedAtUtc.Kind != DateTimeKind.Utc)
        {
            throw new ArgumentException("Times are stored in UTC.", nameof(statedAtUtc));
        }

        return new UnitNeed(planId, unitId, computers, statedBy, statedAtUtc);
    }

    /// <summary>The same need, stated by the same person at the same time, in <paramref name="planId"/> (an amendment of this plan).</summary>
    public UnitNeed CarriedInto(int planId) => new(planId, UnitId, Computers, StatedBy, StatedAtUtc);
}
