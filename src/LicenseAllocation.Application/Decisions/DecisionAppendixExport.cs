using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Appendix;
using LicenseAllocation.Application.Common;
using LicenseAllocation.Application.Data;
using LicenseAllocation.Domain.Allocations;
using LicenseAllocation.Domain.Plans;
using Microsoft.EntityFrameworkCore;

namespace LicenseAllocation.Application.Decisions;

/// <summary>
/// The appendix of one level's decision, as a workbook and as PDF: while the level is open, built from its figures as
/// they are now and marked "DỰ THẢO" (for the whole plan's readers and the readers within that unit); once published,
/// exactly the workbook stored with the decision, for every reader. The province's letter is the plan's appendix
/// (<see cref="AppendixExport"/>).
/// </summary>
public sealed class DecisionAppendixExport(IDbContextFactory<AllocationDbContext> contextFactory, AppendixExport letters)
{
    public async Task<Outcome<AppendixFile>> GetWorkbookAsync(Caller caller, int planId, int issuingUnitId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!AccessPolicy.CanReadPlans(caller))
        {
            return AllocationError.Forbidden();
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var plan = await db.Plans.AsNoTracking().SingleOrDefaultAsync(p => p.Id == planId, cancellationToken);
        if (plan is null || !await db.Nodes.AnyAsync(n => n.PlanId == planId && n.UnitId == issuingUnitId, cancellationToken))
        {
            return AllocationError.NotFound();
        }

        if (plan.RootUnitId == issuingUnitId)
        {
            return await letters.GetWorkbookAsync(caller, planId, cancellationToken);
        }

        var level = (await DecisionLevels.ReadAsync(db, planId, issuingUnitId, cancellationToken)).SingleOrDefault();
        if (level is null)
        {
            return AllocationError.NotFound();
        }

        if (level.Status != PlanStatus.Draft)
        {
            var stored = await db.Decisions.AsNoTracking()
                .Where(d => d.PlanId == planId && d.IssuingUnitId == issuingUnitId && d.Version == level.Version)
                .Select(d => new { d.AppendixWorkbook, d.AppendixSha256 })
                .SingleAsync(cancellationToken);
            return new AppendixFile(stored.AppendixWorkbook, stored.AppendixSha256, Frozen: true);
        }

        if (!AccessPolicy.SeesWholeTree(caller) && !await UnitScope.IsWithinAsync(db, caller, issuingUnitId, cancellationToken))
        {
            return AllocationError.OutOfScope();
        }

        var document = await LevelAppendix.BuildAsync(db, planId, issuingUnitId, level.IssuingUnitKind, LevelAppendix.DraftReference(plan, level), cancellationToken);
        var content = AppendixExport.Render(document, draft: true);
        return new AppendixFile(content, PublishedAppendix.HashOf(content), Frozen: false);
    }

    public async Task<Outcome<byte[]>> GetPdfAsync(Caller caller, int planId, int issuingUnitId, CancellationToken cancellationToken = default)
    {
        var workbook = await GetWorkbookAsync(caller, planId, issuingUnitId, cancellationToken);
        if (!workbook.Succeeded)
        {
            return workbook.Error;
        }

        using var content = new MemoryStream(workbook.Value.Content, writable: false);
        return AppendixPdf.Render(AppendixWorkbook.Read(content), draft: !workbook.Value.Frozen);
    }
}
