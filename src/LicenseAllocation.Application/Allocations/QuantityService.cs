using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Common;
using LicenseAllocation.Application.Data;
using LicenseAllocation.Application.Decisions;
using LicenseAllocation.Application.Plans;
using LicenseAllocation.Domain.Allocations;
using Microsoft.EntityFrameworkCore;

namespace LicenseAllocation.Application.Allocations;

/// <summary>
/// Changes a unit's quantity. The rules are checked twice: first against figures read in the transaction (on SQLite,
/// just before it: ADR 0024), to explain a refusal with numbers; then by the database itself, with conditional updates
/// that hold under concurrent edits:
/// <list type="number">
/// <item>the unit's row changes only if its quantity is still the one read and it keeps at least what it has handed on;</item>
/// <item>the parent's <c>HandedOn</c> moves by the difference only if the parent still has room (<c>HandedOn + delta &lt;= Quantity</c>);</item>
/// <item>the plan row is held while the plan is still a draft (<see cref="PlanLock"/>): a plan published meanwhile refuses the change;</item>
/// <item>the audit row is added; all of it commits together or not at all.</item>
/// </list>
/// The checks and the statements are those of <see cref="QuantityChangeCore"/>, shared with the batch.
/// A sibling's concurrent change only moves the parent's counter, which step 2 re-reads at write time, so it never
/// causes a refusal. Concurrent changes of the same unit queue on the unit's row, which each attempt claims before
/// reading it; should step 1 still miss (a database that does not hold that claim), the whole attempt is retried.
/// </summary>
public sealed class QuantityService(IDbContextFactory<AllocationDbContext> contextFactory, TimeProvider clock, PortalMetrics? metrics = null)
{
    public async Task<Outcome<UnitNodeView>> ChangeAsync(Caller caller, ChangeQuantity command, CancellationToken cancellationToken = default)
    {
        var outcome = await DecideAsync(caller, command, cancellationToken);
        metrics?.Edit("unit", outcome.Succeeded ? null : outcome.Error);
        return outcome;
    }

    private async Task<Outcome<UnitNodeView>> DecideAsync(Caller caller, ChangeQuantity command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(command);
        if (!AccessPolicy.MayEdit(caller))
        {
            return AllocationError.Forbidden();
        }

        if (command.Quantity < 0)
        {
            return AllocationError.InvalidQuantity(command.Quantity);
        }

        if (QuantityChangeCore.CheckRequest(command.Reason, command.DocumentRef) is { } requestRefused)
        {
            return requestRefused;
        }

        // The first attempt on SQLite reads before its turn (see TryChangeAsync); should its row have moved by then, the
        // next attempts read in their transaction, as on the other databases.
        var attempt = 0;
        return await TransientFailure.RetryAsync(
            ct => TryChangeAsync(caller, command, readBeforeTurn: ++attempt == 1, ct),
            () => $"The quantity of unit {command.UnitId} kept changing under {TransientFailure.MaxAttempts} attempts.",
            cancellationToken);
    }

    /// <summary>
    /// One attempt in one transaction; null when the unit's own row changed underneath and the attempt must be repeated.
    /// On SQLite, whose writers take turns for the whole file (ADR 0021), the first attempt reads what its checks and a
    /// refusal need before it takes its turn, so that inside it only the conditional statements, the plan's status, the
    /// chain head and the audit batch are sent (ADR 0024); the unit's update then also requires the row to be wholly as
    /// read, and if it is not, the row is read and checked again in the transaction. On databases whose writers
    /// interleave, the unit's row is claimed first and read after, in the transaction.
    /// </summary>
    private async Task<Outcome<UnitNodeView>?> TryChangeAsync(Caller caller, ChangeQuantity command, bool readBeforeTurn, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        // One connection for the reads and the transaction, instead of one taken from the pool and given back per read.
        await db.Database.OpenConnectionAsync(cancellationToken);
        readBeforeTurn &= !RowLocks.WritersInterleave(db);
        var early = readBeforeTurn ? await ReadAndCheckAsync(db, caller, command, cancellationToken) : null;
        if (early is { Answer: { } earlyAnswer })
        {
            return earlyAnswer;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var decided = early;
        var ownRowWritten = false;
        if (early is { Target: { } readTarget })
        {
            // The first statement in the turn: the unit's update, on the row wholly as read. Should the row have moved
            // while this edit queued, it is read and checked again here, where nothing can move it any more, rather than
            // queued again at the back.
            ownRowWritten = await NodeUpdates.SetQuantityAsync(db, readTarget, command.Quantity, wholeRowAsRead: true, cancellationToken);
            decided = ownRowWritten ? early : null;
        }

        if (decided is null)
        {
            // A no-op write takes the unit's row lock first, so the read below sees what the previous editor of this unit
            // committed. Without it, N editors of one unit all read the same version, all but one miss in step 1, and under
            // real concurrency (PostgreSQL) some ran out of attempts instead of winning as the last writer.
            await NodeUpdates.ClaimAsync(db, command.PlanId, command.UnitId, cancellationToken);
            decided = await ReadAndCheckAsync(db, caller, command, cancellationToken);
            if (decided.Answer is { } answer)
            {
                return answer;
            }
        }

        var (target, view, parent) = (decided.Target!, decided.View!, decided.Parent);
        var (result, _) = await QuantityChangeCore.WriteAsync(
            db, transaction, command.PlanId, [new QuantityWrite(target, parent?.NodeId, command.Quantity, OwnRowWritten: ownRowWritten)],
            caller, command.Reason!, command.DocumentRef, Guid.NewGuid(), clock, cancellationToken);
        switch (result)
        {
            case QuantityWriteResult.OwnRowChanged when command.ExpectedVersion is null:
                return null;
            case QuantityWriteResult.OwnRowChanged:
                return AllocationError.VersionConflict();
            case QuantityWriteResult.ParentFull:
                return await ExplainParentRefusalAsync(command, target, cancellationToken);
            case QuantityWriteResult.PlanLocked:
                return AllocationError.PlanLocked();
            case QuantityWriteResult.LevelFrozen:
                return await LevelLock.RefusalAsync(db, target.IssuerUnitId, cancellationToken);
        }

        // The unit's row is ours since the claim (its children's edits, which move its handed-on counter, wait for it), or,
        // read before the turn, was found wholly as read by the update; so the view as read, with the quantity written and
        // the version moved, is what commits: no read after the hot rows.
        await transaction.CommitAsync(cancellationToken);
        return view with { Quantity = command.Quantity, Version = target.Version + 1 };
    }

    /// <summary>What the change is checked against: the unit's row and view, the plan's status, the caller's scope, the parent.</summary>
    private sealed record Decided(Outcome<UnitNodeView>? Answer, NodeRow? Target = null, UnitNodeView? View = null, NodeRow? Parent = null);

    /// <summary>
    /// Reads the unit, the plan and the parent and checks the change against them; <see cref="Decided.Answer"/> is set when
    /// there is nothing to write (a refusal, or the quantity it already has).
    /// </summary>
    private static async Task<Decided> ReadAndCheckAsync(AllocationDbContext db, Caller caller, ChangeQuantity command, CancellationToken cancellationToken)
    {
        if (await NodeRows.FindWithViewAsync(db, command.PlanId, command.UnitId, cancellationToken) is not var (target, view))
        {
            return new(AllocationError.NotFound());
        }

        if (await PlanLock.IsOpenAsync(db, command.PlanId, cancellationToken) != true)
        {
            return new(AllocationError.PlanLocked());
        }

        var withinScope = AccessPolicy.SeesWholeTree(caller) || await UnitScope.IsWithinAsync(db, caller, command.UnitId, cancellationToken);
        if (QuantityChangeCore.CheckUnit(caller, command.UnitId, command.Quantity, target, withinScope, command.ExpectedVersion) is { } unitRefused)
        {
            return new(unitRefused);
        }

        var parent = target.ParentUnitId is { } parentUnitId
            ? await NodeRows.FindAsync(db, command.PlanId, parentUnitId, cancellationToken)
            : null;
        if ((parent ?? target).LevelFrozen && command.Quantity != target.Quantity)
        {
            return new(await LevelLock.RefusalAsync(db, target.IssuerUnitId, cancellationToken));
        }

        if (AllocationRules.CheckQuantityChange(target.Figures, parent?.Figures, command.Quantity) is { } refusal)
        {
            return new(refusal);
        }

        return command.Quantity == target.Quantity ? new(view) : new(null, target, view, parent);
    }

    /// <summary>The parent filled up between our read and our write: quote its figures as they are now.</summary>
    private async Task<AllocationError> ExplainParentRefusalAsync(ChangeQuantity command, NodeRow target, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var parent = await NodeRows.FindAsync(db, command.PlanId, target.ParentUnitId!.Value, cancellationToken);
        var remaining = Math.Max(parent?.Figures.Remaining ?? 0, 0);
        return AllocationError.ExceedsParent(command.Quantity, target.Quantity + remaining, remaining);
    }
}
