using System.Globalization;
using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Appendix;
using LicenseAllocation.Application.Auditing;
using LicenseAllocation.Application.Common;
using LicenseAllocation.Application.Data;
using LicenseAllocation.Application.Decisions;
using LicenseAllocation.Application.Seeding;
using LicenseAllocation.Domain.Allocations;
using LicenseAllocation.Domain.Auditing;
using LicenseAllocation.Domain.Plans;
using Microsoft.EntityFrameworkCore;

namespace LicenseAllocation.Application.Plans;

/// <summary>
/// Publishes a draft: records the province's letter, freezes the figures it states and its appendix, in one transaction:
/// <list type="number">
/// <item>freeze the root's level (the total, the provincial agencies and the districts' group: <see cref="LevelLock"/>)
/// and move the plan row from Draft to Published with conditional updates; a change of those figures holding the rows
/// commits first, a later one finds them frozen and rolls back. The levels below are decided later, one decision per
/// allocating unit (<see cref="Decisions.DecisionPublication"/>);</item>
/// <item>when the plan amends another, move that one from Published to Superseded;</item>
/// <item>record the letter, build the appendix from the figures as they now stand, refuse it unless it totals what the
/// plan allocates (<c>appendix-mismatch</c>), and store the workbook with its SHA-256;</item>
/// <item>write PlanPublished (and PlanSuperseded) to the audit trail under the letter's reference, and commit.</item>
/// </list>
/// </summary>
public sealed class PlanPublication(IDbContextFactory<AllocationDbContext> contextFactory, TimeProvider clock)
{
    public async Task<Outcome<PlanSummary>> PublishAsync(Caller caller, PublishPlan command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(command);
        if (!AccessPolicy.CanManagePlans(caller))
        {
            return AllocationError.Forbidden();
        }

        if ((OfficialDocument.CheckNumber(command.DocumentNumber) ?? OfficialDocument.CheckDate(command.DocumentDate)
            ?? OfficialDocument.CheckSigner(command.Signer)) is { } refused)
        {
            return refused;
        }

        var date = command.DocumentDate!.Value;

        return await TransientFailure.RetryAsync(
            ct => TryPublishAsync(caller, command.PlanId, command.DocumentNumber!, date, command.Signer!, ct),
            () => $"Publishing plan {command.PlanId} kept failing.",
            cancellationToken);
    }

    private async Task<Outcome<PlanSummary>?> TryPublishAsync(
        Caller caller, int planId, string number, DateOnly date, string signer, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var plan = await db.Plans.SingleOrDefaultAsync(p => p.Id == planId, cancellationToken);
        if (plan is null)
        {
            return AllocationError.NotFound();
        }

        // The letter fixes the province's total and the level directly below it (the provincial agencies and the
        // districts' group): freezing the root's level first, on the row every change of those figures updates, orders
        // those changes before the figures are read. The levels below stay open for their own decisions.
        await LevelLock.FreezeAsync(db, planId, plan.RootUnitId, cancellationToken);
        if (plan.Status != PlanStatus.Draft || !await PlanLock.MoveAsync(db, planId, PlanStatus.Draft, PlanStatus.Published, cancellationToken))
        {
            await transaction.RollbackAsync(cancellationToken);
            return AllocationError.PlanLocked();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var superseded = plan.AmendmentOfId is { } previousId
            && await PlanLock.MoveAsync(db, previousId, PlanStatus.Published, PlanStatus.Superseded, cancellationToken);

        var (issuer, superior) = plan.Document is { } draftLetter
            ? (draftLetter.Issuer, draftLetter.IssuerSuperior)
            : DefaultIssuer();
        var letter = OfficialDocument.Issued(number, date, signer, issuer, superior);
        plan.Publish(letter, caller.UserName, now);
        await db.SaveChangesAsync(cancellationToken);

        // Read after the status moved: every edit that got in first has committed, every later one will roll back.
        var appendix = await AppendixQuery.BuildAsync(db, planId, cancellationToken)
            ?? throw new InvalidOperationException($"Plan {planId} disappeared while it was published.");
        var allocated = await db.Nodes.Where(n => n.PlanId == planId && n.UnitId == plan.RootUnitId).Select(n => n.HandedOn).SingleAsync(cancellationToken);
        if (appendix.Total != allocated)
        {
            // Frozen under its SHA-256, an appendix that does not add up to the plan would be an official error for good.
            await transaction.RollbackAsync(cancellationToken);
            return AllocationError.AppendixMismatch(appendix.Total, allocated);
        }

        var frozen = PublishedAppendix.Of(planId, AppendixExport.Render(appendix), now);
        db.PublishedAppendices.Add(frozen);

        var changeSetId = Guid.NewGuid();
        var audit = new List<AuditEntry>
        {
            AuditEntry.Event(planId, unitId: null, caller.UserName, now, AuditAction.PlanPublished, PublishedText(plan, letter, frozen), changeSetId)
                .UnderDocument(letter.Reference),
        };
        if (superseded)
        {
            audit.Add(AuditEntry.Event(
                    plan.AmendmentOfId, unitId: null, caller.UserName, now, AuditAction.PlanSuperseded,
                    $"Được thay thế bởi bản điều chỉnh lần {plan.Version - 1} (phiên bản {plan.Version}, kế hoạch #{planId})", changeSetId)
                .UnderDocument(letter.Reference));
        }

        await Notifications.Inbox.ToPlanAsync(
            db, planId, plan.AmendmentOfId is null ? Domain.Notifications.NotificationKind.PlanPublished : Domain.Notifications.NotificationKind.PlanAmended,
            plan.Name, caller.UserName, now, cancellationToken);
        await AuditTrail.AppendAsync(db, audit, cancellationToken);
        var summary = await PlanQueries.FindAsync(db, planId, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return summary!;
    }

    private static string PublishedText(AllocationPlan plan, OfficialDocument letter, PublishedAppendix appendix) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"Ban hành kế hoạch \"{plan.Name}\" (phiên bản {plan.Version}) theo {letter.Reference}, người ký: {letter.Signer}. Phụ lục SHA-256: {appendix.Sha256}");

    /// <summary>A plan made without a letter is issued by the Department that issued the 2020 plan.</summary>
    private static (string Issuer, string Superior) DefaultIssuer()
    {
        var header = ReferenceData.Appendix2020().Header;
        return (header.Issuer, header.Superior);
    }
}
