using LicenseAllocation.Application.Data;
using LicenseAllocation.Domain.Allocations;
using Microsoft.EntityFrameworkCore;

namespace LicenseAllocation.Application.Allocations;

/// <summary>A node row joined with its unit's place in the tree.</summary>
internal sealed record NodeRow(long NodeId, int UnitId, int? ParentUnitId, int Quantity, int HandedOn, int Version)
{
    public NodeFigures Figures => new(Quantity, HandedOn);
}

internal static class NodeRows
{
    public static Task<NodeRow?> FindAsync(AllocationDbContext db, int planId, int unitId, CancellationToken cancellationToken) =>
        (from n in db.Nodes
         join u in db.Units on n.UnitId equals u.Id
         where n.PlanId == planId && n.UnitId == unitId
         select new NodeRow(n.Id, n.UnitId, u.ParentId, n.Quantity, n.HandedOn, n.Version))
        .AsNoTracking()
        .SingleOrDefaultAsync(cancellationToken);

    public static async Task<UnitNodeView> ViewAsync(AllocationDbContext db, int planId, int unitId, CancellationToken cancellationToken) =>
        await PlanTreeQuery.Rows(db, planId, unitId).SingleAsync(cancellationToken);
}
