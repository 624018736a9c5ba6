using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Common;
using LicenseAllocation.Application.Data;
using LicenseAllocation.Domain.Allocations;
using Microsoft.EntityFrameworkCore;

namespace LicenseAllocation.Application.Reorganisations;

/// <summary>The recorded reorganisations. They are public administrative facts: every signed-in role reads them.</summary>
public sealed class ReorganisationQueries(IDbContextFactory<AllocationDbContext> contextFactory)
{
    public async Task<Outcome<IReadOnlyList<ReorganisationSummary>>> ListAsync(Caller caller, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!AccessPolicy.CanReadPlans(caller))
        {
            return AllocationError.Forbidden();
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var list = await Summaries(db, db.Reorganisations).ToListAsync(cancellationToken);
        return list.OrderBy(r => r.EffectiveFrom).ThenBy(r => r.Id).ToList();
    }

    public async Task<Outcome<ReorganisationDetails>> GetAsync(Caller caller, int reorganisationId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!AccessPolicy.CanReadPlans(caller))
        {
            return AllocationError.Forbidden();
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await DetailsAsync(db, reorganisationId, cancellationToken) is { } details ? details : AllocationError.NotFound();
    }

    internal static async Task<ReorganisationDetails?> DetailsAsync(AllocationDbContext db, int reorganisationId, CancellationToken ct)
    {
        var summary = await Summaries(db, db.Reorganisations.Where(r => r.Id == reorganisationId)).SingleOrDefaultAsync(ct);
        if (summary is null)
        {
            return null;
        }

        var units = await db.Units.AsNoTracking().Where(u => u.ReorganisationId == reorganisationId)
            .OrderBy(u => u.ParentId == null ? 0 : 1).ThenBy(u => u.Order).ThenBy(u => u.Id)
            .Select(u => new { u.Id, u.Code, u.Name, u.Kind, u.AgencyCode }).ToListAsync(ct);
        var links = await db.ReorganisationLinks.AsNoTracking().Where(l => l.ReorganisationId == reorganisationId)
            .OrderBy(l => l.NewUnitId).ThenBy(l => l.Order).ToListAsync(ct);
        var byNew = links.ToLookup(l => l.NewUnitId);
        return new ReorganisationDetails(summary,
        [
            .. units.Select(u => new ReorganisationUnitView(u.Id, u.Code, u.Name, u.Kind, u.AgencyCode,
                [.. byNew[u.Id].Select(l => new FormedFromView(l.OldUnitId, l.OldCode, l.OldName, l.Share, l.Partial, l.Confirmed))])),
        ]);
    }

    private static IQueryable<ReorganisationSummary> Summaries(AllocationDbContext db, IQueryable<Domain.Reorganisations.Reorganisation> source) =>
        source.AsNoTracking().Select(r => new ReorganisationSummary(
            r.Id, r.Name, r.EffectiveFrom, r.LegalBasis, r.RootUnitId,
            db.Units.Count(u => u.ReorganisationId == r.Id),
            db.ReorganisationLinks.Count(l => l.ReorganisationId == r.Id)));
}
