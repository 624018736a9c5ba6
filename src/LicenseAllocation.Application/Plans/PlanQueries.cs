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
        var plan = await FindAsync(db, planId, cancellationToken);
        return plan is null ? AllocationError.NotFound() : plan;
    }

    /// <summary>Every version of the plan's line (the first version and its amendments, in order), the plan itself included.</summary>
    public async Task<Outcome<IReadOnlyList<PlanSummary>>> GetVersionsAsync(Caller caller, int planId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!AccessPolicy.CanReadPlans(caller))
        {
            return AllocationError.Forbidden();
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var links = await db.Plans.AsNoTracking().Select(p => new { p.Id, p.AmendmentOfId }).ToDictionaryAsync(p => p.Id, p => p.AmendmentOfId, cancellationToken);
        if (!links.ContainsKey(planId))
        {
            return AllocationError.NotFound();
        }

        // A province has a handful of plans: following the links in memory is simpler than a recursive query per provider.
        int FirstOf(int id) => links[id] is { } previous ? FirstOf(previous) : id;
        var first = FirstOf(planId);
        var line = links.Keys.Where(id => FirstOf(id) == first).ToList();
        var versions = await Summaries(db, ids: line).ToListAsync(cancellationToken);
        return Outcome.Success<IReadOnlyList<PlanSummary>>([.. versions.OrderBy(p => p.Version)]);
    }

    internal static Task<PlanSummary?> FindAsync(AllocationDbContext db, int planId, CancellationToken cancellationToken) =>
        Summaries(db, planId).SingleOrDefaultAsync(cancellationToken);

    /// <summary>Filter here, before the projection: EF cannot filter on a record's constructor.</summary>
    private static IQueryable<PlanSummary> Summaries(AllocationDbContext db, int? planId = null, List<int>? ids = null) =>
        from p in db.Plans.AsNoTracking()
        join root in db.Nodes on new { PlanId = p.Id, UnitId = p.RootUnitId } equals new { root.PlanId, root.UnitId }
        where (planId == null || p.Id == planId) && (ids == null || ids.Contains(p.Id))
        orderby p.Year descending, p.Name, p.Version descending, p.Id
        select new PlanSummary(
            p.Id,
            p.Name,
            p.Year,
            p.ProductName,
            p.Status,
            p.Document,
            p.RootUnitId,
            root.Quantity,
            root.HandedOn,
            p.Version,
            p.AmendmentOfId,
            p.Vendor,
            p.LicenceTermStart,
            p.LicenceTermEnd,
            p.PublishedAtUtc,
            p.PublishedBy,
            db.PublishedAppendices.Where(a => a.PlanId == p.Id).Select(a => a.Sha256).FirstOrDefault(),
            p.PendingAmendmentId);
}
