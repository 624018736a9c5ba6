using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Allocations;
using LicenseAllocation.Application.Common;
using LicenseAllocation.Application.Data;
using LicenseAllocation.Domain.Plans;
using Microsoft.EntityFrameworkCore;

namespace LicenseAllocation.Application.Plans;

/// <summary>
/// What is still open below each level of a plan, for the overview and the warning before publishing. Reads only the
/// allocating units (a province, its district group and committees: a few hundred rows even nationally).
/// </summary>
public sealed class PlanProgressQuery(IDbContextFactory<AllocationDbContext> contextFactory)
{
    public Task<Outcome<AllocationProgress>> GetAsync(Caller caller, int planId, CancellationToken cancellationToken = default) =>
        PlanReading.ReadAsync(contextFactory, caller, planId, async db =>
        {
            var rows = await PlanTreeQuery.Rows(db, planId, kinds: AllocationProgress.AllocatingKinds).ToListAsync(cancellationToken);
            // Allocating units form a connected top of the tree, so the caller's subtree within them is their share of it.
            if (UnitScope.VisibleTo(caller, rows) is { } visible)
            {
                rows = [.. rows.Where(n => visible.Contains(n.UnitId))];
            }

            var units = PlanTreeQuery.InTreeOrder(rows)
                .Where(r => r.Node.IsActive)
                .Select(r => new AllocatingUnit(r.Node.UnitId, r.Node.Name, r.Node.Kind, r.Node.Quantity, r.Node.HandedOn));
            return AllocationProgress.Of(units);
        }, cancellationToken);
}
