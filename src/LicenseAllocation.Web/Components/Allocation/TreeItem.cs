using LicenseAllocation.Application.Allocations;
using LicenseAllocation.Application.Deployments;

namespace LicenseAllocation.Web.Components.Allocation;

/// <summary>
/// One line of the tree as shown: a unit at its depth, open or closed, or the editor line under the unit being edited.
/// Figures are replaced in place when a change moves them, so the list keeps its order and scroll position.
/// </summary>
public sealed class TreeItem(UnitNodeView node, int depth, int childCount, bool isEditor = false)
{
    public UnitNodeView Node { get; internal set; } = node;

    public int Depth { get; } = depth;

    public int ChildCount { get; } = childCount;

    public bool IsExpanded { get; internal set; }

    /// <summary>In a filtered tree: the unit answers the filter (its ancestors are shown only to lead to it).</summary>
    public bool IsMatch { get; internal set; }

    public bool IsEditor { get; } = isEditor;

    /// <summary>The subtree's band at the plan's latest console report; null when the plan has none (or the unit no figures).</summary>
    public UnitBand? Band { get; internal set; }

    public bool HasChildren => ChildCount > 0;

    public int UnitId => Node.UnitId;

    internal static TreeItem From(TreeRow row) => new(row.Node, row.Depth, row.ChildCount);
}
