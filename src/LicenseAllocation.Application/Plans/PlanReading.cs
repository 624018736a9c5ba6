using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Common;
using LicenseAllocation.Application.Data;
using LicenseAllocation.Domain.Allocations;
using Microsoft.EntityFrameworkCore;

namespace LicenseAllocation.Application.Plans;

/// <summary>
/// The gate every read of one plan passes: the caller must be one who reads plans, the plan must exist, and the read
/// runs on one short-lived context. What the caller sees within the plan is the read's own business.
/// </summary>
internal static class PlanReading
{
    public static async Task<Outcome<T>> ReadAsync<T>(
        IDbContextFactory<AllocationDbContext> contextFactory,
        Caller caller,
        int planId,
        Func<AllocationDbContext, Task<T>> read,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!AccessPolicy.CanReadPlans(caller))
        {
            return AllocationError.Forbidden();
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.Plans.AnyAsync(p => p.Id == planId, cancellationToken))
        {
            return AllocationError.NotFound();
        }

        return Outcome.Success(await read(db));
    }
}
