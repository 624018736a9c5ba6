using LicenseAllocation.Application.Allocations;

namespace LicenseAllocation.Application.Deployments;

/// <summary>
/// How many licences a unit holds for the deployment picture: its own share (what it received and did not hand on)
/// plus the licences it bought itself (self-purchases not cancelled) for the unit; its quantity plus every purchase in
/// its subtree for the subtree.
/// </summary>
internal static class LicensedFigures
{
    public static int Own(UnitNodeView node, int purchased) => node.Quantity - node.HandedOn + purchased;

    public static int Subtree(UnitNodeView node, int purchasedInSubtree) => node.Quantity + purchasedInSubtree;
}
