using System.Globalization;
using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Auditing;
using LicenseAllocation.Application.Common;
using LicenseAllocation.Application.Data;
using LicenseAllocation.Domain.Allocations;
using LicenseAllocation.Domain.Auditing;
using LicenseAllocation.Domain.Plans;
using Microsoft.EntityFrameworkCore;

namespace LicenseAllocation.Application.Plans;

/// <summary>
/// Fills in the product of a plan when the tender result is known. Allowed on a draft and on the published plan in
/// force: publication locks who receives how many licences, not which product they are for, and the seed letter
/// itself says the product is announced after the tender. A superseded plan is history and refuses it; the published
/// appendix never shows the product, so it stays frozen either way (docs/decisions/0005-plan-lifecycle-and-lock.md).
/// </summary>
public sealed class PlanProduct(IDbContextFactory<AllocationDbContext> contextFactory, TimeProvider clock)
{
    public async Task<Outcome<PlanSummary>> DescribeAsync(Caller caller, ProductDetails details, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(details);
        if (!AccessPolicy.CanManagePlans(caller))
        {
            return AllocationError.Forbidden();
        }

        if ((LicensedProduct.CheckName(details.ProductName) ?? LicensedProduct.CheckVendor(details.Vendor)
            ?? LicensedProduct.CheckTerm(details.LicenceTermStart, details.LicenceTermEnd)) is { } refused)
        {
            return refused;
        }

        var name = details.ProductName!.Trim();
        var vendor = string.IsNullOrWhiteSpace(details.Vendor) ? null : details.Vendor.Trim();

        return await TransientFailure.RetryAsync<Outcome<PlanSummary>>(
            async ct =>
            {
                await using var db = await contextFactory.CreateDbContextAsync(ct);
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                var plan = await db.Plans.SingleOrDefaultAsync(p => p.Id == details.PlanId, ct);
                if (plan is null)
                {
                    return AllocationError.NotFound();
                }

                if (plan.Status == PlanStatus.Superseded)
                {
                    return AllocationError.PlanLocked();
                }

                // The conditional no-op holds the plan row in the status just read; if it moved meanwhile (published,
                // superseded), the attempt starts over and answers for the new status.
                if (!await PlanLock.MoveAsync(db, plan.Id, plan.Status, plan.Status, ct))
                {
                    return null;
                }

                var before = (plan.ProductName, plan.Vendor, plan.LicenceTermStart, plan.LicenceTermEnd);
                plan.DescribeProduct(name, vendor, details.LicenceTermStart, details.LicenceTermEnd);
                if (before != (plan.ProductName, plan.Vendor, plan.LicenceTermStart, plan.LicenceTermEnd))
                {
                    await db.SaveChangesAsync(ct);
                    await AuditTrail.AppendAsync(
                        db,
                        AuditEntry.Event(plan.Id, unitId: null, caller.UserName, clock.GetUtcNow().UtcDateTime, AuditAction.PlanDescribed, Describe(plan), Guid.NewGuid()),
                        ct);
                }

                var summary = await PlanQueries.FindAsync(db, plan.Id, ct);
                await transaction.CommitAsync(ct);
                return summary!;
            },
            () => $"Describing the product of plan {details.PlanId} kept failing.",
            cancellationToken);
    }

    private static string Describe(AllocationPlan plan)
    {
        static string Day(DateOnly? date) => date?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) ?? "chưa rõ";
        return $"Thông tin phần mềm: {plan.ProductName}; hãng, nhà cung cấp: {plan.Vendor ?? "chưa rõ"}; "
            + $"thời hạn bản quyền: {Day(plan.LicenceTermStart)} – {Day(plan.LicenceTermEnd)}";
    }
}
