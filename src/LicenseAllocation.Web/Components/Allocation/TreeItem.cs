using LicenseAllocation.Application.Allocations;

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

    public bool HasChildren => ChildCount > 0;

    public int UnitId => Node.UnitId;

    internal static TreeItem From(TreeRow row) => new(row.Node, row.Depth, row.ChildCount);
}
