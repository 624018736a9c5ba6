using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Allocations;
using LicenseAllocation.Application.Common;
using LicenseAllocation.Application.Data;
using LicenseAllocation.Domain.Allocations;
using LicenseAllocation.Domain.Units;
using Microsoft.EntityFrameworkCore;

namespace LicenseAllocation.Application.Districts;

public sealed class DistrictQueries(IDbContextFactory<AllocationDbContext> contextFactory)
{
    /// <summary>The province's view of its districts: quota, handed on, remaining and how many units still hold 0.</summary>
    public async Task<Outcome<DistrictOverview>> GetOverviewAsync(Caller caller, int planId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!AccessPolicy.SeesWholeTree(caller))
        {
            return AllocationError.Forbidden();
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.Plans.AnyAsync(p => p.Id == planId, cancellationToken))
        {
            return AllocationError.NotFound();
        }

        var nodes = await PlanTreeQuery.Rows(db, planId).ToListAsync(cancellationToken);
        var children = nodes.Where(n => n.ParentUnitId is not null).ToLookup(n => n.ParentUnitId!.Value);
        var districts = nodes
            .Where(n => n.Kind == UnitKind.DistrictCommittee)
            .OrderBy(n => n.Order).ThenBy(n => n.UnitId)
            .Select(d => new DistrictSummary(d, children[d.UnitId].Count(c => c.IsActive), children[d.UnitId].Count(c => c.IsActive && c.Quantity == 0)))
            .ToList();
        return new DistrictOverview(nodes.FirstOrDefault(n => n.Kind == UnitKind.DistrictGroup), districts);
    }

    /// <summary>One district's workspace, for whoever may see that district.</summary>
    public async Task<Outcome<DistrictWorkspace>> GetWorkspaceAsync(Caller caller, int planId, int districtUnitId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!AccessPolicy.CanReadPlans(caller))
        {
            return AllocationError.Forbidden();
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var nodes = await PlanTreeQuery.Rows(db, planId).ToListAsync(cancellationToken);
        var district = nodes.SingleOrDefault(n => n.UnitId == districtUnitId && n.Kind == UnitKind.DistrictCommittee);
        if (district is null)
        {
            return AllocationError.NotFound();
        }

        var within = AccessPolicy.SeesWholeTree(caller) || caller.ScopeUnitId == districtUnitId;
        if (!AccessPolicy.CanRead(caller, within))
        {
            return AllocationError.OutOfScope();
        }

        var subtree = UnitScope.Subtree(districtUnitId, nodes.ToDictionary(n => n.UnitId, n => n.ParentUnitId));
        var ordered = PlanTreeQuery.InTreeOrder(nodes.Where(n => subtree.Contains(n.UnitId)).ToList());
        var subtreeQuantities = SubtreeQuantities(ordered);
        var rows = ordered.Skip(1)
            .Select(r => new WorkspaceRow(r.Node, r.Depth, r.ChildCount, subtreeQuantities[r.Node.UnitId]))
            .ToList();
        return new DistrictWorkspace(district, rows);
    }

    /// <summary>For each node, what its subtree holds at the bottom: its own quantity for a leaf, the leaves' sum above.</summary>
    private static Dictionary<int, int> SubtreeQuantities(IReadOnlyList<TreeRow> ordered)
    {
        var children = ordered.Where(r => r.Node.ParentUnitId is not null).ToLookup(r => r.Node.ParentUnitId!.Value);
        var totals = new Dictionary<int, int>();

        // Tree order puts children after their parent, so walking it backwards sees every child first.
        for (var i = ordered.Count - 1; i >= 0; i--)
        {
            var row = ordered[i];
            totals[row.Node.UnitId] = row.ChildCount == 0 ? row.Node.Quantity : children[row.Node.UnitId].Sum(c => totals[c.Node.UnitId]);
        }

        return totals;
    }
}
