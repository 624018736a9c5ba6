using LicenseAllocation.Domain.Units;

namespace LicenseAllocation.Application.Allocations;

/// <summary>
/// What an official narrows the tree to: a name or GSO code, a kind of unit, units still at 0, units with licences
/// not yet handed on. All given conditions must hold.
/// </summary>
public sealed record TreeFilter(string? Text = null, UnitKind? Kind = null, bool NotYetAllocated = false, bool HasRoomLeft = false)
{
    public const int MaxTextLength = 100;

    public bool IsEmpty => string.IsNullOrWhiteSpace(Text) && Kind is null && !NotYetAllocated && !HasRoomLeft;

    /// <summary>Whether one unit answers the filter, for lists short enough to test row by row (a district's units).</summary>
    public bool Matches(UnitNodeView node, int childCount)
    {
        ArgumentNullException.ThrowIfNull(node);
        return Predicate()(node, childCount, SearchText.Fold(node.Name));
    }

    /// <summary>The test of one row: its figures, its number of children and its name already folded.</summary>
    internal Func<UnitNodeView, int, string, bool> Predicate()
    {
        var query = SearchText.Fold(Text is { Length: > MaxTextLength } text ? text[..MaxTextLength] : Text);
        return (node, childCount, foldedName) =>
            SearchText.Matches(query, foldedName, node.Code)
            && (Kind is not { } kind || node.Kind == kind)
            && (!NotYetAllocated || node.Quantity == 0)
            // Only a unit with units under it hands licences on; a leaf's whole quantity is its own.
            && (!HasRoomLeft || (childCount > 0 && node.Remaining > 0));
    }
}
