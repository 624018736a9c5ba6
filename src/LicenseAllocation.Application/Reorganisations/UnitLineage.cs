using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Common;
using LicenseAllocation.Application.Data;
using LicenseAllocation.Domain.Allocations;
using Microsoft.EntityFrameworkCore;

namespace LicenseAllocation.Application.Reorganisations;

/// <summary>One step of a unit's history: the unit on the other side of a link, and the reorganisation that made it.</summary>
public sealed record LineageStep(
    int? UnitId, string? Code, string Name, decimal? Share, bool Partial, bool Confirmed,
    int ReorganisationId, string Reorganisation, DateOnly EffectiveFrom, string LegalBasis);

/// <summary>Where a unit came from and what it became, with the dates and the legal basis.</summary>
public sealed record UnitLineageView(int UnitId, string Name, string? Code, DateOnly? ValidFrom, DateOnly? ValidTo, IReadOnlyList<LineageStep> Predecessors, IReadOnlyList<LineageStep> Successors);

/// <summary>Reads a unit's lineage across reorganisations. Public administrative facts: every signed-in role.</summary>
public sealed class UnitLineage(IDbContextFactory<AllocationDbContext> contextFactory)
{
    public async Task<Outcome<UnitLineageView>> GetAsync(Caller caller, int unitId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!AccessPolicy.CanReadPlans(caller))
        {
            return AllocationError.Forbidden();
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var unit = await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Id == unitId, cancellationToken);
        if (unit is null)
        {
            return AllocationError.NotFound();
        }

        var links = await db.ReorganisationLinks.AsNoTracking()
            .Where(l => l.NewUnitId == unitId || l.OldUnitId == unitId).OrderBy(l => l.Order).ToListAsync(cancellationToken);
        var reorganisationIds = links.Select(l => l.ReorganisationId).Distinct().ToList();
        var reorganisations = await db.Reorganisations.AsNoTracking().Where(r => reorganisationIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, cancellationToken);
        var successorIds = links.Where(l => l.OldUnitId == unitId).Select(l => l.NewUnitId).ToList();
        var successors = await db.Units.AsNoTracking().Where(u => successorIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, cancellationToken);

        LineageStep Step(Domain.Reorganisations.ReorganisationLink l, int? otherId, string? code, string name)
        {
            var r = reorganisations[l.ReorganisationId];
            return new LineageStep(otherId, code, name, l.Share, l.Partial, l.Confirmed, r.Id, r.Name, r.EffectiveFrom, r.LegalBasis);
        }

        return new UnitLineageView(
            unit.Id, unit.Name, unit.Code, unit.ValidFrom, unit.ValidTo,
            [.. links.Where(l => l.NewUnitId == unitId).Select(l => Step(l, l.OldUnitId, l.OldCode, l.OldName))],
            [.. links.Where(l => l.OldUnitId == unitId).Select(l => Step(l, l.NewUnitId, successors[l.NewUnitId].Code, successors[l.NewUnitId].Name))]);
    }
}
