namespace LicenseAllocation.Domain.Needs;

/// <summary>How a unit (or a subtree) stands against what it needs.</summary>
public enum CoverageStatus
{
    /// <summary>No need has been stated (for a subtree: by none of its units).</summary>
    NoNeedStated,

    /// <summary>Allocated and self-purchased licences together cover less than the need.</summary>
    Shortfall,

    /// <summary>Exactly the need is covered.</summary>
    Covered,

    /// <summary>More licences than computers to protect.</summary>
    Surplus,
}

/// <summary>
/// The coverage of one unit, or of a unit with everything below it: the need (computers to protect), what the plan
/// allocates (for the unit itself its own share, quantity − handed on; for a subtree the quantity), what was bought
/// locally, and what follows:
/// covered = allocated + self-purchased, shortfall = max(0, need − covered), surplus = max(0, covered − need),
/// coverage % = covered ÷ need (null when the need is 0).
/// </summary>
/// <param name="Need">Computers to protect.</param>
/// <param name="Allocated">Licences the plan gives.</param>
/// <param name="SelfPurchased">Licences bought locally, not cancelled.</param>
/// <param name="NeedsStated">How many units (1 or 0 for a unit alone) have stated a need.</param>
public sealed record CoverageFigures(int Need, int Allocated, int SelfPurchased, int NeedsStated)
{
    public int Covered => Allocated + SelfPurchased;

    public int Shortfall => Math.Max(0, Need - Covered);

    public int Surplus => Math.Max(0, Covered - Need);

    /// <summary>Covered as a percentage of the need, to one decimal (rounded half away from zero); null when nothing is needed.</summary>
    public decimal? CoveragePercent => Need == 0 ? null : Math.Round(100m * Covered / Need, 1, MidpointRounding.AwayFromZero);

    public CoverageStatus Status => NeedsStated == 0
        ? CoverageStatus.NoNeedStated
        : Covered < Need ? CoverageStatus.Shortfall : Covered == Need ? CoverageStatus.Covered : CoverageStatus.Surplus;

    public static CoverageFigures operator +(CoverageFigures left, CoverageFigures right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        return new(left.Need + right.Need, left.Allocated + right.Allocated, left.SelfPurchased + right.SelfPurchased, left.NeedsStated + right.NeedsStated);
    }

    public static CoverageFigures Add(CoverageFigures left, CoverageFigures right) => left + right;
}
