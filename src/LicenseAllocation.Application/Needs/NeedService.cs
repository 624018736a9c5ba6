using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Auditing;
using LicenseAllocation.Application.Common;
using LicenseAllocation.Application.Data;
using LicenseAllocation.Application.Plans;
using LicenseAllocation.Domain.Allocations;
using LicenseAllocation.Domain.Auditing;
using LicenseAllocation.Domain.Needs;
using Microsoft.EntityFrameworkCore;

namespace LicenseAllocation.Application.Needs;

/// <summary>
/// States what units need: the number of computers each must protect in a plan. Who may: the province administrator for
/// every unit, a district officer for the district and the units under it, a unit viewer for their own unit
/// (<see cref="AccessPolicy.CanStateNeed"/>). Each attempt is one transaction:
/// <list type="number">
/// <item>the plan is a draft (a published plan is locked: <c>plan-locked</c>), every unit is a unit of the plan, within scope, active
/// when it needs anything, and every figure passes <see cref="NeedRules.Check"/>;</item>
/// <item>each need is written with a conditional statement (the figure read is still there, or there still is none), so two officers
/// stating the same unit's need at once are serialised and the audit row quotes the figure it replaced;</item>
/// <item>the plan row is held while it is a draft (<see cref="PlanLock"/>), one audit row per changed unit is added under one change
/// set (<see cref="AuditTrail"/>), and all of it commits together. A statement that repeats the figure changes nothing and writes no row.</item>
/// </list>
/// </summary>
public sealed class NeedService(IDbContextFactory<AllocationDbContext> contextFactory, TimeProvider clock)
{
    /// <summary>States one unit's need; the answer is the unit's coverage with the new figure.</summary>
    public async Task<Outcome<CoverageLine>> StateAsync(Caller caller, StateNeed command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(command);
        var result = await StateManyAsync(caller, new StateNeeds(command.PlanId, command.Reason, [new NeedItem(command.UnitId, command.Computers)]), cancellationToken);
        if (!result.Applied)
        {
            return result.Error ?? result.Refused[0].Error;
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return (await CoverageQuery.LineAsync(db, command.PlanId, command.UnitId, cancellationToken))!;
    }

    /// <summary>States many needs as one change: all are written, or none (every refused item is explained).</summary>
    public async Task<NeedBatchResult> StateManyAsync(Caller caller, StateNeeds batch, CancellationToken cancellationToken = default)
    {
        if (RefusedAsAWhole(caller, batch) is { } refused)
        {
            return refused;
        }

        var items = batch.Items ?? [];
        return await TransientFailure.RetryAsync(
            ct => TryStateAsync(caller, batch.PlanId, batch.Reason, items, ct),
            () => $"The needs of plan {batch.PlanId} kept changing under {TransientFailure.MaxAttempts} attempts.",
            cancellationToken);
    }

    /// <summary>
    /// A dry run: checks the needs exactly as <see cref="StateManyAsync"/> does, on the figures as they are now, and says
    /// what would change; writes nothing. The reason is not asked for yet.
    /// </summary>
    public async Task<NeedBatchResult> PreviewManyAsync(Caller caller, StateNeeds batch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(batch);
        if (!AccessPolicy.MayStateNeeds(caller))
        {
            return NeedBatchResult.RefusedAsAWhole(AllocationError.Forbidden());
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var result = await StateWithinAsync(db, caller, batch.PlanId, batch.Reason, batch.Items ?? [], null, dryRun: true, cancellationToken);
        await transaction.RollbackAsync(cancellationToken);
        return result!;
    }

    /// <summary>
    /// States needs inside a transaction someone else opened and commits (the import, which writes quantities in the same
    /// one): the same checks, writes and audit rows as <see cref="StateManyAsync"/>, under <paramref name="changeSetId"/>.
    /// Null when a need changed underneath (the caller rolls back and tries again); when not applied, nothing was written.
    /// </summary>
    internal async Task<NeedBatchResult?> StateWithinAsync(
        AllocationDbContext db, Caller caller, StateNeeds batch, Guid changeSetId, CancellationToken cancellationToken)
    {
        if (RefusedAsAWhole(caller, batch) is { } refused)
        {
            return refused;
        }

        return await StateWithinAsync(db, caller, batch.PlanId, batch.Reason, batch.Items ?? [], changeSetId, dryRun: false, cancellationToken);
    }

    // Who may state needs at all, and the reason every batch of them carries: checked before anything is read.
    private static NeedBatchResult? RefusedAsAWhole(Caller caller, StateNeeds batch)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(batch);
        if (!AccessPolicy.MayStateNeeds(caller))
        {
            return NeedBatchResult.RefusedAsAWhole(AllocationError.Forbidden());
        }

        return NeedRules.CheckReason(batch.Reason) is { } reasonRefused ? NeedBatchResult.RefusedAsAWhole(reasonRefused) : null;
    }

    /// <summary>One attempt; null when a need changed underneath and the batch must be checked again.</summary>
    private async Task<NeedBatchResult?> TryStateAsync(Caller caller, int planId, string? reason, IReadOnlyList<NeedItem> items, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var result = await StateWithinAsync(db, caller, planId, reason, items, Guid.NewGuid(), dryRun: false, cancellationToken);
        if (result is { Applied: true })
        {
            await transaction.CommitAsync(cancellationToken);
        }
        else
        {
            await transaction.RollbackAsync(cancellationToken);
        }

        return result;
    }

    /// <summary>
    /// The checks, writes and audit rows of one attempt, in the caller's transaction, which this neither commits nor rolls
    /// back. A dry run stops before the writes. Null when a need changed underneath.
    /// </summary>
    private async Task<NeedBatchResult?> StateWithinAsync(
        AllocationDbContext db, Caller caller, int planId, string? reason, IReadOnlyList<NeedItem> items, Guid? changeSetId, bool dryRun, CancellationToken cancellationToken)
    {
        // Open: a draft, or published and not being amended. A decision fixes quantities, not what a unit needs.
        var open = await PlanLock.IsOpenAsync(db, planId, cancellationToken);
        if (open is null)
        {
            return NeedBatchResult.RefusedAsAWhole(AllocationError.NotFound());
        }

        if (open == false)
        {
            return NeedBatchResult.RefusedAsAWhole(AllocationError.PlanLocked());
        }

        var unitIds = items.Select(i => i.UnitId).Distinct().ToList();
        var nodes = await db.Nodes.AsNoTracking()
            .Where(n => n.PlanId == planId && unitIds.Contains(n.UnitId))
            .Join(db.Units, n => n.UnitId, u => u.Id, (n, u) => new { n.UnitId, u.IsActive })
            .ToDictionaryAsync(n => n.UnitId, n => n.IsActive, cancellationToken);
        var current = await db.UnitNeeds.AsNoTracking()
            .Where(n => n.PlanId == planId && unitIds.Contains(n.UnitId))
            .ToDictionaryAsync(n => n.UnitId, n => n.Computers, cancellationToken);

        var refused = new List<NeedRefusal>();
        var seen = new HashSet<int>();
        foreach (var item in items)
        {
            var error = await CheckItemAsync(db, caller, item, nodes, seen, cancellationToken);
            if (error is not null)
            {
                refused.Add(new NeedRefusal(item.UnitId, error));
            }
        }

        int? Old(int unitId) => current.TryGetValue(unitId, out var old) ? old : null;
        var changes = items.Where(i => Old(i.UnitId) != i.Computers).ToList();
        var planned = changes.Select(c => new NeedChange(c.UnitId, Old(c.UnitId), c.Computers)).ToList();
        if (refused.Count > 0 || dryRun)
        {
            return new NeedBatchResult(false, 0, refused) { Changes = refused.Count > 0 ? planned.Where(p => refused.All(r => r.UnitId != p.UnitId)).ToList() : planned };
        }

        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var change in changes)
        {
            if (!await WriteAsync(db, planId, change, Old(change.UnitId), caller.UserName, now, cancellationToken))
            {
                return null;
            }
        }

        if (changes.Count > 0)
        {
            if (!await PlanLock.ShareOpenAsync(db, planId, cancellationToken))
            {
                return NeedBatchResult.RefusedAsAWhole(AllocationError.PlanLocked());
            }

            var changeSet = changeSetId ?? Guid.NewGuid();
            await AuditTrail.AppendAsync(
                db,
                changes.Select(c => AuditEntry.NeedStatement(planId, c.UnitId, caller.UserName, now, Old(c.UnitId), c.Computers, reason, changeSet)),
                cancellationToken);
        }

        return new NeedBatchResult(true, changes.Count, []) { Changes = planned };
    }

    private static async Task<AllocationError?> CheckItemAsync(
        AllocationDbContext db, Caller caller, NeedItem item, Dictionary<int, bool> nodes, HashSet<int> seen, CancellationToken cancellationToken)
    {
        if (!seen.Add(item.UnitId))
        {
            return AllocationError.DuplicateItem();
        }

        if (!nodes.TryGetValue(item.UnitId, out var isActive))
        {
            return AllocationError.NotFound();
        }

        var withinScope = AccessPolicy.SeesWholeTree(caller) || await UnitScope.IsWithinAsync(db, caller, item.UnitId, cancellationToken);
        if (!AccessPolicy.CanStateNeed(caller, item.UnitId, withinScope))
        {
            return AllocationError.OutOfScope();
        }

        // The figure is looked at once the caller may state it: an outsider learns nothing from the answer.
        return NeedRules.Check(item.Computers) ?? AllocationRules.CheckUnitActivity(isActive, item.Computers);
    }

    /// <summary>
    /// Writes one need only if it still is what was read (<paramref name="old"/>; null: there is none yet). False when it
    /// changed underneath, or another writer stated the first need of the unit at the same time.
    /// </summary>
    private static async Task<bool> WriteAsync(AllocationDbContext db, int planId, NeedItem item, int? old, string statedBy, DateTime now, CancellationToken cancellationToken)
    {
        if (old is { } before)
        {
            return await db.UnitNeeds
                .Where(n => n.PlanId == planId && n.UnitId == item.UnitId && n.Computers == before)
                .ExecuteUpdateAsync(
                    s => s.SetProperty(n => n.Computers, item.Computers).SetProperty(n => n.StatedBy, statedBy).SetProperty(n => n.StatedAtUtc, now),
                    cancellationToken) == 1;
        }

        db.UnitNeeds.Add(UnitNeed.State(planId, item.UnitId, item.Computers, statedBy, now));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            // The unique index (plan, unit): someone stated this unit's first need meanwhile; check again on fresh figures.
            return false;
        }
    }
}
