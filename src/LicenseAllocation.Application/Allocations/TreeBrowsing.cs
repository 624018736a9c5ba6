using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Common;
using LicenseAllocation.Application.Data;
using LicenseAllocation.Domain.Allocations;
using Microsoft.EntityFrameworkCore;

namespace LicenseAllocation.Application.Allocations;

/// <summary>
/// The allocation tree a level at a time, for trees of tens of thousands of units: the caller's top unit with its
/// children, the children of one node when it is opened, fresh figures of a few rows after a change, and the units
/// matching a filter with the paths to them. Every call is limited to the caller's scope, like the whole-tree query.
/// </summary>
public sealed class TreeBrowsing(IDbContextFactory<AllocationDbContext> contextFactory, PlanTreeSnapshots snapshots)
{
    /// <summary>The caller's top unit (the province, or the scope unit) at depth 0 and its children at depth 1.</summary>
    public async Task<Outcome<IReadOnlyList<TreeRow>>> GetTopAsync(Caller caller, int planId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var top = await TopUnitAsync(db, caller, planId, cancellationToken);
        if (!top.Succeeded)
        {
            return top.Error;
        }

        if (top.Value is not { } topUnitId)
        {
            return Outcome.Success<IReadOnlyList<TreeRow>>([]);
        }

        var root = await PlanTreeQuery.Rows(db, planId, unitId: topUnitId).SingleAsync(cancellationToken);
        var children = await ChildrenAsync(db, planId, topUnitId, depth: 1, cancellationToken);
        return Outcome.Success<IReadOnlyList<TreeRow>>([new TreeRow(root, 0, children.Count), .. children]);
    }

    /// <summary>The units directly under <paramref name="parentUnitId"/>, in their official order, at <paramref name="depth"/>.</summary>
    public async Task<Outcome<IReadOnlyList<TreeRow>>> GetChildrenAsync(
        Caller caller, int planId, int parentUnitId, int depth, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var access = await CheckUnitAsync(db, caller, planId, parentUnitId, cancellationToken);
        return access is not null ? access : Outcome.Success(await ChildrenAsync(db, planId, parentUnitId, depth, cancellationToken));
    }

    /// <summary>The current figures of the given units (after a change moved them); units out of scope are left out.</summary>
    public async Task<Outcome<IReadOnlyList<UnitNodeView>>> GetNodesAsync(
        Caller caller, int planId, IReadOnlyCollection<int> unitIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(unitIds);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var top = await TopUnitAsync(db, caller, planId, cancellationToken);
        if (!top.Succeeded)
        {
            return top.Error;
        }

        var ids = unitIds.Distinct().ToList();
        var nodes = await (
            from n in db.Nodes.AsNoTracking()
            join u in db.Units.AsNoTracking() on n.UnitId equals u.Id
            where n.PlanId == planId && ids.Contains(n.UnitId)
            select new UnitNodeView(n.UnitId, u.ParentId, u.Code, u.Name, u.Kind, u.Order, u.IsActive, n.Quantity, n.HandedOn, n.Version))
            .ToListAsync(cancellationToken);
        var visible = new List<UnitNodeView>(nodes.Count);
        foreach (var node in nodes)
        {
            if (AccessPolicy.SeesWholeTree(caller) || await UnitScope.IsWithinAsync(db, caller, node.UnitId, cancellationToken))
            {
                visible.Add(node);
            }
        }

        return Outcome.Success<IReadOnlyList<UnitNodeView>>(visible);
    }

    /// <summary>The units above <paramref name="unitId"/> within the caller's tree, top first (the path to open to show it).</summary>
    public async Task<Outcome<IReadOnlyList<int>>> GetAncestorsAsync(Caller caller, int planId, int unitId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var access = await CheckUnitAsync(db, caller, planId, unitId, cancellationToken);
        if (access is not null)
        {
            return access;
        }

        var top = (await TopUnitAsync(db, caller, planId, cancellationToken)).Value;
        var path = new List<int>();
        // A tree is a handful of levels deep: one short read per level.
        for (var current = unitId; current != top;)
        {
            var parent = await db.Units.Where(u => u.Id == current).Select(u => u.ParentId).SingleOrDefaultAsync(cancellationToken);
            if (parent is not { } id)
            {
                break;
            }

            path.Add(id);
            current = id;
        }

        path.Reverse();
        return path;
    }

    /// <summary>
    /// The units matching <paramref name="filter"/> (the first <paramref name="limit"/> in tree order) with their
    /// ancestors, depths and child counts as in the whole tree.
    /// </summary>
    public async Task<Outcome<TreeSearchResult>> SearchAsync(
        Caller caller, int planId, TreeFilter filter, int limit = 500, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(filter);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var top = await TopUnitAsync(db, caller, planId, cancellationToken);
        if (!top.Succeeded)
        {
            return top.Error;
        }

        if (top.Value is not { } topUnitId)
        {
            return new TreeSearchResult([], new HashSet<int>(), 0);
        }

        // Matching diacritic-free text in the database would need a folded column per provider; the shared snapshot
        // holds the folded names until the next change.
        var snapshot = await snapshots.GetAsync(db, planId, cancellationToken);
        return TreeMatches.Find(snapshot, topUnitId, filter, limit);
    }

    /// <summary>The unit the caller's tree starts at: the plan's root, the scope unit, or none for a scope outside the plan.</summary>
    private static async Task<Outcome<int?>> TopUnitAsync(AllocationDbContext db, Caller caller, int planId, CancellationToken cancellationToken)
    {
        if (!AccessPolicy.CanReadPlans(caller))
        {
            return AllocationError.Forbidden();
        }

        var rootUnitId = await db.Plans.Where(p => p.Id == planId).Select(p => (int?)p.RootUnitId).SingleOrDefaultAsync(cancellationToken);
        if (rootUnitId is null)
        {
            return AllocationError.NotFound();
        }

        if (AccessPolicy.SeesWholeTree(caller))
        {
            return rootUnitId;
        }

        var scope = caller.ScopeUnitId;
        var inPlan = scope is { } id && await db.Nodes.AnyAsync(n => n.PlanId == planId && n.UnitId == id, cancellationToken);
        return inPlan ? scope : (int?)null;
    }

    private static async Task<AllocationError?> CheckUnitAsync(AllocationDbContext db, Caller caller, int planId, int unitId, CancellationToken cancellationToken)
    {
        var top = await TopUnitAsync(db, caller, planId, cancellationToken);
        if (!top.Succeeded)
        {
            return top.Error;
        }

        if (!await db.Nodes.AnyAsync(n => n.PlanId == planId && n.UnitId == unitId, cancellationToken))
        {
            return AllocationError.NotFound();
        }

        var withinScope = AccessPolicy.SeesWholeTree(caller) || await UnitScope.IsWithinAsync(db, caller, unitId, cancellationToken);
        return AccessPolicy.CanRead(caller, withinScope) ? null : AllocationError.OutOfScope();
    }

    private static async Task<IReadOnlyList<TreeRow>> ChildrenAsync(AllocationDbContext db, int planId, int parentUnitId, int depth, CancellationToken cancellationToken)
    {
        var nodes = await PlanTreeQuery.Rows(db, planId, parentUnitId: parentUnitId).ToListAsync(cancellationToken);
        var counts = await GrandchildCountsAsync(db, planId, parentUnitId, cancellationToken);
        return [.. nodes.OrderBy(n => n.Order).ThenBy(n => n.UnitId).Select(n => new TreeRow(n, depth, counts.GetValueOrDefault(n.UnitId)))];
    }

    /// <summary>
    /// How many nodes of the plan stand under each child of <paramref name="parentUnitId"/>, in one grouped query: a
    /// count per row as a correlated subquery took a second for the 1,000 children of a national province on SQLite.
    /// </summary>
    private static Task<Dictionary<int, int>> GrandchildCountsAsync(AllocationDbContext db, int planId, int parentUnitId, CancellationToken cancellationToken) =>
        (from grandchild in db.Units
         join child in db.Units on grandchild.ParentId equals child.Id
         join node in db.Nodes on grandchild.Id equals node.UnitId
         where child.ParentId == parentUnitId && node.PlanId == planId
         group grandchild by grandchild.ParentId!.Value into g
         select new { ParentId = g.Key, Count = g.Count() })
        .ToDictionaryAsync(g => g.ParentId, g => g.Count, cancellationToken);
}
