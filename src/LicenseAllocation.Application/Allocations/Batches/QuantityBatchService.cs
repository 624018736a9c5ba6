using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Common;
using LicenseAllocation.Application.Data;
using LicenseAllocation.Application.Decisions;
using LicenseAllocation.Application.Plans;
using LicenseAllocation.Domain.Allocations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace LicenseAllocation.Application.Allocations.Batches;

/// <summary>
/// Saves many quantities as one change with one reason: all of them, or none. Each attempt runs in one transaction:
/// <list type="number">
/// <item>read the plan's figures and check every item (a whole number of 0 or more, a unit of the plan, once only, within the caller's scope);</item>
/// <item>simulate the batch on an <see cref="AllocationTree"/> of those figures in a fixed order — decreases first, deepest units first,
/// then increases, shallowest first — so that licences can move between siblings of a full parent and a district can be raised together
/// with its communes; every item the rules refuse is explained, and then nothing is written;</item>
/// <item>apply the items in the same order with the conditional statements shared with <see cref="QuantityService"/> (<see cref="QuantityChangeCore"/>), one audit row per changed unit,
/// all under one change set, hold the plan row while it is still a draft (<see cref="PlanLock"/>), and commit.</item>
/// </list>
/// Should a conditional statement match no row (someone changed the figures since step 1), the attempt is rolled back and
/// the whole batch is checked again on fresh figures.
/// <see cref="PreviewAsync"/> runs steps 1 and 2 and rolls back: the same verdict, and what would change, without writing.
/// </summary>
public sealed class QuantityBatchService(IDbContextFactory<AllocationDbContext> contextFactory, TimeProvider clock, PortalMetrics? metrics = null)
{
    public Task<QuantityBatchResult> ApplyAsync(Caller caller, QuantityBatch batch, CancellationToken ct) => ApplyAlongsideAsync(caller, batch, null, ct);

    /// <summary>
    /// Applies the batch and, in the same transaction, whatever <paramref name="alongside"/> writes (the needs of an
    /// imported file), under the same change set: both commit, or neither. The companion is called once the quantities
    /// are written (or found unchanged) and answers true when it wrote, false when it refused (then nothing is written and
    /// the result is neither applied nor explained: the companion explains its own refusal), null when its figures changed
    /// underneath (the whole batch is checked again).
    /// </summary>
    internal async Task<QuantityBatchResult> ApplyAlongsideAsync(
        Caller caller, QuantityBatch batch, Func<AllocationDbContext, Guid, CancellationToken, Task<bool?>>? alongside, CancellationToken ct)
    {
        var result = await DecideAsync(caller, batch, alongside, ct);
        metrics?.Edit("batch", result.Applied ? null : result.Error ?? (result.Refused.Count > 0 ? result.Refused[0].Error : null));
        return result;
    }

    private async Task<QuantityBatchResult> DecideAsync(
        Caller caller, QuantityBatch batch, Func<AllocationDbContext, Guid, CancellationToken, Task<bool?>>? alongside, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(batch);
        if (!AccessPolicy.MayEdit(caller))
        {
            return QuantityBatchResult.RefusedAsAWhole(AllocationError.Forbidden());
        }

        if (QuantityChangeCore.CheckRequest(batch.Reason, batch.DocumentRef) is { } requestRefused)
        {
            return QuantityBatchResult.RefusedAsAWhole(requestRefused);
        }

        var items = batch.Items ?? [];
        var attempt = 0;
        return await TransientFailure.RetryAsync(
            cancellationToken => TryApplyAsync(new BatchAttempt(caller, batch.PlanId, batch.Reason!, batch.DocumentRef, items, DryRun: false, alongside), readBeforeTurn: ++attempt == 1, cancellationToken),
            () => $"The figures of plan {batch.PlanId} kept changing under {TransientFailure.MaxAttempts} attempts to save a batch.",
            ct);
    }

    /// <summary>
    /// A dry run: checks and simulates the batch exactly as <see cref="ApplyAsync"/> does, on the figures as they are now,
    /// then rolls back. The result is never applied; it lists every refusal and, old → new, what applying would change.
    /// The reason is not asked for yet: a preview comes before the reason is written.
    /// </summary>
    public async Task<QuantityBatchResult> PreviewAsync(Caller caller, QuantityBatch batch, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(batch);
        if (!AccessPolicy.MayEdit(caller))
        {
            return QuantityBatchResult.RefusedAsAWhole(AllocationError.Forbidden());
        }

        var items = batch.Items ?? [];
        return await TransientFailure.RetryAsync(
            cancellationToken => TryApplyAsync(new BatchAttempt(caller, batch.PlanId, batch.Reason ?? string.Empty, batch.DocumentRef, items, DryRun: true, null), readBeforeTurn: true, cancellationToken),
            () => $"The figures of plan {batch.PlanId} kept changing under {TransientFailure.MaxAttempts} attempts to preview a batch.",
            ct);
    }

    /// <summary>
    /// One attempt in one transaction; null when the figures changed underneath and the batch must be checked again. On
    /// SQLite, whose writers take turns for the whole file (ADR 0021), the first attempt reads and checks the plan before it
    /// takes its turn, which a refusal or a preview then never takes (ADR 0024): the conditional statements find out
    /// whether the figures moved meanwhile, and the next attempt reads them in its transaction.
    /// </summary>
    private async Task<QuantityBatchResult?> TryApplyAsync(BatchAttempt attempt, bool readBeforeTurn, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var transaction = readBeforeTurn && !RowLocks.WritersInterleave(db) ? null : await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            return await TryApplyAsync(db, transaction, attempt, cancellationToken);
        }
        finally
        {
            // The transaction begun here or, after the reads, by the attempt: a refusal leaves it without commit.
            if (db.Database.CurrentTransaction is { } open)
            {
                await open.DisposeAsync();
            }
        }
    }

    /// <summary>The attempt in <paramref name="transaction"/>, or, when it is null, read before the transaction it begins to write.</summary>
    private async Task<QuantityBatchResult?> TryApplyAsync(
        AllocationDbContext db, IDbContextTransaction? transaction, BatchAttempt attempt, CancellationToken cancellationToken)
    {
        var (caller, planId, reason, documentRef, items, dryRun, alongside) = attempt;
        switch (await PlanLock.IsOpenAsync(db, planId, cancellationToken))
        {
            case null:
                return QuantityBatchResult.RefusedAsAWhole(AllocationError.NotFound());
            case false:
                return QuantityBatchResult.RefusedAsAWhole(AllocationError.PlanLocked());
        }

        var rows = (await NodeRows.ForPlanAsync(db, planId, cancellationToken)).ToDictionary(r => r.UnitId);
        var plan = new BatchPlan(rows);
        var refused = new List<BatchRefusal>();
        var changes = new List<(QuantityBatchItem Item, int Index)>();
        var scope = AccessPolicy.SeesWholeTree(caller) || caller.ScopeUnitId is not { } scopeUnitId
            ? null
            : UnitScope.Subtree(scopeUnitId, rows.ToDictionary(r => r.Key, r => r.Value.ParentUnitId));
        var duplicates = items.GroupBy(i => i.UnitId).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet();
        var refusedDuplicates = new HashSet<int>();
        foreach (var (item, index) in items.Select((item, index) => (item, index)))
        {
            if (duplicates.Contains(item.UnitId))
            {
                if (refusedDuplicates.Add(item.UnitId))
                {
                    refused.Add(new BatchRefusal(item.UnitId, AllocationError.DuplicateItem()));
                }

                continue;
            }

            var withinScope = scope is null ? AccessPolicy.SeesWholeTree(caller) : scope.Contains(item.UnitId);
            if (QuantityChangeCore.CheckUnit(caller, item.UnitId, item.Quantity, rows.GetValueOrDefault(item.UnitId), withinScope) is { } error)
            {
                refused.Add(new BatchRefusal(item.UnitId, error));
            }
            else if (item.Quantity != rows[item.UnitId].Quantity)
            {
                if (rows[rows[item.UnitId].IssuerUnitId].LevelFrozen)
                {
                    refused.Add(new BatchRefusal(item.UnitId, await LevelLock.RefusalAsync(db, rows[item.UnitId].IssuerUnitId, cancellationToken)));
                    continue;
                }

                changes.Add((item, index));
            }
        }

        // Decreases first, deepest units first, so that room is freed before it is taken; then increases, shallowest first,
        // so that a parent is raised before its children take from it.
        var ordered = changes
            .OrderBy(c => c.Item.Quantity < rows[c.Item.UnitId].Quantity ? 0 : 1)
            .ThenBy(c => c.Item.Quantity < rows[c.Item.UnitId].Quantity ? -plan.DepthOf(c.Item.UnitId) : plan.DepthOf(c.Item.UnitId))
            .ThenBy(c => c.Index)
            .Select(c => c.Item)
            .ToList();
        var tree = new AllocationTree(rows.Values.Select(r => r.TreeNode));
        foreach (var item in ordered)
        {
            if (tree.ChangeQuantity(item.UnitId, item.Quantity) is { } error)
            {
                refused.Add(new BatchRefusal(item.UnitId, AsTotal(error, item.UnitId, tree, rows, ordered)));
            }
        }

        // Old → new in the order the items came, as the person who wrote them reads them.
        var planned = changes.OrderBy(c => c.Index).Select(c => new QuantityBatchChange(c.Item.UnitId, rows[c.Item.UnitId].Quantity, c.Item.Quantity)).ToList();
        if (refused.Count > 0 || dryRun)
        {
            if (transaction is not null)
            {
                await transaction.RollbackAsync(cancellationToken);
            }

            var position = items.Select((item, index) => (item.UnitId, index)).GroupBy(p => p.UnitId).ToDictionary(g => g.Key, g => g.First().index);
            var explained = QuantityBatchResult.RefusedItems([.. refused.OrderBy(r => position[r.UnitId])]);
            return dryRun ? explained with { Changes = planned } : explained;
        }

        var changeSetId = Guid.NewGuid();
        if (ordered.Count == 0)
        {
            if (alongside is null)
            {
                return new QuantityBatchResult(true, [], [], null);
            }

            transaction ??= await db.Database.BeginTransactionAsync(cancellationToken);
            if (await AlongsideAsync(alongside, db, transaction, changeSetId, planned, cancellationToken) is (false, var answer))
            {
                return answer;
            }

            await transaction.CommitAsync(cancellationToken);
            return new QuantityBatchResult(true, [], [], changeSetId);
        }

        var writes = ordered
            .Select(item => (Read: rows[item.UnitId], item.Quantity))
            .Select(w => new QuantityWrite(w.Read, w.Read.ParentUnitId is { } parentUnitId ? rows[parentUnitId].NodeId : null, w.Quantity))
            .ToList();
        transaction ??= await db.Database.BeginTransactionAsync(cancellationToken);
        var write = await QuantityChangeCore.WriteAsync(db, transaction, planId, writes, caller, reason, documentRef, changeSetId, clock, cancellationToken);
        switch (write.Result)
        {
            case QuantityWriteResult.OwnRowChanged or QuantityWriteResult.ParentFull:
                // Someone changed the figures since they were read: check the whole batch again on fresh ones.
                return null;
            case QuantityWriteResult.PlanLocked:
                return QuantityBatchResult.RefusedAsAWhole(AllocationError.PlanLocked());
            case QuantityWriteResult.LevelFrozen:
                return QuantityBatchResult.RefusedAsAWhole(await LevelLock.RefusalAsync(db, write.Missed!.Read.IssuerUnitId, cancellationToken));
        }

        if (alongside is not null && await AlongsideAsync(alongside, db, transaction, changeSetId, planned, cancellationToken) is (false, var undone))
        {
            return undone;
        }

        var changedIds = ordered.Select(i => i.UnitId).ToHashSet();
        var views = await PlanTreeQuery.Rows(db, planId).ToListAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        var byUnit = views.Where(v => changedIds.Contains(v.UnitId)).ToDictionary(v => v.UnitId);
        return new QuantityBatchResult(true, [.. items.Where(i => byUnit.ContainsKey(i.UnitId)).Select(i => byUnit[i.UnitId])], [], changeSetId)
        {
            Changes = planned,
        };
    }

    /// <summary>
    /// Runs the write that goes with the batch in its transaction. Written: (true, null), to commit. Otherwise the
    /// transaction is rolled back and the answer is the batch's: null when the figures changed meanwhile (read them
    /// again), or a refusal with the changes the batch would have made.
    /// </summary>
    private static async Task<(bool Written, QuantityBatchResult? Answer)> AlongsideAsync(
        Func<AllocationDbContext, Guid, CancellationToken, Task<bool?>> alongside, AllocationDbContext db, IDbContextTransaction transaction,
        Guid changeSetId, IReadOnlyList<QuantityBatchChange> planned, CancellationToken cancellationToken)
    {
        var written = await alongside(db, changeSetId, cancellationToken);
        if (written == true)
        {
            return (true, null);
        }

        await transaction.RollbackAsync(cancellationToken);
        return (false, written is null ? null : new QuantityBatchResult(false, [], [], null) { Changes = planned });
    }

    /// <summary>
    /// A unit refused because its parent ran out says which row happened to come last, not what is wrong: the units
    /// typed together exceed what the parent holds. Said as that total ("Tổng 420 vượt 416 được giao — thừa 4").
    /// </summary>
    private static AllocationError AsTotal(
        AllocationError error, int unitId, AllocationTree tree, IReadOnlyDictionary<int, NodeRow> rows, IReadOnlyList<QuantityBatchItem> items)
    {
        if (error.Code != AllocationErrorCode.ExceedsParent || tree.ParentOf(unitId) is not { } parent)
        {
            return error;
        }

        // One raised unit alone is best told the most it can receive; several raised together, their total.
        var requested = items.ToDictionary(i => i.UnitId, i => i.Quantity);
        var siblings = rows.Values.Where(r => r.ParentUnitId == parent).ToList();
        if (siblings.Count(r => requested.TryGetValue(r.UnitId, out var quantity) && quantity > r.Quantity) < 2)
        {
            return error;
        }

        var total = siblings.Sum(r => requested.GetValueOrDefault(r.UnitId, r.Quantity));
        var quota = tree[parent].Quantity;
        return total > quota ? AllocationError.ChildrenExceedParent(total, quota) : error;
    }

    /// <summary>Depths of the plan's units below its root, for the order in which a batch is applied.</summary>
    private sealed class BatchPlan(IReadOnlyDictionary<int, NodeRow> rows)
    {
        private readonly Dictionary<int, int> _depths = [];

        public int DepthOf(int unitId)
        {
            if (_depths.TryGetValue(unitId, out var depth))
            {
                return depth;
            }

            depth = rows[unitId].ParentUnitId is { } parent && rows.ContainsKey(parent) ? DepthOf(parent) + 1 : 0;
            _depths[unitId] = depth;
            return depth;
        }
    }

    /// <summary>What one attempt of a batch works on; the same for every attempt of one call.</summary>
    private sealed record BatchAttempt(
        Caller Caller,
        int PlanId,
        string Reason,
        string? DocumentRef,
        IReadOnlyList<QuantityBatchItem> Items,
        bool DryRun,
        Func<AllocationDbContext, Guid, CancellationToken, Task<bool?>>? Alongside);
}
