using LicenseAllocation.Application.Data;
using LicenseAllocation.Domain.Units;
using Microsoft.EntityFrameworkCore;

namespace LicenseAllocation.Application.Allocations;

internal static class PlanTreeQuery
{
    /// <summary>The nodes of a plan joined with their units; filter before this projection, EF cannot filter on a record's constructor.</summary>
    public static IQueryable<UnitNodeView> Rows(
        AllocationDbContext db, int planId, int? unitId = null, int? parentUnitId = null, IReadOnlyList<UnitKind>? kinds = null) =>
        from n in db.Nodes.AsNoTracking()
        join u in db.Units.AsNoTracking() on n.UnitId equals u.Id
        where n.PlanId == planId && (unitId == null || n.UnitId == unitId) && (parentUnitId == null || u.ParentId == parentUnitId)
            && (kinds == null || kinds.Contains(u.Kind))
        select new UnitNodeView(n.UnitId, u.ParentId, u.Code, u.Name, u.Kind, u.Order, u.IsActive, n.Quantity, n.HandedOn, n.Version);

    /// <summary>Puts the nodes in depth-first order, siblings by their official order.</summary>
    public static IReadOnlyList<TreeRow> InTreeOrder(IReadOnlyCollection<UnitNodeView> nodes)
    {
        var present = nodes.Select(n => n.UnitId).ToHashSet();
        var children = nodes
            .Where(n => n.ParentUnitId is { } p && present.Contains(p))
            .GroupBy(n => n.ParentUnitId!.Value)
            .ToDictionary(g => g.Key, g => g.OrderBy(n => n.Order).ThenBy(n => n.UnitId).ToList());
        var roots = nodes.Where(n => n.ParentUnitId is not { } p || !present.Contains(p)).OrderBy(n => n.Order).ThenBy(n => n.UnitId);

        var ordered = new List<TreeRow>(nodes.Count);
        var stack = new Stack<(UnitNodeView Node, int Depth)>(roots.Reverse().Select(r => (r, 0)));
        while (stack.Count > 0)
        {
            var (node, depth) = stack.Pop();
            var kids = children.GetValueOrDefault(node.UnitId) ?? [];
            ordered.Add(new TreeRow(node, depth, kids.Count));
            for (var i = kids.Count - 1; i >= 0; i--)
            {
                stack.Push((kids[i], depth + 1));
            }
        }

        return ordered;
    }
}
