namespace LicenseAllocation.Application.Allocations;

/// <summary>Picks the matching rows of a tree in tree order and keeps the ancestors that lead to them.</summary>
internal static class TreeMatches
{
    /// <summary>The matches in the subtree of <paramref name="topUnitId"/> (the caller's tree), depths counted from it.</summary>
    public static TreeSearchResult Find(PlanTreeSnapshot snapshot, int topUnitId, TreeFilter filter, int limit)
    {
        var matches = filter.Predicate();
        var matched = new HashSet<int>();
        var included = new HashSet<int>();
        var count = 0;
        // The ancestors of the row being looked at, by depth: rows come in depth-first order.
        var path = new List<TreeRow>();
        var (start, end, topDepth) = Subtree(snapshot.Rows, topUnitId);
        for (var i = start; i < end; i++)
        {
            var row = snapshot.Rows[i];
            var depth = row.Depth - topDepth;
            if (path.Count > depth)
            {
                path.RemoveRange(depth, path.Count - depth);
            }

            path.Add(row);
            if (!matches(row.Node, row.ChildCount, snapshot.FoldedNames[i]))
            {
                continue;
            }

            count++;
            if (matched.Count < limit)
            {
                matched.Add(row.Node.UnitId);
                included.UnionWith(path.Select(p => p.Node.UnitId));
            }
        }

        var rows = new List<TreeRow>(included.Count);
        for (var i = start; i < end; i++)
        {
            if (included.Contains(snapshot.Rows[i].Node.UnitId))
            {
                rows.Add(snapshot.Rows[i] with { Depth = snapshot.Rows[i].Depth - topDepth });
            }
        }

        return new TreeSearchResult(rows, matched, count);
    }

    /// <summary>Where a unit's subtree lies among rows in depth-first order: the unit itself and the rows deeper than it after it.</summary>
    private static (int Start, int End, int Depth) Subtree(IReadOnlyList<TreeRow> rows, int topUnitId)
    {
        var start = 0;
        while (start < rows.Count && rows[start].Node.UnitId != topUnitId)
        {
            start++;
        }

        if (start == rows.Count)
        {
            return (0, 0, 0);
        }

        var depth = rows[start].Depth;
        var end = start + 1;
        while (end < rows.Count && rows[end].Depth > depth)
        {
            end++;
        }

        return (start, end, depth);
    }
}
