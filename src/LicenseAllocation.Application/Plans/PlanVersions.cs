using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Allocations;
using LicenseAllocation.Application.Auditing;
using LicenseAllocation.Application.Common;
using LicenseAllocation.Application.Data;
using LicenseAllocation.Domain.Allocations;
using LicenseAllocation.Domain.Auditing;
using LicenseAllocation.Domain.Plans;
using Microsoft.EntityFrameworkCore;

namespace LicenseAllocation.Application.Plans;

/// <summary>
/// Makes new plans from existing ones. An amendment is the next version of a published plan: a draft over the same
/// units with the same figures, linked to it, whose publication supersedes it. A copy starts a new plan (another year
/// or product) from any plan's tree and figures, as a first version of its own. Either way the new plan's figures are
/// written to the audit trail as it is created, so replaying its trail from zero gives its figures.
/// </summary>
public sealed class PlanVersions(IDbContextFactory<AllocationDbContext> contextFactory, TimeProvider clock)
{
    public async Task<Outcome<PlanSummary>> CreateAmendmentAsync(Caller caller, int planId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!AccessPolicy.CanManagePlans(caller))
        {
            return AllocationError.Forbidden();
        }

        return await TransientFailure.RetryAsync(
            async ct =>
            {
                await using var db = await contextFactory.CreateDbContextAsync(ct);
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                var source = await db.Plans.AsNoTracking().SingleOrDefaultAsync(p => p.Id == planId, ct);
                if (source is null)
                {
                    return AllocationError.NotFound();
                }

                // Holding the published plan's row queues two administrators amending it at once: the second then
                // sees the first one's draft and is refused, rather than both creating one.
                if (source.Status != PlanStatus.Published || !await PlanLock.MoveAsync(db, planId, PlanStatus.Published, PlanStatus.Published, ct))
                {
                    return AllocationError.PlanNotPublished();
                }

                if (await db.Plans.AnyAsync(p => p.AmendmentOfId == planId && p.Status == PlanStatus.Draft, ct))
                {
                    return AllocationError.AmendmentExists();
                }

                var now = clock.GetUtcNow().UtcDateTime;
                var amendment = AllocationPlan.AmendmentOf(source, now);
                var created = await CreateFromAsync(
                    db, caller, source, amendment, now,
                    $"Tạo bản điều chỉnh lần {amendment.Version - 1} (phiên bản {amendment.Version}) của kế hoạch \"{source.Name}\" (kế hoạch #{source.Id})",
                    ct);
                await transaction.CommitAsync(ct);
                return created;
            },
            () => $"Amending plan {planId} kept failing.",
            cancellationToken);
    }

    public async Task<Outcome<PlanSummary>> CopyAsync(Caller caller, CopyPlan command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(command);
        if (!AccessPolicy.CanManagePlans(caller))
        {
            return AllocationError.Forbidden();
        }

        if ((PlanName.Check(command.Name) ?? PlanYear.Check(command.Year)) is { } refused)
        {
            return refused;
        }

        var name = command.Name!.Trim();

        return await TransientFailure.RetryAsync(
            async ct =>
            {
                await using var db = await contextFactory.CreateDbContextAsync(ct);
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                var source = await db.Plans.AsNoTracking().SingleOrDefaultAsync(p => p.Id == command.PlanId, ct);
                if (source is null)
                {
                    return AllocationError.NotFound();
                }

                if (await db.Plans.AnyAsync(p => p.Year == command.Year && p.Name == name, ct))
                {
                    return AllocationError.DuplicatePlan();
                }

                var now = clock.GetUtcNow().UtcDateTime;
                var copy = AllocationPlan.CopyOf(source, name, command.Year, now);
                Outcome<PlanSummary> created;
                try
                {
                    created = await CreateFromAsync(
                        db, caller, source, copy, now,
                        $"Tạo kế hoạch \"{copy.Name}\" năm {copy.Year}, sao chép cây đơn vị và số liệu từ kế hoạch \"{source.Name}\" năm {source.Year} (phiên bản {source.Version}, kế hoạch #{source.Id})",
                        ct);
                }
                catch (DbUpdateException exception) when (!TransientFailure.Is(exception))
                {
                    // Another administrator took the same name and year between the check above and this insert.
                    return AllocationError.DuplicatePlan();
                }

                await transaction.CommitAsync(ct);
                return created;
            },
            () => $"Copying plan {command.PlanId} kept failing.",
            cancellationToken);
    }

    /// <summary>
    /// Saves the new plan with a node for every node of <paramref name="source"/>, same quantities and handed-on
    /// figures, and writes PlanCreated and one Seeded row per unit that holds licences (parents before children, so
    /// the trail replays under the rules).
    /// </summary>
    private static async Task<Outcome<PlanSummary>> CreateFromAsync(
        AllocationDbContext db, Caller caller, AllocationPlan source, AllocationPlan created, DateTime now, string description, CancellationToken ct)
    {
        db.Plans.Add(created);
        await db.SaveChangesAsync(ct);

        var nodes = PlanTreeQuery.InTreeOrder(await PlanTreeQuery.Rows(db, source.Id).ToListAsync(ct));
        db.Nodes.AddRange(nodes.Select(row => AllocationNode.CopyFor(created.Id, row.Node.UnitId, row.Node.Quantity, row.Node.HandedOn)));
        await db.SaveChangesAsync(ct);

        var changeSetId = Guid.NewGuid();
        var reason = $"Số liệu chép từ kế hoạch \"{source.Name}\" năm {source.Year}, phiên bản {source.Version} (kế hoạch #{source.Id})";
        var audit = new List<AuditEntry> { AuditEntry.Event(created.Id, unitId: null, caller.UserName, now, AuditAction.PlanCreated, description, changeSetId) };
        audit.AddRange(nodes
            .Where(row => row.Node.Quantity > 0)
            .Select(row => AuditEntry.QuantityChange(
                created.Id, row.Node.UnitId, caller.UserName, now, 0, row.Node.Quantity, reason, changeSetId, AuditAction.Seeded)));
        await AuditTrail.AppendAsync(db, audit, ct);
        return (await PlanQueries.FindAsync(db, created.Id, ct))!;
    }
}
