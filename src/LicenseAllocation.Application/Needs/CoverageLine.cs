using LicenseAllocation.Domain.Needs;
using LicenseAllocation.Domain.Units;

namespace LicenseAllocation.Application.Needs;

/// <summary>
/// One unit of a plan with its coverage: <see cref="Own"/> for the unit alone (its own share of the allocation, its own
/// need and purchases), <see cref="Subtree"/> for the unit with every unit below it (the allocation is the quantity).
/// </summary>
/// <param name="UnitId">The unit.</param>
/// <param name="ParentUnitId">The unit above it.</param>
/// <param name="Code">Its GSO code, if any.</param>
/// <param name="Name">Its name.</param>
/// <param name="Kind">Its kind.</param>
/// <param name="Depth">0 for the first unit of the report (the province, or the unit asked for), 1 below it, and so on.</param>
/// <param name="Own">The unit alone.</param>
/// <param name="Subtree">The unit and every unit below it.</param>
/// <param name="NeedStatedBy">Who stated the unit's own need last; null while none is stated.</param>
/// <param name="NeedStatedAtUtc">When (UTC).</param>
public sealed record CoverageLine(
    int UnitId,
    int? ParentUnitId,
    string? Code,
    string Name,
    UnitKind Kind,
    int Depth,
    CoverageFigures Own,
    CoverageFigures Subtree,
    string? NeedStatedBy = null,
    DateTime? NeedStatedAtUtc = null);

/// <summary>The coverage of a plan's units, in the tree's order (a unit, then the units below it).</summary>
public sealed record CoverageReport(int PlanId, string PlanName, int? RootUnitId, IReadOnlyList<CoverageLine> Items)
{
    /// <summary>The figures of the report's first unit and everything below it (zeros when the report is empty).</summary>
    public CoverageFigures Total => Items.Count == 0 ? new CoverageFigures(0, 0, 0, 0) : Items[0].Subtree;
}
