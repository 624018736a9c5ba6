using System.Globalization;
using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Allocations;
using LicenseAllocation.Application.Auditing;
using LicenseAllocation.Application.Common;
using LicenseAllocation.Application.Data;
using LicenseAllocation.Domain.Allocations;
using LicenseAllocation.Domain.Auditing;
using LicenseAllocation.Domain.Plans;
using LicenseAllocation.Domain.Requests;
using Microsoft.EntityFrameworkCore;

namespace LicenseAllocation.Application.Plans;

/// <summary>
/// Makes new plans from existing ones. An amendment is the next version of a published plan: a draft over the same
/// units with the same figures, linked to it, whose publication supersedes it; the requests still waiting for a decision
/// move to it, with the needs and purchases stated for the year. A copy starts a new plan (another year
/// or product) from any plan's tree and figures, as a first version of its own. Either way the trail gets one row for
/// the copy (source, version, units and licences carried); each node keeps the figure it was carried with, so replaying
/// the new plan's trail from those figures gives its figures.
/// </summary>
public sealed class PlanVersions(IDbContextFactory<AllocationDbContext> contextFactory, TimeProvider clock)
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    public async Task<Outcome<PlanSummary>> CreateAmendmentAsync(Caller caller, int planId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!AccessPolicy.CanManagePlans(caller))
        {
            return AllocationError.Forbidden();
        }

        return await TransientFailure.RetryAsync(
            async ct =>
            {
                await using var db = await contextFactory.CreateDbContextAsync(ct);
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                var source = await db.Plans.AsNoTracking().SingleOrDefaultAsync(p => p.Id == planId, ct);
                if (source is null)
                {
                    return AllocationError.NotFound();
                }

                // Holding the published plan's row queues two administrators amending it at once: the second then
                // sees the first one's draft and is refused, rather than both creating one.
                if (source.Status != PlanStatus.Published || !await PlanLock.MoveAsync(db, planId, PlanStatus.Published, PlanStatus.Published, ct))
                {
                    return AllocationError.PlanNotPublished();
                }

                if (await db.Plans.AnyAsync(p => p.AmendmentOfId == planId && p.Status == PlanStatus.Draft, ct))
                {
                    return AllocationError.AmendmentExists();
                }

                var now = clock.GetUtcNow().UtcDateTime;
                var amendment = AllocationPlan.AmendmentOf(source, now);
                var created = await CreateFromAsync(
                    db, caller, source, amendment, now,
                    $"Tạo bản điều chỉnh lần {amendment.Version - 1} (phiên bản {amendment.Version}) của kế hoạch \"{source.Name}\" (kế hoạch #{source.Id})",
                    ct,
                    carryDecisions: true);

                // From now on the amendment carries the figures: a change still made in this version would be missing
                // from it. Every write holds this row while it is open (PlanLock.HoldOpenAsync), so none commits after this.
                await db.Plans.Where(p => p.Id == planId).ExecuteUpdateAsync(s => s.SetProperty(p => p.PendingAmendmentId, amendment.Id), ct);
                await transaction.CommitAsync(ct);
                return created;
            },
            () => $"Amending plan {planId} kept failing.",
            cancellationToken);
    }

    public async Task<Outcome<PlanSummary>> CopyAsync(Caller caller, CopyPlan command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(command);
        if (!AccessPolicy.CanManagePlans(caller))
        {
            return AllocationError.Forbidden();
        }

        if ((PlanName.Check(command.Name) ?? PlanYear.Check(command.Year)) is { } refused)
        {
            return refused;
        }

        var name = PlanName.Normalize(command.Name)!;

        return await TransientFailure.RetryAsync(
            async ct =>
            {
                await using var db = await contextFactory.CreateDbContextAsync(ct);
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                var source = await db.Plans.AsNoTracking().SingleOrDefaultAsync(p => p.Id == command.PlanId, ct);
                if (source is null)
                {
                    return AllocationError.NotFound();
                }

                if (await db.Plans.AnyAsync(p => p.Year == command.Year && p.Name == name, ct))
                {
                    return AllocationError.DuplicatePlan();
                }

                var now = clock.GetUtcNow().UtcDateTime;
                var copy = AllocationPlan.CopyOf(source, name, command.Year, now);
                Outcome<PlanSummary> created;
                try
                {
                    created = await CreateFromAsync(
                        db, caller, source, copy, now,
                        $"Tạo kế hoạch \"{copy.Name}\" năm {copy.Year}, sao chép cây đơn vị và số liệu từ kế hoạch \"{source.Name}\" năm {source.Year} (phiên bản {source.Version}, kế hoạch #{source.Id})",
                        ct);
                }
                catch (DbUpdateException exception) when (!TransientFailure.Is(exception))
                {
                    // Another administrator took the same name and year between the check above and this insert.
                    return AllocationError.DuplicatePlan();
                }

                await transaction.CommitAsync(ct);
                return created;
            },
            () => $"Copying plan {command.PlanId} kept failing.",
            cancellationToken);
    }

    /// <summary>
    /// Saves the new plan with a node for every node of <paramref name="source"/>, same quantities and handed-on
    /// figures (each node's starting figure), and writes one PlanCreated row for the copy that states its source and size
    /// (units and licences carried), not one row per unit. A deactivated unit (and what stands under it) is not carried: what it held
    /// goes back to its parent, so the new plan's appendix totals what the plan allocates.
    /// </summary>
    private static async Task<Outcome<PlanSummary>> CreateFromAsync(
        AllocationDbContext db, Caller caller, AllocationPlan source, AllocationPlan created, DateTime now, string description, CancellationToken ct,
        bool carryDecisions = false)
    {
        db.Plans.Add(created);
        await db.SaveChangesAsync(ct);

        // An amendment of the province's letter leaves the decisions of the levels below in force: their levels stay
        // frozen and their documents come along. The letter's own level is open again; a copy starts with every level open.
        var frozen = carryDecisions
            ? await db.Nodes.Where(n => n.PlanId == source.Id && n.LevelFrozen && n.UnitId != source.RootUnitId).Select(n => n.UnitId).ToListAsync(ct)
            : [];
        var (nodes, leftOut, returned) = WithoutInactiveUnits(PlanTreeQuery.InTreeOrder(await PlanTreeQuery.Rows(db, source.Id).ToListAsync(ct)));
        db.Nodes.AddRange(nodes.Select(node => AllocationNode.CopyFor(created.Id, node.UnitId, node.Quantity, node.HandedOn, frozen.Contains(node.UnitId))));
        var waiting = new List<long>();
        var (needs, purchases) = (0, 0);
        if (carryDecisions)
        {
            var inForce = await db.Decisions.AsNoTracking().Where(d => d.PlanId == source.Id && d.Status == PlanStatus.Published).ToListAsync(ct);
            db.Decisions.AddRange(inForce.Select(d => d.CarriedInto(created.Id)));
            var carried = nodes.Select(n => n.UnitId).ToHashSet();
            waiting = await CarryWaitingRequestsAsync(db, source.Id, created.Id, carried, ct);
            (needs, purchases) = await CarryNeedsAndPurchasesAsync(db, source.Id, created.Id, carried, ct);
        }

        await db.SaveChangesAsync(ct);

        // One row for the copy, not one per unit: the figures are carried, not edited. Each node keeps what it started
        // with (CarriedQuantity), from which its trail in the new plan continues.
        description += string.Create(
            Vietnamese,
            $"; chép {nodes.Count:N0} đơn vị, {nodes[0].Quantity:N0} bản quyền từ phiên bản {source.Version} của kế hoạch #{source.Id}");
        if (leftOut > 0)
        {
            description += $"; không chép {leftOut} đơn vị đã ngừng hoạt động ({returned} bản quyền trả về đơn vị cấp trên)";
        }

        if (needs + purchases > 0)
        {
            description += string.Create(Vietnamese, $"; chép nhu cầu của {needs:N0} đơn vị và {purchases:N0} lần tự trang bị");
        }

        if (waiting.Count > 0)
        {
            // The numbers of the first few, so the row stays within what a trail row holds however many wait.
            var named = string.Join(", ", waiting.Take(10).Select(id => $"#{id}")) + (waiting.Count > 10 ? ", …" : string.Empty);
            description += string.Create(Vietnamese, $"; chuyển {waiting.Count:N0} yêu cầu đang chờ quyết định sang phiên bản này ({named})");
        }

        var audit = new List<AuditEntry> { AuditEntry.Event(created.Id, unitId: null, caller.UserName, now, AuditAction.PlanCreated, description, Guid.NewGuid()) };
        await AuditTrail.AppendAsync(db, audit, ct);
        return (await PlanQueries.FindAsync(db, created.Id, ct))!;
    }

    /// <summary>
    /// The amendment goes on from the year as it stands: every stated need and every purchase not cancelled, of the units
    /// it carries, as stated and recorded (who, when). How many of each.
    /// </summary>
    private static async Task<(int Needs, int Purchases)> CarryNeedsAndPurchasesAsync(
        AllocationDbContext db, int sourceId, int amendmentId, HashSet<int> carried, CancellationToken ct)
    {
        var needs = (await db.UnitNeeds.AsNoTracking().Where(n => n.PlanId == sourceId).ToListAsync(ct)).Where(n => carried.Contains(n.UnitId)).ToList();
        var purchases = (await db.SelfPurchases.AsNoTracking().Where(p => p.PlanId == sourceId && p.CancelledAtUtc == null).ToListAsync(ct))
            .Where(p => carried.Contains(p.UnitId)).ToList();
        db.UnitNeeds.AddRange(needs.Select(n => n.CarriedInto(amendmentId)));
        db.SelfPurchases.AddRange(purchases.Select(p => p.CarriedInto(amendmentId)));
        return (needs.Count, purchases.Count);
    }

    /// <summary>
    /// Requests still waiting move to the amendment, where the figures change from now on and they are decided (those of
    /// a unit the amendment does not carry stay with the plan they were made in). Their numbers, in order.
    /// </summary>
    private static async Task<List<long>> CarryWaitingRequestsAsync(AllocationDbContext db, int sourceId, int amendmentId, HashSet<int> carried, CancellationToken ct)
    {
        var waiting = await db.LicenceRequests.Where(r => r.PlanId == sourceId && r.Status == RequestStatus.Submitted)
            .Select(r => new { r.Id, r.UnitId }).ToListAsync(ct);
        var moved = waiting.Where(r => carried.Contains(r.UnitId)).Select(r => r.Id).Order().ToList();
        if (moved.Count > 0)
        {
            await db.LicenceRequests.Where(r => moved.Contains(r.Id)).ExecuteUpdateAsync(s => s.SetProperty(r => r.PlanId, amendmentId), ct);
        }

        return moved;
    }

    /// <summary>
    /// The nodes to carry, in tree order, with the parents of left-out units handing on that much less; how many units
    /// were left out and how many licences went back to their parents. The root is always carried.
    /// </summary>
    private static (List<UnitNodeView> Nodes, int LeftOut, int Returned) WithoutInactiveUnits(IReadOnlyList<TreeRow> rows)
    {
        var dropped = new HashSet<int>();
        var handedBack = new Dictionary<int, int>();
        var carried = new List<UnitNodeView>(rows.Count);
        var returned = 0;
        foreach (var node in rows.Select(r => r.Node))
        {
            if (node.ParentUnitId is { } parent && (!node.IsActive || dropped.Contains(parent)))
            {
                dropped.Add(node.UnitId);
                if (!dropped.Contains(parent))
                {
                    handedBack[parent] = handedBack.GetValueOrDefault(parent) + node.Quantity;
                    returned += node.Quantity;
                }

                continue;
            }

            carried.Add(node);
        }

        return ([.. carried.Select(n => handedBack.TryGetValue(n.UnitId, out var back) ? n with { HandedOn = n.HandedOn - back } : n)], dropped.Count, returned);
    }
}
