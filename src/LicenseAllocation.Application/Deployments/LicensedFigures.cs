using LicenseAllocation.Application.Allocations;

namespace LicenseAllocation.Application.Deployments;

/// <summary>
/// How many licences a unit holds for the deployment picture: its own share (what it received and did not hand on)
/// for the unit, its quantity for its subtree. The one place to add the licences a unit buys itself once they are
/// recorded.
/// </summary>
internal static class LicensedFigures
{
    public static (int Own, int Subtree) Of(UnitNodeView node) => (node.Quantity - node.HandedOn, node.Quantity);
}
