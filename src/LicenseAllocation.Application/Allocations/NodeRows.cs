using LicenseAllocation.Application.Data;
using LicenseAllocation.Domain.Allocations;
using LicenseAllocation.Domain.Units;
using Microsoft.EntityFrameworkCore;

namespace LicenseAllocation.Application.Allocations;

/// <summary>
/// A node row joined with its unit's place in the tree; <c>LevelFrozen</c> says the unit's own decision over its
/// children is published (<see cref="AllocationNode.LevelFrozen"/>).
/// </summary>
internal sealed record NodeRow(long NodeId, int UnitId, int? ParentUnitId, int Quantity, int HandedOn, int Version, bool IsActive, bool LevelFrozen = false)
{
    /// <summary>The unit whose decision fixes this unit's quantity: its parent, or the root itself for the plan's total.</summary>
    public int IssuerUnitId => ParentUnitId ?? UnitId;

    public NodeFigures Figures => new(Quantity, HandedOn);

    public TreeNode TreeNode => new(UnitId, ParentUnitId, Quantity, HandedOn);
}

internal static class NodeRows
{
    // The reads every edit makes are compiled once (EF.CompileAsyncQuery): the expression tree is neither rebuilt nor
    // looked up in the query cache per call, which was a fifth of the portal's CPU per edit (docs/benchmarks.md).
    private static readonly PerModel<Func<AllocationDbContext, int, int, CancellationToken, Task<NodeRow?>>> FindCompiled =
        new(_ => EF.CompileAsyncQuery((AllocationDbContext db, int planId, int unitId, CancellationToken _) =>
            (from n in db.Nodes.AsNoTracking()
             join u in db.Units.AsNoTracking() on n.UnitId equals u.Id
             where n.PlanId == planId && n.UnitId == unitId
             select new NodeRow(n.Id, n.UnitId, u.ParentId, n.Quantity, n.HandedOn, n.Version, u.IsActive, n.LevelFrozen))
            .SingleOrDefault()));

    private static readonly PerModel<Func<AllocationDbContext, int, int, CancellationToken, Task<UnitNodeRead?>>> FindWithViewCompiled =
        new(_ => EF.CompileAsyncQuery((AllocationDbContext db, int planId, int unitId, CancellationToken _) =>
            (from n in db.Nodes.AsNoTracking()
             join u in db.Units.AsNoTracking() on n.UnitId equals u.Id
             where n.PlanId == planId && n.UnitId == unitId
             select new UnitNodeRead(n.Id, n.UnitId, u.ParentId, u.Code, u.Name, u.Kind, u.Order, u.IsActive, n.Quantity, n.HandedOn, n.Version, n.LevelFrozen))
            .SingleOrDefault()));

    public static Task<NodeRow?> FindAsync(AllocationDbContext db, int planId, int unitId, CancellationToken cancellationToken) =>
        FindCompiled.For(db)(db, planId, unitId, cancellationToken);

    /// <summary>Every node of a plan, as read now in the caller's transaction.</summary>
    public static Task<List<NodeRow>> ForPlanAsync(AllocationDbContext db, int planId, CancellationToken cancellationToken) =>
        Rows(db, planId, unitId: null).ToListAsync(cancellationToken);

    /// <summary>The node row and the unit's view in one read, for a write that answers with the view as it leaves it.</summary>
    public static async Task<(NodeRow Row, UnitNodeView View)?> FindWithViewAsync(AllocationDbContext db, int planId, int unitId, CancellationToken cancellationToken)
    {
        var found = await FindWithViewCompiled.For(db)(db, planId, unitId, cancellationToken);
        return found is null
            ? null
            : (new NodeRow(found.Id, found.UnitId, found.ParentId, found.Quantity, found.HandedOn, found.Version, found.IsActive, found.LevelFrozen),
                new UnitNodeView(found.UnitId, found.ParentId, found.Code, found.Name, found.Kind, found.Order, found.IsActive, found.Quantity, found.HandedOn, found.Version));
    }

    public static async Task<UnitNodeView> ViewAsync(AllocationDbContext db, int planId, int unitId, CancellationToken cancellationToken) =>
        await PlanTreeQuery.Rows(db, planId, unitId: unitId).SingleAsync(cancellationToken);

    private static IQueryable<NodeRow> Rows(AllocationDbContext db, int planId, int? unitId) =>
        from n in db.Nodes.AsNoTracking()
        join u in db.Units.AsNoTracking() on n.UnitId equals u.Id
        where n.PlanId == planId && (unitId == null || n.UnitId == unitId)
        select new NodeRow(n.Id, n.UnitId, u.ParentId, n.Quantity, n.HandedOn, n.Version, u.IsActive, n.LevelFrozen);
}

/// <summary>What <see cref="NodeRows.FindWithViewAsync"/> reads in one row: the node and its unit.</summary>
internal sealed record UnitNodeRead(
    long Id, int UnitId, int? ParentId, string? Code, string Name, UnitKind Kind, int Order, bool IsActive, int Quantity, int HandedOn, int Version, bool LevelFrozen);
