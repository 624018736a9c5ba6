using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Common;
using LicenseAllocation.Application.Data;
using LicenseAllocation.Application.Plans;
using LicenseAllocation.Domain.Allocations;
using LicenseAllocation.Domain.Plans;
using Microsoft.EntityFrameworkCore;

namespace LicenseAllocation.Application.Appendix;

/// <summary>A plan's appendix workbook: the bytes, their SHA-256 and whether they are the copy frozen at publication.</summary>
public sealed record AppendixFile(byte[] Content, string Sha256, bool Frozen);

/// <summary>
/// The appendix workbook of a plan. A draft's is built from its figures as they are now; a published (or superseded)
/// plan's is exactly the workbook stored when it was published, whatever has happened to the shared units since. A
/// published appendix is an official document any reader may have; a draft's only the roles that read the whole plan.
/// </summary>
public sealed class AppendixExport(IDbContextFactory<AllocationDbContext> contextFactory)
{
    public async Task<Outcome<AppendixFile>> GetWorkbookAsync(Caller caller, int planId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!AccessPolicy.CanReadPlans(caller))
        {
            return AllocationError.Forbidden();
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var status = await PlanLock.StatusAsync(db, planId, cancellationToken);
        if (status is null)
        {
            return AllocationError.NotFound();
        }

        if (status != PlanStatus.Draft)
        {
            // Publishing stores the appendix in the transaction that locks the plan, so a locked plan always has one.
            var frozen = await db.PublishedAppendices.AsNoTracking().SingleOrDefaultAsync(a => a.PlanId == planId, cancellationToken)
                ?? throw new InvalidOperationException($"Plan {planId} is {status} but has no published appendix.");
            return new AppendixFile(frozen.Content, frozen.Sha256, Frozen: true);
        }

        if (!AccessPolicy.CanReadDraftAppendix(caller))
        {
            return AllocationError.OutOfScope();
        }

        var document = await AppendixQuery.BuildAsync(db, planId, cancellationToken)
            ?? throw new InvalidOperationException($"Plan {planId} disappeared while its appendix was read.");
        var content = Render(document, draft: true);
        return new AppendixFile(content, PublishedAppendix.HashOf(content), Frozen: false);
    }

    internal static byte[] Render(AppendixDocument document, bool draft = false)
    {
        using var workbook = new MemoryStream();
        AppendixWorkbook.Write(document, workbook, draft);
        return workbook.ToArray();
    }
}
