using System.Globalization;
using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Appendix;
using LicenseAllocation.Application.Auditing;
using LicenseAllocation.Application.Common;
using LicenseAllocation.Application.Data;
using LicenseAllocation.Application.Identity;
using LicenseAllocation.Application.Plans;
using LicenseAllocation.Domain.Allocations;
using LicenseAllocation.Domain.Auditing;
using LicenseAllocation.Domain.Plans;
using LicenseAllocation.Domain.Text;
using Microsoft.EntityFrameworkCore;

namespace LicenseAllocation.Application.Decisions;

/// <summary>
/// Publishes and amends the decisions of the levels below the province's letter (the letter itself is the plan's
/// publication, <see cref="PlanPublication"/>, to which a request for the root's level goes). In one transaction:
/// <list type="number">
/// <item>check the level above is frozen: a unit decides over its share only once that share is itself decided;</item>
/// <item>freeze the unit's level with a conditional update of its node row (<see cref="LevelLock"/>): a change in the level
/// that updated the row first commits before the figures are read, a later one finds the level frozen;</item>
/// <item>hold the plan row while the plan is open, build the level's appendix from the figures as they now stand, store it
/// with its SHA-256 as the level's next version (superseding the one an amendment replaces), audit, commit.</item>
/// </list>
/// </summary>
public sealed class DecisionPublication(IDbContextFactory<AllocationDbContext> contextFactory, PlanPublication letters, TimeProvider clock)
{
    public async Task<Outcome<DecisionPublished>> PublishAsync(Caller caller, PublishDecision command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(command);
        if (!AccessPolicy.MayEdit(caller))
        {
            return AllocationError.Forbidden();
        }

        if (await CheckAccessAsync(caller, command.PlanId, command.IssuingUnitId, cancellationToken) is { } denied)
        {
            return denied;
        }

        if ((OfficialDocument.CheckNumber(command.DocumentNumber) ?? OfficialDocument.CheckDate(command.DocumentDate)
            ?? OfficialDocument.CheckSigner(command.Signer) ?? CheckIssuingBody(command.IssuingBody)) is { } refused)
        {
            return refused;
        }

        if (await IsLetterAsync(command.PlanId, command.IssuingUnitId, cancellationToken))
        {
            var letter = await letters.PublishAsync(caller, new PublishPlan(command.PlanId, command.DocumentNumber, command.DocumentDate, command.Signer), cancellationToken);
            return letter.Succeeded ? await PublishedAsync(command.PlanId, command.IssuingUnitId, cancellationToken) : letter.Error;
        }

        return await TransientFailure.RetryAsync(
            ct => TryPublishAsync(caller, command, ct),
            () => $"Publishing the decision of unit {command.IssuingUnitId} in plan {command.PlanId} kept failing.",
            cancellationToken);
    }

    /// <summary>Opens a published level again to prepare an amendment of its decision; the published version stays in force until the next is published.</summary>
    public async Task<Outcome<LevelDecisionView>> AmendAsync(Caller caller, int planId, int issuingUnitId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!AccessPolicy.MayEdit(caller))
        {
            return AllocationError.Forbidden();
        }

        return await TransientFailure.RetryAsync<Outcome<LevelDecisionView>>(
            async ct =>
            {
                await using var db = await contextFactory.CreateDbContextAsync(ct);
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                if (await CheckLevelAsync(db, caller, planId, issuingUnitId, ct) is { } refused)
                {
                    return refused;
                }

                if (await IsLetterAsync(db, planId, issuingUnitId, ct))
                {
                    // The letter is amended as a whole new version of the plan (PlanVersions).
                    return AllocationError.DecisionNotPublished();
                }

                if (!await LevelLock.ReopenAsync(db, planId, issuingUnitId, ct))
                {
                    return AllocationError.DecisionNotPublished();
                }

                if (!await PlanLock.HoldOpenAsync(db, planId, ct))
                {
                    await transaction.RollbackAsync(ct);
                    return AllocationError.PlanLocked();
                }

                var level = (await DecisionLevels.ReadAsync(db, planId, issuingUnitId, ct)).Single();
                var now = clock.GetUtcNow().UtcDateTime;
                await AuditTrail.AppendAsync(
                    db,
                    AuditEntry.Event(planId, issuingUnitId, caller.UserName, now, AuditAction.DecisionReopened,
                        string.Create(CultureInfo.InvariantCulture, $"Mở lại để điều chỉnh quyết định phân bổ của {level.IssuingBody} (chuẩn bị phiên bản {level.Version})"), Guid.NewGuid()),
                    ct);
                await transaction.CommitAsync(ct);
                return level;
            },
            () => $"Amending the decision of unit {issuingUnitId} in plan {planId} kept failing.",
            cancellationToken);
    }

    private async Task<Outcome<DecisionPublished>?> TryPublishAsync(Caller caller, PublishDecision command, CancellationToken ct)
    {
        var (planId, unitId) = (command.PlanId, command.IssuingUnitId);
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (await CheckLevelAsync(db, caller, planId, unitId, ct) is { } refused)
        {
            return refused;
        }

        var unit = await db.Units.AsNoTracking().SingleAsync(u => u.Id == unitId, ct);
        if (!await LevelLock.IsFrozenAsync(db, planId, unit.ParentId!.Value, ct))
        {
            var above = await db.Units.Where(u => u.Id == unit.ParentId).Select(u => u.Name).SingleAsync(ct);
            return AllocationError.DecisionNotReady(above);
        }

        if (!await LevelLock.FreezeAsync(db, planId, unitId, ct))
        {
            return await LevelLock.RefusalAsync(db, unitId, ct);
        }

        if (!await PlanLock.HoldOpenAsync(db, planId, ct))
        {
            await transaction.RollbackAsync(ct);
            return AllocationError.PlanLocked();
        }

        // Read after the level froze: every change that got in first has committed, every later one will roll back.
        var plan = await db.Plans.AsNoTracking().SingleAsync(p => p.Id == planId, ct);
        var kind = DecisionLevels.DocumentKindOf(unit.Kind);
        var body = InputText.Normalize(command.IssuingBody) is { Length: > 0 } given ? given : DecisionLevels.IssuingBodyOf(unit.Kind, unit.Name, plan);
        var number = InputText.Normalize(command.DocumentNumber)!;
        var date = command.DocumentDate!.Value;
        var signer = InputText.Normalize(command.Signer)!;
        var document = await LevelAppendix.BuildAsync(db, planId, unitId, unit.Kind, LevelDecision.AppendixReferenceOf(kind, number, date, body), ct);
        var workbook = AppendixExport.Render(document);

        var previous = await db.Decisions.Where(d => d.PlanId == planId && d.IssuingUnitId == unitId).MaxAsync(d => (int?)d.Version, ct) ?? 0;
        await db.Decisions.Where(d => d.PlanId == planId && d.IssuingUnitId == unitId && d.Status == PlanStatus.Published)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, PlanStatus.Superseded), ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var decision = LevelDecision.Publish(planId, unitId, previous + 1, kind, number, date, signer, body, caller.UserName, now, workbook);
        db.Decisions.Add(decision);
        await db.SaveChangesAsync(ct);

        await AuditTrail.AppendAsync(
            db,
            AuditEntry.Event(planId, unitId, caller.UserName, now, AuditAction.DecisionPublished,
                    string.Create(CultureInfo.InvariantCulture,
                        $"Ban hành phân bổ của {body} (phiên bản {decision.Version}) theo {decision.Reference}, người ký: {signer}: {document.Rows.Count} đơn vị, {document.Total} bản quyền. Phụ lục SHA-256: {decision.AppendixSha256}"),
                    Guid.NewGuid())
                .UnderDocument(decision.Reference),
            ct);
        var published = await PublishedAsync(db, planId, unitId, ct);
        await transaction.CommitAsync(ct);
        return published;
    }

    /// <summary>
    /// Null when the caller may decide for the unit (the province administrator for every level, a district officer
    /// for its district's); otherwise why not. Answered before anything the caller sent is read.
    /// </summary>
    public async Task<AllocationError?> CheckAccessAsync(Caller caller, int planId, int unitId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!AccessPolicy.MayEdit(caller))
        {
            return AllocationError.Forbidden();
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await CheckAccessAsync(db, caller, planId, unitId, cancellationToken);
    }

    private static async Task<AllocationError?> CheckAccessAsync(AllocationDbContext db, Caller caller, int planId, int unitId, CancellationToken ct)
    {
        if (!await db.Nodes.AnyAsync(n => n.PlanId == planId && n.UnitId == unitId, ct))
        {
            return AllocationError.NotFound();
        }

        return caller.Role != PortalRole.ProvinceAdmin && !await UnitScope.IsWithinAsync(db, caller, unitId, ct)
            ? AllocationError.OutOfScope()
            : null;
    }

    /// <summary>Null when the caller may decide for the unit in that plan and the plan takes decisions; otherwise why not.</summary>
    private static async Task<AllocationError?> CheckLevelAsync(AllocationDbContext db, Caller caller, int planId, int unitId, CancellationToken ct) =>
        await CheckAccessAsync(db, caller, planId, unitId, ct)
        ?? (await PlanLock.IsOpenAsync(db, planId, ct) == true ? null : AllocationError.PlanLocked());

    private static AllocationError? CheckIssuingBody(string? body) =>
        body is null ? null
        : InputText.Check(body) ?? (InputText.Normalize(body) is { Length: <= OfficialDocument.MaxNameLength } ? null : AllocationError.InvalidName());

    private async Task<bool> IsLetterAsync(int planId, int unitId, CancellationToken ct)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        return await IsLetterAsync(db, planId, unitId, ct);
    }

    private static Task<bool> IsLetterAsync(AllocationDbContext db, int planId, int unitId, CancellationToken ct) =>
        db.Plans.AnyAsync(p => p.Id == planId && p.RootUnitId == unitId, ct);

    private async Task<DecisionPublished> PublishedAsync(int planId, int unitId, CancellationToken ct)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        return await PublishedAsync(db, planId, unitId, ct);
    }

    /// <summary>The level as now published, with the units of it that still have licences to hand on.</summary>
    private static async Task<DecisionPublished> PublishedAsync(AllocationDbContext db, int planId, int unitId, CancellationToken ct)
    {
        var level = (await DecisionLevels.ReadAsync(db, planId, unitId, ct)).Single();
        var open = await (from n in db.Nodes.AsNoTracking()
                          join u in db.Units.AsNoTracking() on n.UnitId equals u.Id
                          where n.PlanId == planId && u.ParentId == unitId && u.IsActive && n.Quantity > n.HandedOn
                              && db.Units.Any(c => c.ParentId == u.Id && c.IsActive)
                          orderby u.Order, u.Id
                          select new OpenUnit(u.Id, u.Name, n.Quantity - n.HandedOn))
            .ToListAsync(ct);
        return new DecisionPublished(level, open);
    }
}
