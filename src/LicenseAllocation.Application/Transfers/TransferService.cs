using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Allocations;
using LicenseAllocation.Application.Common;
using LicenseAllocation.Application.Data;
using LicenseAllocation.Application.Decisions;
using LicenseAllocation.Application.Plans;
using LicenseAllocation.Domain.Allocations;
using Microsoft.EntityFrameworkCore;

namespace LicenseAllocation.Application.Transfers;

/// <summary>
/// Giving licences back and moving them between units, each as one change through the statements every quantity change
/// uses (<see cref="QuantityChangeCore"/>): one transaction, one change set, one audit row per unit changed, each naming
/// both ends ("Chuyển 5 bản quyền từ … sang …").
/// <list type="bullet">
/// <item>A move never takes more than the source has free (its quantity less what it has handed on: <c>source-has-no-room</c>).</item>
/// <item>Between units of different parents every unit on the path through their common ancestor changes by the same
/// number (<see cref="TransferPath"/>): decreases from the source up first, then increases down to the target, so the
/// room is freed before it is taken and the common ancestor's handed-on count ends where it began.</item>
/// <item>A return lowers the unit (never below what it has handed on: <c>below-handed-on</c>) and its parent's handed-on count.</item>
/// </list>
/// A statement that matches no row (someone changed a figure meanwhile) rolls the attempt back and it is checked again on fresh figures.
/// </summary>
public sealed class TransferService(IDbContextFactory<AllocationDbContext> contextFactory, TimeProvider clock)
{
    public async Task<Outcome<TransferResult>> MoveAsync(Caller caller, MoveLicences command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(command);
        if (!AccessPolicy.MayEdit(caller))
        {
            return AllocationError.Forbidden();
        }

        if (CheckMove(command.Quantity, command.Reason) is { } refused)
        {
            return refused;
        }

        return await TransientFailure.RetryAsync(
            ct => TryMoveAsync(caller, command, ct),
            () => $"Licences of plan {command.PlanId} could not be moved in {TransientFailure.MaxAttempts} attempts.",
            cancellationToken);
    }

    public async Task<Outcome<UnitNodeView>> ReturnAsync(Caller caller, ReturnLicences command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(command);
        if (!AccessPolicy.CanReturn(caller, withinScope: true))
        {
            return AllocationError.Forbidden();
        }

        if (CheckMove(command.Quantity, command.Reason) is { } refused)
        {
            return refused;
        }

        return await TransientFailure.RetryAsync(
            ct => TryReturnAsync(caller, command, ct),
            () => $"Licences of unit {command.UnitId} could not be returned in {TransientFailure.MaxAttempts} attempts.",
            cancellationToken);
    }

    /// <summary>What a move and a return both need before any figure is read: licences to move, and the reason of the change.</summary>
    private static AllocationError? CheckMove(int quantity, string? reason) =>
        quantity <= 0 ? AllocationError.InvalidQuantity(quantity) : QuantityChangeCore.CheckRequest(reason, null);

    private async Task<Outcome<TransferResult>?> TryMoveAsync(Caller caller, MoveLicences command, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var rows = new Dictionary<int, NodeRow>();
        if (await ReadAsync(db, command.PlanId, command.FromUnitId, rows, cancellationToken) is null
            || await ReadAsync(db, command.PlanId, command.ToUnitId, rows, cancellationToken) is null)
        {
            return AllocationError.NotFound();
        }

        if (await PlanLock.IsOpenAsync(db, command.PlanId, cancellationToken) != true)
        {
            return AllocationError.PlanLocked();
        }

        // The ancestors of both ends, read a level at a time (the tree is a handful of levels deep).
        foreach (var end in new[] { command.FromUnitId, command.ToUnitId })
        {
            for (var current = rows[end].ParentUnitId; current is { } id && !rows.ContainsKey(id);)
            {
                if (await ReadAsync(db, command.PlanId, id, rows, cancellationToken) is not { } row)
                {
                    break;
                }

                current = row.ParentUnitId;
            }
        }

        if (TransferPath.Between(command.FromUnitId, command.ToUnitId, id => rows.GetValueOrDefault(id)?.ParentUnitId) is not { } path)
        {
            return AllocationError.InvalidSource();
        }

        // Every unit on the path changes: the caller must be allowed to change each of them.
        foreach (var unitId in path.Decreases.Concat(path.Increases))
        {
            var withinScope = AccessPolicy.SeesWholeTree(caller) || await UnitScope.IsWithinAsync(db, caller, unitId, cancellationToken);
            if (!AccessPolicy.CanChangeQuantity(caller, unitId, withinScope))
            {
                return AllocationError.OutOfScope();
            }
        }

        // Claimed in the order of their ids so that two moves over the same units queue instead of deadlocking; then read again.
        var changed = path.Decreases.Concat(path.Increases).ToList();
        foreach (var unitId in changed.Order())
        {
            await NodeUpdates.ClaimAsync(db, command.PlanId, unitId, cancellationToken);
        }

        foreach (var unitId in changed.Append(path.CommonAncestor))
        {
            rows.Remove(unitId);
            if (await ReadAsync(db, command.PlanId, unitId, rows, cancellationToken) is null)
            {
                return AllocationError.NotFound();
            }
        }

        var source = rows[command.FromUnitId];
        if (source.Quantity - source.HandedOn < command.Quantity)
        {
            return AllocationError.SourceHasNoRoom(command.Quantity, Math.Max(source.Quantity - source.HandedOn, 0));
        }

        var writes = path.Decreases.Select(id => Write(rows, id, -command.Quantity))
            .Concat(path.Increases.Select(id => Write(rows, id, command.Quantity)))
            .ToList();
        foreach (var write in writes)
        {
            if (QuantityChangeCore.CheckUnit(caller, write.Read.UnitId, write.NewQuantity, write.Read, withinScope: true) is { } unitRefused)
            {
                return unitRefused;
            }

            // A published decision fixes the figures of its level: no move passes through them.
            if (write.Read.ParentUnitId is { } parentUnitId && rows[parentUnitId].LevelFrozen)
            {
                return await LevelLock.RefusalAsync(db, write.Read.IssuerUnitId, cancellationToken);
            }
        }

        var names = await db.Units.AsNoTracking().Where(u => u.Id == command.FromUnitId || u.Id == command.ToUnitId).ToDictionaryAsync(u => u.Id, u => u.Name, cancellationToken);
        var reason = Fit(TextResources.Format(
            TextResources.AuditTexts, "Transfer_Moved", Stored, command.Quantity, names[command.FromUnitId], names[command.ToUnitId], Domain.Text.InputText.Normalize(command.Reason)));
        var changeSetId = Guid.NewGuid();
        var (result, missed) = await QuantityChangeCore.WriteAsync(db, transaction, command.PlanId, writes, caller, reason, null, changeSetId, clock, cancellationToken);
        switch (result)
        {
            case QuantityWriteResult.OwnRowChanged or QuantityWriteResult.ParentFull:
                return null;
            case QuantityWriteResult.PlanLocked:
                return AllocationError.PlanLocked();
            case QuantityWriteResult.LevelFrozen:
                return await LevelLock.RefusalAsync(db, missed!.Read.IssuerUnitId, cancellationToken);
        }

        var from = await NodeRows.ViewAsync(db, command.PlanId, command.FromUnitId, cancellationToken);
        var to = await NodeRows.ViewAsync(db, command.PlanId, command.ToUnitId, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new TransferResult(from, to, changeSetId);
    }

    private async Task<Outcome<UnitNodeView>?> TryReturnAsync(Caller caller, ReturnLicences command, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await NodeUpdates.ClaimAsync(db, command.PlanId, command.UnitId, cancellationToken);
        var unit = await NodeRows.FindAsync(db, command.PlanId, command.UnitId, cancellationToken);
        if (unit is null)
        {
            return AllocationError.NotFound();
        }

        var withinScope = AccessPolicy.SeesWholeTree(caller) || await UnitScope.IsWithinAsync(db, caller, command.UnitId, cancellationToken);
        if (!AccessPolicy.CanReturn(caller, withinScope))
        {
            return AllocationError.OutOfScope();
        }

        // The plan's root has no parent to give back to.
        if (unit.ParentUnitId is not { } parentUnitId || await NodeRows.FindAsync(db, command.PlanId, parentUnitId, cancellationToken) is not { } parent)
        {
            return AllocationError.InvalidSource();
        }

        if (await PlanLock.IsOpenAsync(db, command.PlanId, cancellationToken) != true)
        {
            return AllocationError.PlanLocked();
        }

        if (parent.LevelFrozen)
        {
            return await LevelLock.RefusalAsync(db, unit.IssuerUnitId, cancellationToken);
        }

        var newQuantity = unit.Quantity - command.Quantity;
        if (newQuantity < 0 || AllocationRules.CheckQuantityChange(unit.Figures, parent.Figures, newQuantity) is not null)
        {
            return AllocationError.BelowHandedOn(newQuantity, unit.HandedOn);
        }

        var names = await db.Units.AsNoTracking().Where(u => u.Id == unit.UnitId || u.Id == parentUnitId).ToDictionaryAsync(u => u.Id, u => u.Name, cancellationToken);
        var reason = Fit(TextResources.Format(
            TextResources.AuditTexts, "Transfer_Returned", Stored, command.Quantity, names[unit.UnitId], names[parentUnitId], Domain.Text.InputText.Normalize(command.Reason)));
        var (result, _) = await QuantityChangeCore.WriteAsync(
            db, transaction, command.PlanId, [new QuantityWrite(unit, parent.NodeId, newQuantity)], caller, reason, null, Guid.NewGuid(), clock, cancellationToken);
        switch (result)
        {
            case QuantityWriteResult.OwnRowChanged or QuantityWriteResult.ParentFull:
                return null;
            case QuantityWriteResult.PlanLocked:
                return AllocationError.PlanLocked();
            case QuantityWriteResult.LevelFrozen:
                return await LevelLock.RefusalAsync(db, unit.IssuerUnitId, cancellationToken);
        }

        var view = await NodeRows.ViewAsync(db, command.PlanId, command.UnitId, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return view;
    }

    private static readonly System.Globalization.CultureInfo Stored = System.Globalization.CultureInfo.GetCultureInfo("vi");

    private static async Task<NodeRow?> ReadAsync(AllocationDbContext db, int planId, int unitId, Dictionary<int, NodeRow> rows, CancellationToken cancellationToken)
    {
        var row = await NodeRows.FindAsync(db, planId, unitId, cancellationToken);
        if (row is not null)
        {
            rows[unitId] = row;
        }

        return row;
    }

    private static QuantityWrite Write(Dictionary<int, NodeRow> rows, int unitId, int delta)
    {
        var row = rows[unitId];
        return new QuantityWrite(row, row.ParentUnitId is { } parent ? rows[parent].NodeId : null, row.Quantity + delta);
    }

    private static string Fit(string text) => Requests.RequestAuditText.Fit(text);
}
