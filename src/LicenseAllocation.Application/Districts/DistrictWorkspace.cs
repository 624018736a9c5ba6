using LicenseAllocation.Application.Allocations;

namespace LicenseAllocation.Application.Districts;

/// <summary>A district's quota from the province and the units it hands it on to.</summary>
public sealed record DistrictWorkspace(UnitNodeView District, IReadOnlyList<WorkspaceRow> Units)
{
    public AllocationStatus Status => AllocationStatuses.Of(District.Quantity, District.HandedOn, Units.Count > 0);
}

/// <summary>
/// A unit under the district with its own figure and the figure of its whole subtree (the same for a commune;
/// for a unit that has units of its own, what they hold together).
/// </summary>
public sealed record WorkspaceRow(UnitNodeView Node, int Depth, int ChildCount, int SubtreeQuantity)
{
    public AllocationStatus Status => AllocationStatuses.Of(Node.Quantity, Node.HandedOn, ChildCount > 0);
}
