using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Auditing;
using LicenseAllocation.Application.Common;
using LicenseAllocation.Application.Data;
using LicenseAllocation.Application.Identity;
using LicenseAllocation.Application.Plans;
using LicenseAllocation.Domain.Allocations;
using LicenseAllocation.Domain.Auditing;
using LicenseAllocation.Domain.Needs;
using Microsoft.EntityFrameworkCore;

namespace LicenseAllocation.Application.Needs;

/// <summary>
/// Licences a unit buys itself. Recording one, in one transaction: the plan is a draft (<c>plan-locked</c> otherwise), the
/// unit is the plan's and the caller's (<see cref="AccessPolicy.CanStateNeed"/>), the details pass
/// <see cref="PurchaseRules.Check"/> (<c>invalid-purchase</c>), and the product is the plan's as announced
/// (<see cref="PurchaseRules.CheckProduct"/>: <c>product-not-announced</c>, <c>different-product</c>); the plan row is held
/// and the audit row added in the same transaction. Cancelling one is a conditional update (only a purchase not cancelled
/// yet: <c>purchase-cancelled</c>) with its reason, audited the same way. Nothing is ever deleted.
/// </summary>
public sealed class PurchaseService(IDbContextFactory<AllocationDbContext> contextFactory, TimeProvider clock)
{
    public async Task<Outcome<PurchaseView>> RecordAsync(Caller caller, RecordPurchase command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(command.Details);
        if (!AccessPolicy.MayStateNeeds(caller))
        {
            return AllocationError.Forbidden();
        }

        return await TransientFailure.RetryAsync<Outcome<PurchaseView>>(
            async ct =>
            {
                await using var db = await contextFactory.CreateDbContextAsync(ct);
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                if (await CheckPlaceAsync(db, caller, command.PlanId, command.UnitId, ct) is { } placeRefused)
                {
                    return placeRefused;
                }

                if (PurchaseRules.Check(command.Details) is { } invalid)
                {
                    return invalid;
                }

                var plan = await db.Plans.AsNoTracking().Where(p => p.Id == command.PlanId).Select(p => new { p.ProductName, p.Vendor }).SingleAsync(ct);
                if (PurchaseRules.CheckProduct(plan.ProductName, plan.Vendor, command.Details.ProductName, command.Details.Vendor) is { } otherProduct)
                {
                    return otherProduct;
                }

                var now = clock.GetUtcNow().UtcDateTime;
                var purchase = SelfPurchase.Record(command.PlanId, command.UnitId, command.Details, caller.UserName, now);
                db.SelfPurchases.Add(purchase);
                await db.SaveChangesAsync(ct);
                if (!await PlanLock.ShareOpenAsync(db, command.PlanId, ct))
                {
                    await transaction.RollbackAsync(ct);
                    return AllocationError.PlanLocked();
                }

                await AuditTrail.AppendAsync(
                    db,
                    AuditEntry.Event(command.PlanId, command.UnitId, caller.UserName, now, AuditAction.PurchaseRecorded, PurchaseRules.Describe(purchase), Guid.NewGuid()),
                    ct);
                await transaction.CommitAsync(ct);
                return View(purchase, caller);
            },
            () => $"Recording a purchase for unit {command.UnitId} kept failing.",
            cancellationToken);
    }

    /// <summary>The purchases of a unit in a plan (cancelled ones included, marked), newest first.</summary>
    public async Task<Outcome<IReadOnlyList<PurchaseView>>> ListAsync(Caller caller, int planId, int unitId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!AccessPolicy.CanReadPlans(caller))
        {
            return AllocationError.Forbidden();
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.Nodes.AnyAsync(n => n.PlanId == planId && n.UnitId == unitId, cancellationToken))
        {
            return AllocationError.NotFound();
        }

        if (!AccessPolicy.CanRead(caller, await UnitScope.IsWithinAsync(db, caller, unitId, cancellationToken)))
        {
            return AllocationError.OutOfScope();
        }

        var purchases = await db.SelfPurchases.AsNoTracking()
            .Where(p => p.PlanId == planId && p.UnitId == unitId)
            .OrderByDescending(p => p.Id)
            .ToListAsync(cancellationToken);
        return purchases.Select(p => View(p, caller)).ToList();
    }

    public async Task<Outcome<PurchaseView>> CancelAsync(Caller caller, long purchaseId, string? reason, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!AccessPolicy.MayStateNeeds(caller))
        {
            return AllocationError.Forbidden();
        }

        return await TransientFailure.RetryAsync<Outcome<PurchaseView>>(
            async ct =>
            {
                await using var db = await contextFactory.CreateDbContextAsync(ct);
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                var purchase = await db.SelfPurchases.AsNoTracking().SingleOrDefaultAsync(p => p.Id == purchaseId, ct);
                if (purchase is null)
                {
                    return AllocationError.NotFound();
                }

                if (await CheckPlaceAsync(db, caller, purchase.PlanId, purchase.UnitId, ct) is { } placeRefused)
                {
                    return placeRefused;
                }

                if (ChangeReason.Check(reason) is { } noReason)
                {
                    return noReason;
                }

                if (purchase.IsCancelled)
                {
                    return AllocationError.PurchaseCancelled();
                }

                var now = clock.GetUtcNow().UtcDateTime;
                var why = Domain.Text.InputText.Normalize(reason)!;
                var cancelled = await db.SelfPurchases
                    .Where(p => p.Id == purchaseId && p.CancelledAtUtc == null)
                    .ExecuteUpdateAsync(
                        s => s.SetProperty(p => p.CancelledAtUtc, now).SetProperty(p => p.CancelledBy, caller.UserName).SetProperty(p => p.CancelReason, why),
                        ct);
                if (cancelled != 1)
                {
                    await transaction.RollbackAsync(ct);
                    return AllocationError.PurchaseCancelled();
                }

                if (!await PlanLock.ShareOpenAsync(db, purchase.PlanId, ct))
                {
                    await transaction.RollbackAsync(ct);
                    return AllocationError.PlanLocked();
                }

                await AuditTrail.AppendAsync(
                    db,
                    AuditEntry.Event(purchase.PlanId, purchase.UnitId, caller.UserName, now, AuditAction.PurchaseCancelled, DescribeCancel(purchase, why), Guid.NewGuid()),
                    ct);
                var after = await db.SelfPurchases.AsNoTracking().SingleAsync(p => p.Id == purchaseId, ct);
                await transaction.CommitAsync(ct);
                return View(after, caller);
            },
            () => $"Cancelling purchase {purchaseId} kept failing.",
            cancellationToken);
    }

    /// <summary>
    /// The plan exists and is open (a draft, or published and not being amended: a decision fixes quantities, not what a
    /// unit bought), the unit is one of its units and the caller's to record for.</summary>
    private static async Task<AllocationError?> CheckPlaceAsync(AllocationDbContext db, Caller caller, int planId, int unitId, CancellationToken ct)
    {
        var open = await PlanLock.IsOpenAsync(db, planId, ct);
        if (open is null || !await db.Nodes.AnyAsync(n => n.PlanId == planId && n.UnitId == unitId, ct))
        {
            return AllocationError.NotFound();
        }

        var withinScope = AccessPolicy.SeesWholeTree(caller) || await UnitScope.IsWithinAsync(db, caller, unitId, ct);
        if (!AccessPolicy.CanStateNeed(caller, unitId, withinScope))
        {
            return AllocationError.OutOfScope();
        }

        return open == true ? null : AllocationError.PlanLocked();
    }

    private static string DescribeCancel(SelfPurchase purchase, string reason)
    {
        var text = $"Hủy ghi nhận bản quyền tự mua số {purchase.Id} ({purchase.ProductName}, số lượng {purchase.Quantity}). Lý do: {reason}";
        return text.Length <= AuditEntry.MaxReasonLength ? text : string.Concat(text.AsSpan(0, AuditEntry.MaxReasonLength - 1), "…");
    }

    private static PurchaseView View(SelfPurchase p, Caller caller) => new(
        p.Id, p.PlanId, p.UnitId, p.ProductName, p.Vendor, p.Quantity, p.ContractNumber, p.ContractDate, p.TermStart, p.TermEnd,
        caller.Role == PortalRole.ProvinceAdmin ? p.LicenceKey : PurchaseRules.Mask(p.LicenceKey),
        p.Note, p.RecordedBy, p.RecordedAtUtc, p.CancelledBy, p.CancelledAtUtc, p.CancelReason);
}
