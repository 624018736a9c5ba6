using LicenseAllocation.Application.Auditing;
using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Allocations;
using LicenseAllocation.Application.Common;
using LicenseAllocation.Application.Data;
using LicenseAllocation.Application.Decisions;
using LicenseAllocation.Application.Plans;
using LicenseAllocation.Domain.Allocations;
using LicenseAllocation.Domain.Auditing;
using LicenseAllocation.Domain.Plans;
using LicenseAllocation.Domain.Units;
using Microsoft.EntityFrameworkCore;

namespace LicenseAllocation.Application.Units;

/// <summary>
/// Adds, renames, reorders, deactivates and reactivates the units of a plan's tree. The province administrator works
/// anywhere; a district officer under their own district (adding under the district itself, but not renaming or
/// deactivating it). Every change is written to the audit trail in the same transaction. A unit is never deleted: a
/// deactivated unit holds 0 and keeps its history. A published plan's units are locked (<see cref="PlanLock"/>); units
/// are shared between plans, so a change made through a draft also shows in the live tree of older versions, while
/// their published appendices stay as they were issued.
/// </summary>
public sealed class UnitAdministration(IDbContextFactory<AllocationDbContext> contextFactory, TimeProvider clock)
{
    public async Task<Outcome<UnitNodeView>> AddUnitAsync(
        Caller caller, int planId, int parentUnitId, string name, UnitKind kind, string? code = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!AccessPolicy.MayEdit(caller))
        {
            return AllocationError.Forbidden();
        }

        if (UnitName.Check(name) is { } badName)
        {
            return badName;
        }

        if (!Enum.IsDefined(kind))
        {
            return AllocationError.InvalidUnitKind();
        }

        return await TransientFailure.RetryAsync(
            async ct =>
            {
                await using var db = await contextFactory.CreateDbContextAsync(ct);
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                var parent = await FindInPlanAsync(db, planId, parentUnitId, ct);
                if (parent is null)
                {
                    return AllocationError.NotFound();
                }

                if (await PlanLock.IsOpenAsync(db, planId, ct) != true)
                {
                    return AllocationError.PlanLocked();
                }

                if (!AccessPolicy.CanAddUnitUnder(caller, await IsWithinScopeAsync(db, caller, parentUnitId, ct)))
                {
                    return AllocationError.OutOfScope();
                }

                if (await LevelLock.IsFrozenAsync(db, planId, parentUnitId, ct))
                {
                    return await LevelLock.RefusalAsync(db, parentUnitId, ct);
                }

                if (!UnitKindRules.CanContain(parent.Kind, kind))
                {
                    return AllocationError.InvalidUnitKind();
                }

                if (await SiblingNamedAsync(db, parentUnitId, name, exceptUnitId: null, ct) is { } existing)
                {
                    return AllocationError.DuplicateName(existing);
                }

                var order = await NextOrderAsync(db, parentUnitId, ct);
                var unit = OrganisationUnit.CreateChild(parent, name, kind, code, order);
                if (await AddUnitsAsync(db, caller, planId, [unit], ct) is not { } added)
                {
                    await transaction.RollbackAsync(ct);
                    return await AddRefusalAsync(db, planId, parentUnitId, ct);
                }

                await transaction.CommitAsync(ct);
                return Outcome.Success(added.Single());
            },
            () => $"Adding a unit under {parentUnitId} kept failing.",
            cancellationToken);
    }

    /// <summary>Renames, moves among its siblings (<paramref name="order"/> counts from 1), deactivates or reactivates a unit; null leaves a property as it is.</summary>
    public async Task<Outcome<UnitNodeView>> UpdateUnitAsync(
        Caller caller, int planId, int unitId, string? name = null, int? order = null, bool? active = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!AccessPolicy.MayEdit(caller))
        {
            return AllocationError.Forbidden();
        }

        if (name is not null && UnitName.Check(name) is { } badName)
        {
            return badName;
        }

        if (order is < 1)
        {
            return AllocationError.InvalidOrder(order.Value);
        }

        return await TransientFailure.RetryAsync(
            ct => TryUpdateAsync(caller, planId, unitId, name, order, active, ct),
            () => $"Updating unit {unitId} kept failing.",
            cancellationToken);
    }

    /// <summary>
    /// Adds the specialised offices a district-level committee has under Decree 108/2020/NĐ-CP and does not have yet
    /// (matched by name); applying it again adds nothing. Returns the units added.
    /// </summary>
    public async Task<Outcome<IReadOnlyList<UnitNodeView>>> AddStandardDistrictAgenciesAsync(
        Caller caller, int planId, int districtUnitId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!AccessPolicy.MayEdit(caller))
        {
            return AllocationError.Forbidden();
        }

        return await TransientFailure.RetryAsync(
            async ct =>
            {
                await using var db = await contextFactory.CreateDbContextAsync(ct);
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                var district = await FindInPlanAsync(db, planId, districtUnitId, ct);
                if (district is null)
                {
                    return AllocationError.NotFound();
                }

                if (await PlanLock.IsOpenAsync(db, planId, ct) != true)
                {
                    return AllocationError.PlanLocked();
                }

                if (!AccessPolicy.CanAddUnitUnder(caller, await IsWithinScopeAsync(db, caller, districtUnitId, ct)))
                {
                    return AllocationError.OutOfScope();
                }

                if (await LevelLock.IsFrozenAsync(db, planId, districtUnitId, ct))
                {
                    return await LevelLock.RefusalAsync(db, districtUnitId, ct);
                }

                if (district.Kind != UnitKind.DistrictCommittee)
                {
                    return AllocationError.InvalidUnitKind();
                }

                var present = (await db.Units.Where(u => u.ParentId == districtUnitId).Select(u => u.Name).ToListAsync(ct))
                    .Select(UnitName.MatchKey)
                    .ToHashSet();
                var order = await NextOrderAsync(db, districtUnitId, ct);
                var units = StandardDistrictAgencies.For(district.Name)
                    .Where(agency => !present.Contains(UnitName.MatchKey(agency)))
                    .Select((agency, i) => OrganisationUnit.CreateChild(district, agency, UnitKind.DistrictAgency, code: null, order + i))
                    .ToList();
                if (units.Count == 0)
                {
                    return Outcome.Success<IReadOnlyList<UnitNodeView>>([]);
                }

                if (await AddUnitsAsync(db, caller, planId, units, ct) is not { } added)
                {
                    await transaction.RollbackAsync(ct);
                    return await AddRefusalAsync(db, planId, districtUnitId, ct);
                }

                await transaction.CommitAsync(ct);
                return Outcome.Success(added);
            },
            () => $"Adding the standard agencies of district {districtUnitId} kept failing.",
            cancellationToken);
    }

    private async Task<Outcome<UnitNodeView>?> TryUpdateAsync(
        Caller caller, int planId, int unitId, string? name, int? order, bool? active, CancellationToken ct)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var unit = await FindInPlanAsync(db, planId, unitId, ct);
        if (unit is null)
        {
            return AllocationError.NotFound();
        }

        if (await PlanLock.IsOpenAsync(db, planId, ct) != true)
        {
            return AllocationError.PlanLocked();
        }

        if (!AccessPolicy.CanAdministerUnit(caller, unitId, await IsWithinScopeAsync(db, caller, unitId, ct)))
        {
            return AllocationError.OutOfScope();
        }

        // A unit's name, place and activity are part of the list its parent's decision fixes.
        var issuerUnitId = unit.ParentId ?? unit.Id;
        if (await LevelLock.IsFrozenAsync(db, planId, issuerUnitId, ct))
        {
            return await LevelLock.RefusalAsync(db, issuerUnitId, ct);
        }

        var events = new List<(AuditAction Action, string Description)>();
        if (name is not null && UnitName.Normalize(name) != unit.Name)
        {
            if (unit.ParentId is { } parentId && await SiblingNamedAsync(db, parentId, name, unit.Id, ct) is { } existing)
            {
                return AllocationError.DuplicateName(existing);
            }

            var oldName = unit.Name;
            unit.Rename(name);
            events.Add((AuditAction.UnitRenamed, $"Đổi tên: \"{oldName}\" → \"{unit.Name}\""));
        }

        if (order is { } position && await MoveAsync(db, unit, position, ct) is { } oldOrder)
        {
            events.Add((AuditAction.UnitMoved, $"Đổi thứ tự: {oldOrder} → {unit.Order}"));
        }

        if (active == false && unit.IsActive)
        {
            // Counting a change on every draft node of the unit serialises this with quantity changes of the unit: a
            // change that read the unit as active before this commits misses its conditional update and starts over.
            // Published and superseded plans are history: what the unit held there neither changes nor stops this.
            // Superseded plans are history: what the unit held there neither changes nor stops this. Every other plan
            // does: a draft would keep its licences, and the plan in force would hand them to its next amendment.
            var draftNodes = db.Nodes.Where(n => n.UnitId == unitId && db.Plans.Any(p => p.Id == n.PlanId && p.Status != PlanStatus.Superseded));
            await draftNodes.ExecuteUpdateAsync(s => s.SetProperty(n => n.Version, n => n.Version + 1), ct);
            var holders = await db.Nodes.Where(n => n.UnitId == unitId && n.Quantity > 0)
                .Join(db.Plans.Where(p => p.Status != PlanStatus.Superseded), n => n.PlanId, p => p.Id, (n, p) => new { p.Id, p.Name, p.Year, p.Version, n.Quantity })
                .OrderBy(h => h.Id)
                .ToListAsync(ct);
            var elsewhere = holders.FirstOrDefault(h => h.Id != planId);
            var refusal = AllocationRules.CheckDeactivation(holders.Where(h => h.Id == planId).Sum(h => h.Quantity))
                ?? (elsewhere is null ? null
                    : AllocationError.UnitHeldInOtherPlan(elsewhere.Quantity, $"\"{elsewhere.Name}\" năm {elsewhere.Year}, phiên bản {elsewhere.Version} (kế hoạch #{elsewhere.Id})"));
            if (refusal is not null)
            {
                await transaction.RollbackAsync(ct);
                return refusal;
            }

            unit.Deactivate();
            events.Add((AuditAction.UnitDeactivated, $"Ngừng hoạt động đơn vị \"{unit.Name}\""));
        }
        else if (active == true && !unit.IsActive)
        {
            unit.Activate();
            events.Add((AuditAction.UnitActivated, $"Hoạt động trở lại đơn vị \"{unit.Name}\""));
        }

        if (events.Count > 0)
        {
            // The unit rows first, then the plan row, then the audit chain head: the order every writer keeps.
            await db.SaveChangesAsync(ct);
            if (!await LevelLock.HoldOpenAsync(db, planId, issuerUnitId, ct))
            {
                await transaction.RollbackAsync(ct);
                return await LevelLock.RefusalAsync(db, issuerUnitId, ct);
            }

            if (!await PlanLock.HoldOpenAsync(db, planId, ct))
            {
                await transaction.RollbackAsync(ct);
                return AllocationError.PlanLocked();
            }

            var changeSetId = Guid.NewGuid();
            var now = clock.GetUtcNow().UtcDateTime;
            await AuditTrail.AppendAsync(db, events.Select(e => AuditEntry.UnitEvent(planId, unitId, caller.UserName, now, e.Action, e.Description, changeSetId)), ct);
        }

        var view = await NodeRows.ViewAsync(db, planId, unitId, ct);
        await transaction.CommitAsync(ct);
        return view;
    }

    /// <summary>Puts the unit at <paramref name="position"/> among its siblings and numbers them 1, 2, …; returns the old order when it changed.</summary>
    private static async Task<int?> MoveAsync(AllocationDbContext db, OrganisationUnit unit, int position, CancellationToken ct)
    {
        var oldOrder = unit.Order;
        if (unit.ParentId is not { } parentId)
        {
            unit.MoveTo(position);
        }
        else
        {
            var siblings = await db.Units.Where(u => u.ParentId == parentId && u.Id != unit.Id).OrderBy(u => u.Order).ThenBy(u => u.Id).ToListAsync(ct);
            siblings.Insert(Math.Min(position - 1, siblings.Count), unit);
            foreach (var (sibling, index) in siblings.Select((s, i) => (s, i)))
            {
                if (sibling.Order != index + 1)
                {
                    sibling.MoveTo(index + 1);
                }
            }
        }

        return unit.Order == oldOrder ? null : oldOrder;
    }

    /// <summary>
    /// Saves new units with a node of quantity 0 in the plan and one audit row each, under one change set; null when
    /// the parent's decision was published or the plan locked meanwhile (the caller rolls back).
    /// </summary>
    private async Task<IReadOnlyList<UnitNodeView>?> AddUnitsAsync(
        AllocationDbContext db, Caller caller, int planId, List<OrganisationUnit> units, CancellationToken ct)
    {
        db.Units.AddRange(units);
        await db.SaveChangesAsync(ct);
        var changeSetId = Guid.NewGuid();
        var now = clock.GetUtcNow().UtcDateTime;
        db.Nodes.AddRange(units.Select(unit => AllocationNode.Create(planId, unit.Id)));
        await db.SaveChangesAsync(ct);
        if (!await LevelLock.HoldOpenAsync(db, planId, units[0].ParentId!.Value, ct) || !await PlanLock.HoldOpenAsync(db, planId, ct))
        {
            return null;
        }

        await AuditTrail.AppendAsync(
            db, units.Select(unit => AuditEntry.UnitEvent(planId, unit.Id, caller.UserName, now, AuditAction.UnitCreated, $"Thêm đơn vị \"{unit.Name}\"", changeSetId)), ct);
        var ids = units.Select(u => u.Id).ToHashSet();
        var parentId = units[0].ParentId;
        var views = await PlanTreeQuery.Rows(db, planId, parentUnitId: parentId).ToListAsync(ct);
        return [.. views.Where(v => ids.Contains(v.UnitId)).OrderBy(v => v.Order)];
    }

    /// <summary>Why units could not be added after all: the parent's decision was published, or the plan locked, meanwhile.</summary>
    private static async Task<AllocationError> AddRefusalAsync(AllocationDbContext db, int planId, int parentUnitId, CancellationToken ct) =>
        await LevelLock.IsFrozenAsync(db, planId, parentUnitId, ct)
            ? await LevelLock.RefusalAsync(db, parentUnitId, ct)
            : AllocationError.PlanLocked();

    /// <summary>The unit, tracked, when it has a node in the plan.</summary>
    private static async Task<OrganisationUnit?> FindInPlanAsync(AllocationDbContext db, int planId, int unitId, CancellationToken ct) =>
        await db.Nodes.AnyAsync(n => n.PlanId == planId && n.UnitId == unitId, ct)
            ? await db.Units.SingleAsync(u => u.Id == unitId, ct)
            : null;

    private static async Task<bool> IsWithinScopeAsync(AllocationDbContext db, Caller caller, int unitId, CancellationToken ct) =>
        AccessPolicy.SeesWholeTree(caller) || await UnitScope.IsWithinAsync(db, caller, unitId, ct);

    private static async Task<int> NextOrderAsync(AllocationDbContext db, int parentUnitId, CancellationToken ct) =>
        (await db.Units.Where(u => u.ParentId == parentUnitId).MaxAsync(u => (int?)u.Order, ct) ?? 0) + 1;

    /// <summary>The name of a unit under the same parent that reads as <paramref name="name"/> (NFC, case folded), or null.</summary>
    private static async Task<string?> SiblingNamedAsync(AllocationDbContext db, int parentUnitId, string name, int? exceptUnitId, CancellationToken ct)
    {
        var key = UnitName.MatchKey(name);
        var siblings = await db.Units.AsNoTracking()
            .Where(u => u.ParentId == parentUnitId && u.Id != exceptUnitId)
            .Select(u => u.Name)
            .ToListAsync(ct);
        return siblings.FirstOrDefault(s => UnitName.MatchKey(s) == key);
    }
}
