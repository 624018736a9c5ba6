using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Auditing;
using LicenseAllocation.Application.Data;
using LicenseAllocation.Application.Decisions;
using LicenseAllocation.Application.Plans;
using LicenseAllocation.Domain.Allocations;
using LicenseAllocation.Domain.Auditing;
using Microsoft.EntityFrameworkCore.Storage;

namespace LicenseAllocation.Application.Allocations;

/// <summary>
/// One unit's new quantity as it is about to be written: its row as read, its parent's node (none for the plan's root);
/// <paramref name="OwnRowWritten"/> when the caller has already sent the unit's own conditional update in the transaction
/// (the single edit on SQLite, which reads before its turn: <see cref="QuantityService"/>), so only the parent's follows.
/// </summary>
internal sealed record QuantityWrite(NodeRow Read, long? ParentNodeId, int NewQuantity, bool OwnRowWritten = false)
{
    public int Delta => NewQuantity - Read.Quantity;
}

/// <summary>How a write attempt ended: everything written, or the first conditional statement that matched no row.</summary>
internal enum QuantityWriteResult
{
    Written,

    /// <summary>The unit's own row no longer holds what was read (or would hold less than it has handed on).</summary>
    OwnRowChanged,

    /// <summary>The parent no longer has room for the increase.</summary>
    ParentFull,

    /// <summary>The plan was superseded, or an amendment of it was started, meanwhile.</summary>
    PlanLocked,

    /// <summary>The decision that fixes the unit's quantity was published meanwhile (<see cref="QuantityWrite"/> says which unit).</summary>
    LevelFrozen,
}

/// <summary>
/// The steps every change of quantities is made of, whether one unit is edited (<see cref="QuantityService"/>) or many
/// as one change (<see cref="Batches.QuantityBatchService"/>, which the import uses too), so that both decide alike:
/// <list type="number">
/// <item><see cref="CheckRequest"/>: the reason and the document reference (the domain's <see cref="ChangeReason"/> and <see cref="DocumentReference"/>);</item>
/// <item><see cref="CheckUnit"/>: a whole number of 0 or more, a unit of the plan, within the caller's scope, the version the client saw, an inactive unit holds 0;</item>
/// <item><see cref="WriteAsync"/>: the conditional statements of <see cref="NodeUpdates"/> for each unit in order, the plan row held
/// (shared) while it is open (<see cref="PlanLock.ShareOpenAsync"/>), then one audit row per unit under one change set — all in the
/// caller's transaction, which is rolled back as soon as a statement matches no row.</item>
/// </list>
/// Everything a refusal needs is read before the first write; the rows other writers wait for (the parents, the chain
/// head) are taken last, so that from the first parent's update to the commit only the plan's shared lock, the head's
/// locking read and one batch of the audit rows with the head are sent (ADR 0020).
/// The callers retry an attempt with <see cref="TransientFailure.RetryAsync{T}"/>.
/// </summary>
internal static class QuantityChangeCore
{
    /// <summary>What a change as a whole needs before any figure is read.</summary>
    public static AllocationError? CheckRequest(string? reason, string? documentRef) =>
        ChangeReason.Check(reason) ?? DocumentReference.Check(documentRef);

    /// <summary>
    /// The checks of one unit's new quantity against its row as read, in the order a refusal is explained; the rule of the
    /// parent's remaining quantity is the domain's (<see cref="AllocationRules.CheckQuantityChange"/>), checked next.
    /// </summary>
    public static AllocationError? CheckUnit(Caller caller, int unitId, int quantity, NodeRow? row, bool withinScope, int? expectedVersion = null)
    {
        if (quantity < 0)
        {
            return AllocationError.InvalidQuantity(quantity);
        }

        if (row is null)
        {
            return AllocationError.NotFound();
        }

        if (!AccessPolicy.CanChangeQuantity(caller, unitId, withinScope))
        {
            return AllocationError.OutOfScope();
        }

        if (expectedVersion is { } expected && expected != row.Version)
        {
            return AllocationError.VersionConflict();
        }

        return AllocationRules.CheckUnitActivity(row.IsActive, quantity);
    }

    /// <summary>
    /// Writes the quantities in the order given, holds the plan row and appends the audit rows; on the first statement that
    /// matches no row, rolls <paramref name="transaction"/> back and says which. The transaction is left open otherwise, for the
    /// caller to read the new figures and commit.
    /// </summary>
    public static async Task<(QuantityWriteResult Result, QuantityWrite? Missed)> WriteAsync(
        AllocationDbContext db,
        IDbContextTransaction transaction,
        int planId,
        IReadOnlyList<QuantityWrite> writes,
        Caller caller,
        string reason,
        string? documentRef,
        Guid changeSetId,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        foreach (var write in writes)
        {
            if (!write.OwnRowWritten && !await NodeUpdates.SetQuantityAsync(db, write.Read, write.NewQuantity, wholeRowAsRead: false, cancellationToken))
            {
                var rootFrozen = write.ParentNodeId is null && await LevelLock.IsFrozenAsync(db, write.Read.NodeId, cancellationToken);
                await transaction.RollbackAsync(cancellationToken);
                return (rootFrozen ? QuantityWriteResult.LevelFrozen : QuantityWriteResult.OwnRowChanged, write);
            }

            if (write.ParentNodeId is { } parentNodeId && !await NodeUpdates.MoveHandedOnAsync(db, parentNodeId, write.Delta, cancellationToken))
            {
                var frozen = await LevelLock.IsFrozenAsync(db, parentNodeId, cancellationToken);
                await transaction.RollbackAsync(cancellationToken);
                return (frozen ? QuantityWriteResult.LevelFrozen : QuantityWriteResult.ParentFull, write);
            }
        }

        if (!await PlanLock.ShareOpenAsync(db, planId, cancellationToken))
        {
            await transaction.RollbackAsync(cancellationToken);
            return (QuantityWriteResult.PlanLocked, null);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await AuditTrail.AppendUntrackedAsync(
            db,
            [.. writes.Select(w => AuditEntry.QuantityChange(planId, w.Read.UnitId, caller.UserName, now, w.Read.Quantity, w.NewQuantity, reason, changeSetId)
                .UnderDocument(documentRef))],
            cancellationToken);
        return (QuantityWriteResult.Written, null);
    }
}
