using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Common;
using LicenseAllocation.Application.Data;
using LicenseAllocation.Application.Plans;
using Microsoft.EntityFrameworkCore;

namespace LicenseAllocation.Application.Allocations;

public sealed class AllocationQueries(IDbContextFactory<AllocationDbContext> contextFactory)
{
    /// <summary>Every node of a plan the caller may see, in tree order.</summary>
    public Task<Outcome<IReadOnlyList<TreeRow>>> GetTreeAsync(Caller caller, int planId, CancellationToken cancellationToken = default) =>
        PlanReading.ReadAsync<IReadOnlyList<TreeRow>>(contextFactory, caller, planId, async db =>
        {
            var nodes = await PlanTreeQuery.Rows(db, planId).ToListAsync(cancellationToken);
            // Only the caller's own subtree leaves the service; without a scope unit that is nothing.
            if (UnitScope.VisibleTo(caller, nodes) is { } visible)
            {
                nodes = nodes.Where(n => AccessPolicy.CanRead(caller, visible.Contains(n.UnitId))).ToList();
            }

            return PlanTreeQuery.InTreeOrder(nodes);
        }, cancellationToken);
}
