using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Common;
using LicenseAllocation.Application.Data;
using LicenseAllocation.Domain.Allocations;
using Microsoft.EntityFrameworkCore;

namespace LicenseAllocation.Application.Allocations;

public sealed class AllocationQueries(IDbContextFactory<AllocationDbContext> contextFactory)
{
    /// <summary>Every node of a plan the caller may see, in tree order.</summary>
    public async Task<Outcome<IReadOnlyList<TreeRow>>> GetTreeAsync(Caller caller, int planId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!AccessPolicy.CanReadPlans(caller))
        {
            return AllocationError.Forbidden();
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.Plans.AnyAsync(p => p.Id == planId, cancellationToken))
        {
            return AllocationError.NotFound();
        }

        var nodes = await PlanTreeQuery.Rows(db, planId).ToListAsync(cancellationToken);
        // Only the caller's own subtree leaves the service; without a scope unit that is nothing.
        if (UnitScope.VisibleTo(caller, nodes) is { } visible)
        {
            nodes = nodes.Where(n => AccessPolicy.CanRead(caller, visible.Contains(n.UnitId))).ToList();
        }

        return Outcome.Success<IReadOnlyList<TreeRow>>(PlanTreeQuery.InTreeOrder(nodes));
    }
}
