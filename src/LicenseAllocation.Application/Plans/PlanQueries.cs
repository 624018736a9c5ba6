using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Common;
using LicenseAllocation.Application.Data;
using LicenseAllocation.Domain.Allocations;
using Microsoft.EntityFrameworkCore;

namespace LicenseAllocation.Application.Plans;

public sealed class PlanQueries(IDbContextFactory<AllocationDbContext> contextFactory)
{
    public async Task<Outcome<IReadOnlyList<PlanSummary>>> ListAsync(Caller caller, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!AccessPolicy.CanReadPlans(caller))
        {
            return AllocationError.Forbidden();
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var plans = await Summaries(db).ToListAsync(cancellationToken);
        return Outcome.Success<IReadOnlyList<PlanSummary>>(plans);
    }

    public async Task<Outcome<PlanSummary>> GetAsync(Caller caller, int planId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!AccessPolicy.CanReadPlans(caller))
        {
            return AllocationError.Forbidden();
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var plan = await Summaries(db, planId).SingleOrDefaultAsync(cancellationToken);
        return plan is null ? AllocationError.NotFound() : plan;
    }

    private static IQueryable<PlanSummary> Summaries(AllocationDbContext db, int? planId = null) =>
        from p in db.Plans.AsNoTracking()
        join root in db.Nodes on new { PlanId = p.Id, UnitId = p.RootUnitId } equals new { root.PlanId, root.UnitId }
        where planId == null || p.Id == planId
        orderby p.Year descending, p.Id
        select new PlanSummary(p.Id, p.Name, p.Year, p.ProductName, p.Status, p.Document, p.RootUnitId, root.Quantity, root.HandedOn);
}
