using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Allocations;
using LicenseAllocation.Application.Auditing;
using LicenseAllocation.Application.Common;
using LicenseAllocation.Application.Data;
using LicenseAllocation.Application.Decisions;
using LicenseAllocation.Application.Notifications;
using LicenseAllocation.Application.Plans;
using LicenseAllocation.Domain.Allocations;
using LicenseAllocation.Domain.Auditing;
using LicenseAllocation.Domain.Plans;
using LicenseAllocation.Domain.Requests;
using Microsoft.EntityFrameworkCore;

namespace LicenseAllocation.Application.Requests;

/// <summary>
/// Requests for more licences during the year: a unit's officer asks, whoever allocates to the unit decides, and an
/// approval posts the approved quantity in the transaction of the decision, through the statements every quantity change
/// uses (<see cref="QuantityChangeCore"/>), under one change set that names the request.
/// <list type="number">
/// <item>The request row is claimed first with a conditional update (<c>WHERE Status = 'Submitted'</c>): of two decisions
/// (or a decision and a withdrawal) of the same request, one wins and the other is told <c>already-decided</c>.</item>
/// <item>The unit (and the sibling named as the source) are claimed and read; the domain's rules refuse early with the numbers.</item>
/// <item>The conditional statements move the figures; a parent that filled up meanwhile refuses the decision
/// (<c>exceeds-parent</c>, quoting the parent as it is now) and nothing changes, the request stays submitted.</item>
/// <item>The plan row is held while it is open (<c>plan-locked</c> otherwise); an approval into a level whose decision is
/// published is refused <c>decision-locked</c>, like every other change of those figures. The audit rows are appended, all commit together.</item>
/// </list>
/// </summary>
public sealed class RequestService(IDbContextFactory<AllocationDbContext> contextFactory, TimeProvider clock)
{
    public const int PageSize = 50;

    public async Task<Outcome<RequestView>> SubmitAsync(Caller caller, SubmitRequest command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(command);
        if (!AccessPolicy.MayRequest(caller))
        {
            return AllocationError.Forbidden();
        }

        if (LicenceRequest.CheckSubmission(command.Quantity, command.Justification) is { } refused)
        {
            return refused;
        }

        return await TransientFailure.RetryAsync(
            ct => TrySubmitAsync(caller, command, ct),
            () => $"A request for unit {command.UnitId} could not be saved in {TransientFailure.MaxAttempts} attempts.",
            cancellationToken);
    }

    public async Task<Outcome<RequestView>> DecideAsync(Caller caller, DecideRequest command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(command);
        if (!AccessPolicy.MayDecideRequests(caller))
        {
            return AllocationError.Forbidden();
        }

        return await TransientFailure.RetryAsync(
            ct => TryDecideAsync(caller, command, ct),
            () => $"Request {command.RequestId} could not be decided in {TransientFailure.MaxAttempts} attempts.",
            cancellationToken);
    }

    public async Task<Outcome<RequestView>> WithdrawAsync(Caller caller, long requestId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!AccessPolicy.MayRequest(caller))
        {
            return AllocationError.Forbidden();
        }

        return await TransientFailure.RetryAsync(
            ct => TryWithdrawAsync(caller, requestId, ct),
            () => $"Request {requestId} could not be withdrawn in {TransientFailure.MaxAttempts} attempts.",
            cancellationToken);
    }

    /// <summary>One request, if the caller may see it (its unit in the caller's scope, or the whole tree).</summary>
    public async Task<Outcome<RequestView>> GetAsync(Caller caller, long requestId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!AccessPolicy.CanReadPlans(caller))
        {
            return AllocationError.Forbidden();
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var request = await db.LicenceRequests.AsNoTracking().SingleOrDefaultAsync(r => r.Id == requestId, cancellationToken);
        if (request is null)
        {
            return AllocationError.NotFound();
        }

        var places = await RequestDeciders.ChainAsync(db, request.UnitId, cancellationToken);
        if (!AccessPolicy.CanRead(caller, RequestDeciders.IsWithin(caller, request.UnitId, places)))
        {
            return AllocationError.OutOfScope();
        }

        if (request.SourceUnitId is { } source)
        {
            foreach (var (id, place) in await RequestDeciders.ChainAsync(db, source, cancellationToken))
            {
                places.TryAdd(id, place);
            }
        }

        return View(caller, request, places);
    }

    /// <summary>The requests of a plan the caller may see, newest first, <see cref="PageSize"/> a page.</summary>
    public async Task<Outcome<RequestPage>> ListAsync(Caller caller, int planId, RequestFilter filter, int page, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(filter);
        if (!AccessPolicy.CanReadPlans(caller))
        {
            return AllocationError.Forbidden();
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        if (await PlanLock.StatusAsync(db, planId, cancellationToken) is null)
        {
            return AllocationError.NotFound();
        }

        var query = db.LicenceRequests.AsNoTracking().Where(r => r.PlanId == planId);
        if (filter.Status is { } status)
        {
            query = query.Where(r => r.Status == status);
        }

        if (filter.UnitId is { } unitId)
        {
            query = query.Where(r => r.UnitId == unitId);
        }

        if (filter.Mine)
        {
            query = query.Where(r => r.RequestedBy == caller.UserName);
        }

        if (filter.ToDecide)
        {
            query = query.Where(r => r.Status == RequestStatus.Submitted);
        }

        // A plan's requests are a few hundred a year: read them, then keep those the caller may see (and decide).
        var requests = await query.ToListAsync(cancellationToken);
        var places = await RequestDeciders.OfPlanAsync(db, planId, cancellationToken);
        var visible = requests
            .Where(r => AccessPolicy.CanRead(caller, RequestDeciders.IsWithin(caller, r.UnitId, places)))
            .Where(r => !filter.ToDecide || RequestDeciders.CheckDecider(caller, r.UnitId, places) is null)
            .OrderByDescending(r => r.RequestedAtUtc)
            .ThenByDescending(r => r.Id)
            .ToList();
        page = Math.Clamp(page, 1, int.MaxValue / PageSize);
        var items = visible.Skip((page - 1) * PageSize).Take(PageSize).Select(r => View(caller, r, places)).ToList();
        return new RequestPage(items, visible.Count, page, PageSize);
    }

    private async Task<Outcome<RequestView>?> TrySubmitAsync(Caller caller, SubmitRequest command, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        // A published plan being amended decides nothing more: what is asked of it waits in the amendment.
        var planId = await db.Plans.Where(p => p.Id == command.PlanId && p.Status == PlanStatus.Published)
            .Select(p => p.PendingAmendmentId).SingleOrDefaultAsync(cancellationToken) ?? command.PlanId;
        var status = await PlanLock.StatusAsync(db, planId, cancellationToken);
        var target = status is null ? null : await NodeRows.FindAsync(db, planId, command.UnitId, cancellationToken);
        if (target is null)
        {
            return AllocationError.NotFound();
        }

        var places = await RequestDeciders.ChainAsync(db, command.UnitId, cancellationToken);
        if (!AccessPolicy.CanRequest(caller, RequestDeciders.IsWithin(caller, command.UnitId, places)))
        {
            return AllocationError.OutOfScope();
        }

        // The plan's root has no one to ask; a superseded plan is history (a published one keeps its requests for the amendment).
        if (target.ParentUnitId is null)
        {
            return AllocationError.Forbidden();
        }

        if (status == PlanStatus.Superseded)
        {
            return AllocationError.PlanLocked();
        }

        if (AllocationRules.CheckUnitActivity(target.IsActive, command.Quantity) is { } inactive)
        {
            return inactive;
        }

        // Held shared while the published plan is not being amended: an amendment started meanwhile waits for this
        // request and carries it, or this attempt sees the amendment and files the request there.
        if (status == PlanStatus.Published && !await PlanLock.ShareOpenAsync(db, planId, cancellationToken))
        {
            return null;
        }

        var request = LicenceRequest.Submit(
            planId, command.UnitId, command.Quantity, command.Justification, caller.UserName, clock.GetUtcNow().UtcDateTime, target.Figures);
        db.LicenceRequests.Add(request);
        await db.SaveChangesAsync(cancellationToken);
        await Inbox.ToDecidersAsync(db, request, RequestDeciders.DecidingDistrict(request.UnitId, places), places[request.UnitId].Name, cancellationToken);
        await AuditTrail.AppendAsync(
            db,
            AuditEntry.Event(request.PlanId, request.UnitId, caller.UserName, request.RequestedAtUtc, AuditAction.RequestSubmitted, RequestAuditText.Submitted(request), Guid.NewGuid()),
            cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return View(caller, request, places);
    }

    /// <summary>One attempt in one transaction; null when a row changed underneath and the decision must be tried again.</summary>
    private async Task<Outcome<RequestView>?> TryDecideAsync(Caller caller, DecideRequest command, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await HoldAsync(db, command.RequestId, cancellationToken);
        var request = await db.LicenceRequests.AsNoTracking().SingleOrDefaultAsync(r => r.Id == command.RequestId, cancellationToken);
        if (request is null)
        {
            return AllocationError.NotFound();
        }

        var places = await RequestDeciders.ChainAsync(db, request.UnitId, cancellationToken);
        if (RequestDeciders.CheckDecider(caller, request.UnitId, places) is { } notDecider)
        {
            return notDecider;
        }

        if (request.CheckDecision(command.ApprovedQuantity, command.Comment) is { } refused)
        {
            return refused;
        }

        // Decided while the plan is open (a draft, or published and not being amended); an approval posts only where the
        // level is not fixed by a published decision (decision-locked otherwise, from the posting below).
        if (await PlanLock.IsOpenAsync(db, request.PlanId, cancellationToken) != true)
        {
            return AllocationError.PlanLocked();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var changeSetId = Guid.NewGuid();
        var sourceUnitId = command.ApprovedQuantity > 0 ? command.SourceUnitId : null;
        request.Decide(command.ApprovedQuantity, command.Comment, sourceUnitId, caller.UserName, now, changeSetId);

        // The request row first: the decision that claims it decides; any other finds it decided.
        if (!await ClaimDecisionAsync(db, request, cancellationToken))
        {
            return AllocationError.AlreadyDecided();
        }

        if (request.Approved > 0)
        {
            var post = await PostAsync(db, transaction, caller, request, places, changeSetId, cancellationToken);
            if (post.Retry)
            {
                return null;
            }

            if (post.Refusal is { } postRefused)
            {
                return postRefused;
            }
        }
        else if (!await PlanLock.ShareOpenAsync(db, request.PlanId, cancellationToken))
        {
            return AllocationError.PlanLocked();
        }

        await Inbox.ToRequesterAsync(db, request, places[request.UnitId].Name, cancellationToken);
        await AuditTrail.AppendAsync(
            db,
            AuditEntry.Event(request.PlanId, request.UnitId, caller.UserName, now, AuditAction.RequestDecided, RequestAuditText.Decided(request), changeSetId),
            cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return View(caller, request, places);
    }

    private async Task<Outcome<RequestView>?> TryWithdrawAsync(Caller caller, long requestId, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await HoldAsync(db, requestId, cancellationToken);
        var request = await db.LicenceRequests.AsNoTracking().SingleOrDefaultAsync(r => r.Id == requestId, cancellationToken);
        if (request is null)
        {
            return AllocationError.NotFound();
        }

        var places = await RequestDeciders.ChainAsync(db, request.UnitId, cancellationToken);
        if (!AccessPolicy.CanRead(caller, RequestDeciders.IsWithin(caller, request.UnitId, places)))
        {
            return AllocationError.OutOfScope();
        }

        if (request.CheckWithdrawal(caller.UserName) is { } refused)
        {
            return refused;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        request.Withdraw(caller.UserName, now);
        if (!await ClaimDecisionAsync(db, request, cancellationToken))
        {
            return AllocationError.AlreadyDecided();
        }

        await AuditTrail.AppendAsync(
            db,
            AuditEntry.Event(request.PlanId, request.UnitId, caller.UserName, now, AuditAction.RequestWithdrawn, RequestAuditText.Withdrawn(request), Guid.NewGuid()),
            cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return View(caller, request, places);
    }

    /// <summary>
    /// A no-op write that takes the request's row lock (and SQLite's write lock) before it is read, so that what is read is
    /// what the previous decision committed and the attempt does not turn from reader into writer halfway.
    /// </summary>
    private static Task<int> HoldAsync(AllocationDbContext db, long requestId, CancellationToken cancellationToken) =>
        db.LicenceRequests.Where(r => r.Id == requestId).ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, r => r.Status), cancellationToken);

    /// <summary>Writes the decision (or withdrawal) made in memory, only if the request is still submitted.</summary>
    private static async Task<bool> ClaimDecisionAsync(AllocationDbContext db, LicenceRequest decided, CancellationToken cancellationToken) =>
        await db.LicenceRequests
            .Where(r => r.Id == decided.Id && r.Status == RequestStatus.Submitted)
            .ExecuteUpdateAsync(
                s => s.SetProperty(r => r.Status, decided.Status)
                    .SetProperty(r => r.Approved, decided.Approved)
                    .SetProperty(r => r.Posted, decided.Posted)
                    .SetProperty(r => r.Comment, decided.Comment)
                    .SetProperty(r => r.SourceUnitId, decided.SourceUnitId)
                    .SetProperty(r => r.ChangeSetId, decided.ChangeSetId)
                    .SetProperty(r => r.DecidedBy, decided.DecidedBy)
                    .SetProperty(r => r.DecidedAtUtc, decided.DecidedAtUtc),
                cancellationToken) == 1;

    /// <summary>How posting an approval ended: written (neither set), refused with the numbers, or to be tried again on fresh figures.</summary>
    private sealed record PostResult(AllocationError? Refusal = null, bool Retry = false);

    /// <summary>
    /// Adds the approved quantity to the unit, from its parent's remaining quantity or moved from the sibling named as the
    /// source, with the statements and audit rows of every quantity change.
    /// </summary>
    private async Task<PostResult> PostAsync(
        AllocationDbContext db,
        Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction transaction,
        Caller caller,
        LicenceRequest request,
        Dictionary<int, UnitPlace> places,
        Guid changeSetId,
        CancellationToken cancellationToken)
    {
        var approved = request.Approved!.Value;
        var planId = request.PlanId;

        // Claimed in the order of their ids, so two decisions that move between the same two siblings queue instead of deadlocking.
        foreach (var unitId in new[] { request.UnitId, request.SourceUnitId }.OfType<int>().Distinct().Order())
        {
            await NodeUpdates.ClaimAsync(db, planId, unitId, cancellationToken);
        }

        var target = await NodeRows.FindAsync(db, planId, request.UnitId, cancellationToken);
        var parent = target?.ParentUnitId is { } parentUnitId ? await NodeRows.FindAsync(db, planId, parentUnitId, cancellationToken) : null;
        if (target is null || parent is null)
        {
            return new(AllocationError.NotFound());
        }

        if (parent.LevelFrozen)
        {
            return new(await LevelLock.RefusalAsync(db, target.IssuerUnitId, cancellationToken));
        }

        var newQuantity = target.Quantity + approved;
        if (QuantityChangeCore.CheckUnit(caller, target.UnitId, newQuantity, target, withinScope: true) is { } unitRefused)
        {
            return new(unitRefused);
        }

        List<QuantityWrite> writes;
        string? sourceName = null;
        if (request.SourceUnitId is { } sourceUnitId)
        {
            var source = sourceUnitId == target.UnitId ? null : await NodeRows.FindAsync(db, planId, sourceUnitId, cancellationToken);
            if (source is null || source.ParentUnitId != parent.UnitId)
            {
                return new(AllocationError.InvalidSource());
            }

            var sourcePlace = await db.Units.AsNoTracking().Where(u => u.Id == sourceUnitId)
                .Select(u => new UnitPlace(u.Id, u.ParentId, u.Kind, u.Name)).SingleAsync(cancellationToken);
            places.TryAdd(sourceUnitId, sourcePlace);
            var free = source.Quantity - source.HandedOn;
            if (approved > free)
            {
                return new(AllocationError.SourceHasNoRoom(approved, Math.Max(free, 0)));
            }

            sourceName = sourcePlace.Name;
            writes = [new QuantityWrite(source, parent.NodeId, source.Quantity - approved), new QuantityWrite(target, parent.NodeId, newQuantity)];
        }
        else
        {
            if (AllocationRules.CheckQuantityChange(target.Figures, parent.Figures, newQuantity) is { } refusal)
            {
                return new(refusal);
            }

            writes = [new QuantityWrite(target, parent.NodeId, newQuantity)];
        }

        var reason = RequestAuditText.Posted(request, sourceName, places[target.UnitId].Name);
        var (result, _) = await QuantityChangeCore.WriteAsync(db, transaction, planId, writes, caller, reason, null, changeSetId, clock, cancellationToken);
        return result switch
        {
            QuantityWriteResult.Written => new(),
            QuantityWriteResult.OwnRowChanged => new(Retry: true),
            QuantityWriteResult.ParentFull => new(await ExplainParentRefusalAsync(planId, target, approved, cancellationToken)),
            QuantityWriteResult.LevelFrozen => new(await LevelLock.RefusalAsync(db, target.IssuerUnitId, cancellationToken)),
            _ => new(AllocationError.PlanLocked()),
        };
    }

    /// <summary>The parent filled up between the read and the write: quote its figures as they are now.</summary>
    private async Task<AllocationError> ExplainParentRefusalAsync(int planId, NodeRow target, int approved, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var parent = await NodeRows.FindAsync(db, planId, target.ParentUnitId!.Value, cancellationToken);
        var remaining = Math.Max(parent?.Figures.Remaining ?? 0, 0);
        return AllocationError.ExceedsParent(target.Quantity + approved, target.Quantity + remaining, remaining);
    }

    private static RequestView View(Caller caller, LicenceRequest request, IReadOnlyDictionary<int, UnitPlace> places) => new(
        request.Id,
        request.PlanId,
        request.UnitId,
        places.GetValueOrDefault(request.UnitId)?.Name ?? string.Empty,
        request.Requested,
        request.Approved,
        request.Posted,
        request.Status,
        request.Justification,
        request.RequestedBy,
        request.RequestedAtUtc,
        request.DecidedBy,
        request.DecidedAtUtc,
        request.Comment,
        request.SourceUnitId,
        request.SourceUnitId is { } source ? places.GetValueOrDefault(source)?.Name : null,
        new RequestFigures(request.QuantityAtRequest, request.HandedOnAtRequest, request.OwnShareAtRequest),
        request.ChangeSetId,
        !request.IsDecided && RequestDeciders.CheckDecider(caller, request.UnitId, places) is null,
        !request.IsDecided && request.CheckWithdrawal(caller.UserName) is null);
}
