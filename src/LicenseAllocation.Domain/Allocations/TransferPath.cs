namespace LicenseAllocation.Domain.Allocations;

/// <summary>
/// The units a move of licences from one unit to another changes, so that every level stays consistent: from the source
/// up to (not including) the common ancestor each unit gives up the quantity, from there down to the target each unit
/// receives it. Between siblings that is the two units alone and their parent's handed-on count does not move.
/// </summary>
/// <param name="Decreases">The source first, then its ancestors below the common one: the order they are written in.</param>
/// <param name="Increases">The highest unit below the common ancestor first, the target last: the order they are written in.</param>
/// <param name="CommonAncestor">The nearest unit both lie under.</param>
public sealed record TransferPath(IReadOnlyList<int> Decreases, IReadOnlyList<int> Increases, int CommonAncestor)
{
    /// <summary>
    /// The path between <paramref name="from"/> and <paramref name="to"/>; null when they are the same unit, when one lies
    /// under the other (moving along one branch is a return or a request, not a move) or when they share no ancestor.
    /// </summary>
    public static TransferPath? Between(int from, int to, Func<int, int?> parentOf)
    {
        ArgumentNullException.ThrowIfNull(parentOf);
        if (from == to)
        {
            return null;
        }

        var up = Chain(from, parentOf);
        var down = Chain(to, parentOf);
        if (up.Contains(to) || down.Contains(from))
        {
            return null;
        }

        if (up.Find(down.Contains) is var shared && !down.Contains(shared))
        {
            return null;
        }

        var decreases = up.TakeWhile(u => u != shared).ToList();
        var increases = down.TakeWhile(u => u != shared).Reverse().ToList();
        return new TransferPath(decreases, increases, shared);
    }

    private static List<int> Chain(int unitId, Func<int, int?> parentOf)
    {
        var chain = new List<int>();
        for (int? current = unitId; current is { } id && !chain.Contains(id); current = parentOf(id))
        {
            chain.Add(id);
        }

        return chain;
    }
}
