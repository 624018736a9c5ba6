using LicenseAllocation.Domain.Allocations;

namespace LicenseAllocation.Domain.Reorganisations;

/// <summary>
/// The figures of a successor plan's tree. Every new unit holds what was carried to it plus what its new children
/// hold; the root holds the old plan's whole total, so what was not placed stays with it as remaining, to be placed by hand.
/// </summary>
public static class SuccessorFigures
{
    /// <param name="parents">Every unit of the new tree with its parent (null for the root only).</param>
    /// <param name="carried">What was carried to each new unit for itself.</param>
    /// <param name="total">The old plan's total.</param>
    public static IReadOnlyList<TreeNode> Build(IReadOnlyDictionary<int, int?> parents, IReadOnlyDictionary<int, int> carried, int total)
    {
        ArgumentNullException.ThrowIfNull(parents);
        ArgumentNullException.ThrowIfNull(carried);
        var root = parents.Single(p => p.Value is null).Key;
        var children = parents.Where(p => p.Value is not null).ToLookup(p => p.Value!.Value, p => p.Key);
        var quantity = new Dictionary<int, int>();
        var handedOn = new Dictionary<int, int>();

        int Fill(int unit)
        {
            var below = children[unit].Sum(Fill);
            handedOn[unit] = below;
            quantity[unit] = below + carried.GetValueOrDefault(unit);
            return quantity[unit];
        }

        var placed = children[root].Sum(Fill);
        if (placed > total)
        {
            throw new InvalidOperationException("More was carried than the old plan held.");
        }

        quantity[root] = total;
        handedOn[root] = placed;
        return [.. parents.Select(p => new TreeNode(p.Key, p.Value, quantity[p.Key], handedOn[p.Key]))];
    }
}
