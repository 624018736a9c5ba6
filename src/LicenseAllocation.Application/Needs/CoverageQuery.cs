using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Allocations;
using LicenseAllocation.Application.Common;
using LicenseAllocation.Application.Data;
using LicenseAllocation.Domain.Allocations;
using LicenseAllocation.Domain.Needs;
using Microsoft.EntityFrameworkCore;

namespace LicenseAllocation.Application.Needs;

/// <summary>
/// Who is short of licences and by how much: every unit's coverage (<see cref="CoverageFigures"/>) on its own and with
/// the units below it, within the caller's scope. The sums are the database's (<see cref="CoverageComputation"/>); the
/// service only puts the lines in the tree's order.
/// </summary>
public sealed class CoverageQuery(IDbContextFactory<AllocationDbContext> contextFactory)
{
    /// <summary>Above this many units a report sums the whole plan and keeps its part, rather than naming every unit in the query.</summary>
    private const int NamedUnitsLimit = 2000;

    /// <summary>
    /// The coverage of the plan's units in tree order: from <paramref name="unitId"/> down when given (out-of-scope when
    /// the caller may not read it), else from the top of what the caller may read (the province, or the scope unit).
    /// </summary>
    public async Task<Outcome<CoverageReport>> GetAsync(Caller caller, int planId, int? unitId = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!AccessPolicy.CanReadPlans(caller))
        {
            return AllocationError.Forbidden();
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var plan = await db.Plans.AsNoTracking().Where(p => p.Id == planId).Select(p => new { p.Id, p.Name }).SingleOrDefaultAsync(cancellationToken);
        if (plan is null)
        {
            return AllocationError.NotFound();
        }

        var tree = await PlanTree.ReadAsync(db, planId, cancellationToken);
        var visible = UnitScope.VisibleTo(caller, tree.Nodes);
        int? root = unitId ?? (visible is null ? null : caller.ScopeUnitId);
        if (unitId is { } asked)
        {
            if (!tree.Parents.ContainsKey(asked))
            {
                return AllocationError.NotFound();
            }

            if (visible is not null && !visible.Contains(asked))
            {
                return AllocationError.OutOfScope();
            }
        }

        var rows = tree.Ordered;
        if (root is { } top)
        {
            var part = visible is null || unitId is not null ? UnitScope.Subtree(top, tree.Parents) : visible;
            rows = [.. rows.Where(r => part.Contains(r.Node.UnitId))];
        }
        else if (visible is not null)
        {
            rows = [];
        }

        var lines = await LinesAsync(db, planId, tree, rows, cancellationToken);
        return new CoverageReport(planId, plan.Name, root ?? (rows.Count > 0 ? rows[0].Node.UnitId : null), lines);
    }

    /// <summary>The coverage of the given units (for the rows a page shows), keyed by unit; units the caller may not read are left out.</summary>
    public async Task<Outcome<IReadOnlyDictionary<int, CoverageLine>>> ForUnitsAsync(
        Caller caller, int planId, IReadOnlyCollection<int> unitIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(unitIds);
        if (!AccessPolicy.CanReadPlans(caller))
        {
            return AllocationError.Forbidden();
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.Plans.AnyAsync(p => p.Id == planId, cancellationToken))
        {
            return AllocationError.NotFound();
        }

        var tree = await PlanTree.ReadAsync(db, planId, cancellationToken);
        var visible = UnitScope.VisibleTo(caller, tree.Nodes);
        var wanted = unitIds.Where(id => tree.Parents.ContainsKey(id) && (visible is null || visible.Contains(id))).ToHashSet();
        var rows = tree.Ordered.Where(r => wanted.Contains(r.Node.UnitId)).ToList();
        var lines = await LinesAsync(db, planId, tree, rows, cancellationToken);
        return lines.ToDictionary(l => l.UnitId);
    }

    /// <summary>One unit's coverage, read in the caller's context (a write path answers with it inside its transaction).</summary>
    internal static async Task<CoverageLine?> LineAsync(AllocationDbContext db, int planId, int unitId, CancellationToken cancellationToken)
    {
        var tree = await PlanTree.ReadAsync(db, planId, cancellationToken);
        var rows = tree.Ordered.Where(r => r.Node.UnitId == unitId).ToList();
        return (await LinesAsync(db, planId, tree, rows, cancellationToken)).SingleOrDefault();
    }

    private static async Task<IReadOnlyList<CoverageLine>> LinesAsync(
        AllocationDbContext db, int planId, PlanTree tree, IReadOnlyList<TreeRow> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return [];
        }

        IReadOnlyCollection<int>? only = rows.Count == tree.Ordered.Count || rows.Count > NamedUnitsLimit ? null : [.. rows.Select(r => r.Node.UnitId)];
        var figures = await CoverageComputation.ComputeAsync(db, planId, tree.Depth, only, cancellationToken);
        var statements = await db.UnitNeeds.AsNoTracking().Where(n => n.PlanId == planId)
            .Where(n => only == null || only.Contains(n.UnitId))
            .Select(n => new { n.UnitId, n.StatedBy, n.StatedAtUtc })
            .ToDictionaryAsync(n => n.UnitId, cancellationToken);
        var empty = new CoverageFigures(0, 0, 0, 0);
        var top = rows[0].Depth;
        return [.. rows.Select(r =>
        {
            var (own, subtree) = figures.TryGetValue(r.Node.UnitId, out var f) ? f : (empty, empty);
            var statement = statements.GetValueOrDefault(r.Node.UnitId);
            return new CoverageLine(
                r.Node.UnitId, r.Node.ParentUnitId, r.Node.Code, r.Node.Name, r.Node.Kind, Math.Max(0, r.Depth - top),
                own, subtree, statement?.StatedBy, statement?.StatedAtUtc);
        })];
    }
}

/// <summary>A plan's units as the coverage reads them: in tree order, with their parents and the tree's depth.</summary>
internal sealed record PlanTree(IReadOnlyList<UnitNodeView> Nodes, IReadOnlyList<TreeRow> Ordered, IReadOnlyDictionary<int, int?> Parents, int Depth)
{
    public static async Task<PlanTree> ReadAsync(AllocationDbContext db, int planId, CancellationToken cancellationToken)
    {
        var nodes = await PlanTreeQuery.Rows(db, planId).ToListAsync(cancellationToken);
        var ordered = PlanTreeQuery.InTreeOrder(nodes);
        return new PlanTree(nodes, ordered, nodes.ToDictionary(n => n.UnitId, n => n.ParentUnitId), ordered.Count == 0 ? 0 : ordered.Max(r => r.Depth));
    }
}
