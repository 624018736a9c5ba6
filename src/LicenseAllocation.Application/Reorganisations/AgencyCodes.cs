using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Allocations;
using LicenseAllocation.Application.Auditing;
using LicenseAllocation.Application.Common;
using LicenseAllocation.Application.Data;
using LicenseAllocation.Application.Plans;
using LicenseAllocation.Domain.Allocations;
using LicenseAllocation.Domain.Auditing;
using LicenseAllocation.Domain.Plans;
using LicenseAllocation.Domain.Units;
using Microsoft.EntityFrameworkCore;

namespace LicenseAllocation.Application.Reorganisations;

/// <summary>
/// Sets a unit's electronic agency identifier (mã định danh điện tử): the administrator's to issue, checked by format
/// (<see cref="AgencyCode"/>) and unique among the units in force at the same time (a code may pass from an ended unit
/// to its successor). Written with its audit row in one transaction, while the plan is a draft.
/// </summary>
public sealed class AgencyCodes(IDbContextFactory<AllocationDbContext> contextFactory, TimeProvider clock)
{
    public async Task<Outcome<UnitNodeView>> SetAsync(Caller caller, int planId, int unitId, string? agencyCode, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!AccessPolicy.CanManagePlans(caller))
        {
            return AllocationError.Forbidden();
        }

        if (AgencyCode.Check(agencyCode) is { } invalid)
        {
            return invalid;
        }

        var code = AgencyCode.Normalize(agencyCode);
        return await TransientFailure.RetryAsync<Outcome<UnitNodeView>>(
            async ct =>
            {
                await using var db = await contextFactory.CreateDbContextAsync(ct);
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                if (await PlanLock.StatusAsync(db, planId, ct) is not { } status)
                {
                    return AllocationError.NotFound();
                }

                var unit = await db.Units.SingleOrDefaultAsync(u => u.Id == unitId, ct);
                if (unit is null || !await db.Nodes.AnyAsync(n => n.PlanId == planId && n.UnitId == unitId, ct))
                {
                    return AllocationError.NotFound();
                }

                if (status != PlanStatus.Draft)
                {
                    return AllocationError.PlanLocked();
                }

                if (code is not null)
                {
                    var holders = await db.Units.AsNoTracking().Where(u => u.AgencyCode == code && u.Id != unitId).ToListAsync(ct);
                    if (holders.FirstOrDefault(h => Overlap(h, unit)) is { } holder)
                    {
                        return AllocationError.DuplicateAgencyCode(holder.Name);
                    }
                }

                var previous = unit.AgencyCode;
                unit.IdentifyAs(code);
                await db.SaveChangesAsync(ct);
                if (!await PlanLock.HoldDraftAsync(db, planId, ct))
                {
                    return AllocationError.PlanLocked();
                }

                var description = $"Mã định danh điện tử của \"{unit.Name}\": {previous ?? "(chưa có)"} → {code ?? "(bỏ)"}";
                await AuditTrail.AppendAsync(db, AuditEntry.UnitEvent(planId, unitId, caller.UserName, clock.GetUtcNow().UtcDateTime, AuditAction.AgencyCodeChanged, description, Guid.NewGuid()), ct);
                await transaction.CommitAsync(ct);
                return await PlanTreeQuery.Rows(db, planId, unitId: unitId).SingleAsync(ct);
            },
            () => $"Setting the agency code of unit {unitId} kept failing.",
            cancellationToken);
    }

    private static bool Overlap(OrganisationUnit a, OrganisationUnit b) =>
        (a.ValidFrom is null || b.ValidTo is null || a.ValidFrom <= b.ValidTo) && (b.ValidFrom is null || a.ValidTo is null || b.ValidFrom <= a.ValidTo);
}
