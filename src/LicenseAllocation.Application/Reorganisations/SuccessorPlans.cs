using System.Globalization;
using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Allocations;
using LicenseAllocation.Application.Auditing;
using LicenseAllocation.Application.Common;
using LicenseAllocation.Application.Data;
using LicenseAllocation.Application.Plans;
using LicenseAllocation.Domain.Allocations;
using LicenseAllocation.Domain.Auditing;
using LicenseAllocation.Domain.Plans;
using LicenseAllocation.Domain.Reorganisations;
using Microsoft.EntityFrameworkCore;

namespace LicenseAllocation.Application.Reorganisations;

/// <summary>
/// Makes a plan on a new structure from a plan on the old one (docs/decisions/0015-reorganisations-and-successor-plans.md).
/// Each new unit starts with what its old units keep for themselves (<see cref="Carryover"/>); what no new unit takes
/// stays with the new province as remaining. The source plan, its trail and its appendix are only read. Applying it is
/// one transaction: the draft, its nodes (each carrying its starting figure) and one PlanCreated row that states the source and size.
/// </summary>
public sealed class SuccessorPlans(IDbContextFactory<AllocationDbContext> contextFactory, TimeProvider clock)
{
    private const decimal ShareTolerance = 0.0001m;

    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    public async Task<Outcome<SuccessorPlanResult>> PreviewAsync(Caller caller, CreateSuccessorPlan command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(command);
        if (!AccessPolicy.CanManagePlans(caller))
        {
            return AllocationError.Forbidden();
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var computed = await ComputeAsync(db, command, cancellationToken);
        return computed.Succeeded ? computed.Value.Result : computed.Error;
    }

    public async Task<Outcome<SuccessorPlanResult>> CreateAsync(Caller caller, CreateSuccessorPlan command, CancellationToken cancellationToken = default)
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

        if (!string.IsNullOrWhiteSpace(command.Reason) && ChangeReason.Check(command.Reason) is { } badReason)
        {
            return badReason;
        }

        var name = PlanName.Normalize(command.Name)!;
        return await TransientFailure.RetryAsync<Outcome<SuccessorPlanResult>>(
            async ct =>
            {
                await using var db = await contextFactory.CreateDbContextAsync(ct);
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                var computed = await ComputeAsync(db, command, ct);
                if (!computed.Succeeded)
                {
                    return computed.Error;
                }

                var (result, source, reorganisation, figures) = computed.Value;
                if (result.Unconfirmed.Count > 0)
                {
                    return AllocationError.UnconfirmedLinks(result.Unconfirmed.Count);
                }

                if (await db.Plans.AnyAsync(p => p.Year == command.Year && p.Name == name, ct))
                {
                    return AllocationError.DuplicatePlan();
                }

                var now = clock.GetUtcNow().UtcDateTime;
                var plan = AllocationPlan.Create(name, command.Year, reorganisation.RootUnitId!.Value, now);
                if (source.Document is { } document)
                {
                    plan.AttachDocument(document.Unissued());
                }

                try
                {
                    db.Plans.Add(plan);
                    await db.SaveChangesAsync(ct);
                    db.Nodes.AddRange(figures.Select(f => AllocationNode.CopyFor(plan.Id, f.UnitId, f.Quantity, f.HandedOn)));
                    await db.SaveChangesAsync(ct);
                }
                catch (DbUpdateException exception) when (!TransientFailure.Is(exception))
                {
                    return AllocationError.DuplicatePlan();
                }

                // One row for the new plan, not one per unit: each node keeps the figure it was carried with
                // (CarriedQuantity), and the row says where from and how much.
                var reason = string.IsNullOrWhiteSpace(command.Reason) ? null : Domain.Text.InputText.Normalize(command.Reason)!;
                var description = string.Create(
                    Vietnamese,
                    $"Tạo kế hoạch \"{plan.Name}\" năm {plan.Year} trên cơ cấu sau {reorganisation.Name}, hiệu lực từ {reorganisation.EffectiveFrom:dd/MM/yyyy} " +
                    $"({reorganisation.LegalBasis}), từ kế hoạch \"{source.Name}\" năm {source.Year} (kế hoạch #{source.Id}): tổng {result.OldTotal:N0}, " +
                    $"chuyển cho đơn vị mới {result.CarriedTotal:N0}, chưa có đơn vị tiếp nhận {result.NotPlacedTotal:N0}; " +
                    $"chép {figures.Count:N0} đơn vị, {figures.Where(f => f.UnitId == plan.RootUnitId).Sum(f => f.Quantity):N0} bản quyền từ phiên bản {source.Version} của kế hoạch #{source.Id}");
                if (reason is not null)
                {
                    description += $"; lý do: {reason}";
                    description = description.Length <= AuditEntry.MaxReasonLength ? description : description[..AuditEntry.MaxReasonLength];
                }

                var audit = new List<AuditEntry> { AuditEntry.Event(plan.Id, null, caller.UserName, now, AuditAction.PlanCreated, description, Guid.NewGuid()) };
                await AuditTrail.AppendAsync(db, audit, ct);
                await transaction.CommitAsync(ct);
                return result with { Plan = await PlanQueries.FindAsync(db, plan.Id, ct) };
            },
            () => $"Creating a successor of plan {command.PlanId} kept failing.",
            cancellationToken);
    }

    private sealed record Computed(SuccessorPlanResult Result, AllocationPlan Source, Reorganisation Reorganisation, IReadOnlyList<TreeNode> Figures);

    private static async Task<Outcome<Computed>> ComputeAsync(AllocationDbContext db, CreateSuccessorPlan command, CancellationToken ct)
    {
        var source = await db.Plans.AsNoTracking().SingleOrDefaultAsync(p => p.Id == command.PlanId, ct);
        var reorganisation = await db.Reorganisations.AsNoTracking().SingleOrDefaultAsync(r => r.Id == command.ReorganisationId, ct);
        if (source is null || reorganisation?.RootUnitId is not { } newRoot)
        {
            return AllocationError.NotFound();
        }

        var links = await db.ReorganisationLinks.AsNoTracking().Where(l => l.ReorganisationId == reorganisation.Id).ToListAsync(ct);
        if (!links.Any(l => l.NewUnitId == newRoot && l.OldUnitId == source.RootUnitId))
        {
            return AllocationError.NotPredecessorPlan();
        }

        var nodes = await PlanTreeQuery.Rows(db, source.Id).ToListAsync(ct);
        var oldNames = nodes.ToDictionary(n => n.UnitId, n => n.Name);
        var newUnits = await db.Units.AsNoTracking().Where(u => u.ReorganisationId == reorganisation.Id)
            .OrderBy(u => u.ParentId == null ? 0 : 1).ThenBy(u => u.Order).ThenBy(u => u.Id)
            .Select(u => new { u.Id, u.ParentId, u.Name }).ToListAsync(ct);
        var newNames = newUnits.ToDictionary(u => u.Id, u => u.Name);
        var newIndex = newUnits.Select((u, i) => (u.Id, i)).ToDictionary(x => x.Id, x => x.i);

        // The links that carry figures: old units of this plan to new units under the new root.
        var recorded = links.Where(l => l.OldUnitId is { } old && oldNames.ContainsKey(old) && l.NewUnitId != newRoot).ToList();
        var choices = command.Confirm.GroupBy(c => c.OldUnitId).ToDictionary(g => g.Key, g => g.ToList());
        foreach (var choice in command.Confirm)
        {
            if (!oldNames.ContainsKey(choice.OldUnitId) || (choice.NewUnitId is { } chosen && (!newNames.ContainsKey(chosen) || chosen == newRoot))
                || choice.Share is < 0m or > 1m)
            {
                return AllocationError.NotFound();
            }
        }

        var applied = new List<CarryLink>();
        var unconfirmed = new List<UnconfirmedLink>();
        var own = nodes.ToDictionary(n => n.UnitId, n => n.Quantity - n.HandedOn);
        foreach (var group in recorded.GroupBy(l => l.OldUnitId!.Value))
        {
            if (choices.ContainsKey(group.Key))
            {
                continue;
            }

            foreach (var link in group.OrderBy(l => newIndex[l.NewUnitId]))
            {
                if (link.Confirmed || command.AcceptUnconfirmed)
                {
                    applied.Add(new CarryLink(group.Key, link.NewUnitId, link.Share));
                }
                else
                {
                    unconfirmed.Add(new UnconfirmedLink(group.Key, oldNames[group.Key], link.NewUnitId, newNames[link.NewUnitId], own[group.Key]));
                }
            }
        }

        foreach (var (oldUnit, chosen) in choices)
        {
            applied.AddRange(chosen.Where(c => c.NewUnitId is not null).Select(c => new CarryLink(
                oldUnit, c.NewUnitId!.Value,
                c.Share ?? recorded.FirstOrDefault(l => l.OldUnitId == oldUnit && l.NewUnitId == c.NewUnitId)?.Share)));
        }

        foreach (var group in applied.GroupBy(l => l.OldUnitId))
        {
            var given = group.Where(l => l.Share is not null).ToList();
            if (given.Count > 0 && (given.Count != group.Count() || Math.Abs(given.Sum(l => l.Share!.Value) - 1m) > ShareTolerance))
            {
                return AllocationError.InvalidShares(oldNames[group.Key]);
            }
        }

        // An old unit whose open links wait for a decision takes nothing yet: in the preview its holding is not placed.
        var waiting = unconfirmed.Select(u => u.OldUnitId).ToHashSet();
        applied.RemoveAll(l => waiting.Contains(l.OldUnitId));

        var carryover = Carryover.Compute(nodes.Select(n => new OldHolding(n.UnitId, own[n.UnitId])), applied);
        var total = nodes.Single(n => n.UnitId == source.RootUnitId).Quantity;
        var figures = SuccessorFigures.Build(
            newUnits.ToDictionary(u => u.Id, u => u.Id == newRoot ? null : u.ParentId),
            carryover.Carried.GroupBy(p => p.NewUnitId).ToDictionary(g => g.Key, g => g.Sum(p => p.Quantity)),
            total);

        var byNew = carryover.Carried.ToLookup(p => p.NewUnitId);
        var carried = newUnits.Where(u => u.Id != newRoot).Select(u => new CarriedUnit(
            u.Id, u.Name, byNew[u.Id].Sum(p => p.Quantity),
            [.. byNew[u.Id].Select(p => new CarriedFrom(p.OldUnitId, oldNames[p.OldUnitId], p.Quantity))])).ToList();
        var notPlaced = carryover.NotPlaced.Select(h => new NotPlacedUnit(h.UnitId, oldNames[h.UnitId], h.Own)).ToList();
        var result = new SuccessorPlanResult(null, carried, notPlaced, unconfirmed, total, figures.Single(f => f.UnitId == newRoot).Quantity);
        return new Computed(result, source, reorganisation, figures);
    }
}
