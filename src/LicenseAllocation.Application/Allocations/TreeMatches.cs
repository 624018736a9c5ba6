namespace LicenseAllocation.Application.Allocations;

/// <summary>Picks the matching rows of a tree in tree order and keeps the ancestors that lead to them.</summary>
internal static class TreeMatches
{
    public static TreeSearchResult Find(IReadOnlyList<TreeRow> tree, TreeFilter filter, int limit)
    {
        var matches = filter.Predicate();
        var matched = new HashSet<int>();
        var included = new HashSet<int>();
        var count = 0;
        // The ancestors of the row being looked at, by depth: rows come in depth-first order.
        var path = new List<TreeRow>();
        foreach (var row in tree)
        {
            if (path.Count > row.Depth)
            {
                path.RemoveRange(row.Depth, path.Count - row.Depth);
            }

            path.Add(row);
            if (!matches(row.Node, row.ChildCount))
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

        return new TreeSearchResult([.. tree.Where(r => included.Contains(r.Node.UnitId))], matched, count);
    }
}
