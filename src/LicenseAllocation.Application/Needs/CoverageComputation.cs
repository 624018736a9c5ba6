using System.Linq.Expressions;
using LicenseAllocation.Application.Data;
using LicenseAllocation.Domain.Needs;
using LicenseAllocation.Domain.Units;
using Microsoft.EntityFrameworkCore;

namespace LicenseAllocation.Application.Needs;

/// <summary>
/// Coverage figures summed by the database. A unit's subtree is the unit and its descendants; the tree is a handful of
/// levels deep, so the subtree sums are one grouped query per level: the units' own figures (need, own share of the
/// allocation, licences bought) grouped by their ancestor k levels up, for k = 0 (the unit itself) to the depth of the
/// tree, and added up per ancestor. Each query is a join of the plan's nodes with their units' parent chain (k left
/// joins) and a GROUP BY: nothing per unit travels but the sums, whatever the size of the plan.
/// </summary>
internal static class CoverageComputation
{
    /// <summary>
    /// Own and subtree figures of the plan's units; of every unit when <paramref name="only"/> is null, else of those
    /// units (their subtrees are summed all the same). <paramref name="depth"/> is the number of levels below the
    /// highest unit (0 for a plan of one unit).
    /// </summary>
    public static async Task<Dictionary<int, (CoverageFigures Own, CoverageFigures Subtree)>> ComputeAsync(
        AllocationDbContext db, int planId, int depth, IReadOnlyCollection<int>? only, CancellationToken cancellationToken)
    {
        var own = await SumsAsync(db, planId, 0, only, cancellationToken);
        var subtree = own.ToDictionary(p => p.Key, p => p.Value);
        for (var level = 1; level <= depth; level++)
        {
            foreach (var (ancestor, figures) in await SumsAsync(db, planId, level, only, cancellationToken))
            {
                subtree[ancestor] = subtree.TryGetValue(ancestor, out var sum) ? sum + figures : figures;
            }
        }

        return own.ToDictionary(p => p.Key, p => (p.Value, subtree[p.Key]));
    }

    /// <summary>The own figures of the plan's units summed by their ancestor <paramref name="level"/> levels up.</summary>
    private static async Task<Dictionary<int, CoverageFigures>> SumsAsync(
        AllocationDbContext db, int planId, int level, IReadOnlyCollection<int>? only, CancellationToken cancellationToken)
    {
        var ancestors = db.Units.AsNoTracking().Select(AncestorOf(level)).Where(a => a.AncestorId != null);
        var rows =
            from n in db.Nodes.AsNoTracking()
            join a in ancestors on n.UnitId equals a.UnitId
            from need in db.UnitNeeds.Where(x => x.PlanId == planId && x.UnitId == n.UnitId).DefaultIfEmpty()
            where n.PlanId == planId
            select new { a.AncestorId, Need = need == null ? 0 : need.Computers, Stated = need == null ? 0 : 1, Allocated = n.Quantity - n.HandedOn };
        if (only is not null)
        {
            rows = rows.Where(r => only.Contains(r.AncestorId!.Value));
        }

        var sums = await rows
            .GroupBy(r => r.AncestorId!.Value)
            .Select(g => new { UnitId = g.Key, Need = g.Sum(r => r.Need), Stated = g.Sum(r => r.Stated), Allocated = g.Sum(r => r.Allocated) })
            .ToListAsync(cancellationToken);
        var purchased = await PurchasesAsync(db, planId, level, only, cancellationToken);
        return sums.ToDictionary(
            s => s.UnitId,
            s => new CoverageFigures(s.Need, s.Allocated, purchased.GetValueOrDefault(s.UnitId), s.Stated));
    }

    /// <summary>The licences bought (and not cancelled) by the plan's units, summed by their ancestor <paramref name="level"/> levels up.</summary>
    private static async Task<Dictionary<int, int>> PurchasesAsync(
        AllocationDbContext db, int planId, int level, IReadOnlyCollection<int>? only, CancellationToken cancellationToken)
    {
        var ancestors = db.Units.AsNoTracking().Select(AncestorOf(level)).Where(a => a.AncestorId != null);
        var rows =
            from p in db.SelfPurchases.AsNoTracking()
            join a in ancestors on p.UnitId equals a.UnitId
            where p.PlanId == planId && p.CancelledAtUtc == null
            select new { a.AncestorId, p.Quantity };
        if (only is not null)
        {
            rows = rows.Where(r => only.Contains(r.AncestorId!.Value));
        }

        return await rows.GroupBy(r => r.AncestorId!.Value)
            .Select(g => new { UnitId = g.Key, Quantity = g.Sum(r => r.Quantity) })
            .ToDictionaryAsync(g => g.UnitId, g => g.Quantity, cancellationToken);
    }

    /// <summary><c>u => new UnitAncestor { UnitId = u.Id, AncestorId = u.Parent.….ParentId }</c>, <paramref name="level"/> steps up.</summary>
    private static Expression<Func<OrganisationUnit, UnitAncestor>> AncestorOf(int level)
    {
        var unit = Expression.Parameter(typeof(OrganisationUnit), "u");
        Expression ancestor;
        if (level == 0)
        {
            ancestor = Expression.Convert(Expression.Property(unit, nameof(OrganisationUnit.Id)), typeof(int?));
        }
        else
        {
            Expression current = unit;
            for (var step = 1; step < level; step++)
            {
                current = Expression.Property(current, nameof(OrganisationUnit.Parent));
            }

            ancestor = Expression.Property(current, nameof(OrganisationUnit.ParentId));
        }

        var body = Expression.MemberInit(
            Expression.New(typeof(UnitAncestor)),
            Expression.Bind(typeof(UnitAncestor).GetProperty(nameof(UnitAncestor.UnitId))!, Expression.Property(unit, nameof(OrganisationUnit.Id))),
            Expression.Bind(typeof(UnitAncestor).GetProperty(nameof(UnitAncestor.AncestorId))!, ancestor));
        return Expression.Lambda<Func<OrganisationUnit, UnitAncestor>>(body, unit);
    }

    private sealed class UnitAncestor
    {
        public int UnitId { get; init; }

        public int? AncestorId { get; init; }
    }
}
