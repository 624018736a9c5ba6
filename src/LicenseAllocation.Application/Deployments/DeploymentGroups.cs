using System.Globalization;
using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Allocations;
using LicenseAllocation.Application.Auditing;
using LicenseAllocation.Application.Common;
using LicenseAllocation.Application.Data;
using LicenseAllocation.Domain.Allocations;
using LicenseAllocation.Domain.Auditing;
using LicenseAllocation.Domain.Deployments;
using LicenseAllocation.Domain.Text;
using LicenseAllocation.Domain.Units;
using Microsoft.EntityFrameworkCore;

namespace LicenseAllocation.Application.Deployments;

/// <summary>A console group: the unit it is mapped to on the day asked (if any), a suggestion when it is not, and its devices in the latest snapshot.</summary>
public sealed record GroupView(string Group, int? UnitId, string? UnitName, DateOnly? ValidFrom, int? SuggestedUnitId, string? SuggestedUnitName, int Devices);

/// <summary>A unit a group can be mapped to.</summary>
public sealed record UnitChoice(int UnitId, string? Code, string Name, int Depth);

/// <summary>
/// The units a plan's groups can be mapped to, in force on <see cref="ReportDay"/>, the day of the plan's latest console
/// report (null before its first one). When none is offered because every unit of the plan had ended by then (the 2020
/// plan's units end on 30/06/2025), <see cref="StructureEnded"/> is the last day of the plan's structure: the report
/// belongs to a plan of the structure that follows.
/// </summary>
public sealed record UnitOffer(IReadOnlyList<UnitChoice> Units, DateOnly? ReportDay, DateOnly? StructureEnded = null)
{
    /// <summary>True when the plan has a report but no unit in force on its day: an empty offer to be explained.</summary>
    public bool NoneInForce => Units.Count == 0 && ReportDay is not null;
}

/// <summary>One group to map (or, with no unit, to leave unmapped from the day on).</summary>
public sealed record GroupAssignment(string Group, int? UnitId);

/// <summary>
/// Console groups mapped to units, remembered and dated: each confirmation applies from its day on and ends the mapping
/// before it, so a snapshot taken before the 2025 reorganisation still places its devices where they stood then.
/// Unmapped groups are suggested a unit whose name (accents, case and the unit's kind set aside) or code matches the
/// last part of the group's path, when exactly one does; the administrator confirms.
/// </summary>
public sealed class DeploymentGroups(IDbContextFactory<AllocationDbContext> contextFactory, TimeProvider clock)
{
    /// <summary>The first day of a group's first mapping when no day is given: before any console report.</summary>
    public static readonly DateOnly SinceAlways = new(2000, 1, 1);

    private static readonly string[] _kindWords = ["ubnd", "uy ban nhan dan", "huyen", "thanh pho", "thi xa", "xa", "phuong", "thi tran", "so", "tp.", "tp"];

    public async Task<DeploymentResult<IReadOnlyList<GroupView>>> ListAsync(Caller caller, DateOnly? on = null, int? planId = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!AccessPolicy.SeesWholeTree(caller))
        {
            return AllocationError.Forbidden();
        }

        await using var db = await contextFactory.CreateDbContextAsync(ct);

        // On a plan's page the groups are those of the plan's latest console report, and the units offered are those in
        // force on the day that report was taken; otherwise the latest report of all, and the units in force on the day.
        var snapshots = db.DeploymentSnapshots.AsNoTracking();
        var newest = planId is { } ofPlan
            ? snapshots.Where(s => s.PlanId == ofPlan).OrderByDescending(s => s.TakenOn).ThenByDescending(s => s.Id)
            : snapshots.OrderByDescending(s => s.Id);
        var latest = await newest.Select(s => new { s.Id, s.TakenOn }).FirstOrDefaultAsync(ct);
        var day = on ?? VietnamTime.Today(clock);
        var offeredOn = planId is not null && latest is not null ? latest.TakenOn : day;
        var counts = latest is { Id: var id }
            ? await db.DeploymentDevices.AsNoTracking().Where(d => d.SnapshotId == id).GroupBy(d => d.Group).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct)
            : [];
        var mappings = await db.DeploymentGroupMappings.AsNoTracking().ToListAsync(ct);
        var units = await db.Units.AsNoTracking().Select(u => new UnitRef(u.Id, u.Name, u.Code, u.IsActive, u.ValidFrom, u.ValidTo)).ToListAsync(ct);
        var names = units.ToDictionary(u => u.Id, u => u.Name);
        // For a plan's page the candidates are the plan's own units in force on the report's day: the plan is what the
        // devices are compared with, and a unit ended before the report ran no machine in it.
        var inPlan = planId is { } plan ? (await db.Nodes.AsNoTracking().Where(n => n.PlanId == plan).Select(n => n.UnitId).ToListAsync(ct)).ToHashSet() : null;
        var suggester = new Suggester(units.Where(u => u.IsActive && (inPlan is null || inPlan.Contains(u.Id)) && InForce(u.ValidFrom, u.ValidTo, offeredOn)).ToList());

        var groups = counts.Keys.Union(mappings.Select(m => m.Group), StringComparer.Ordinal);
        return new DeploymentResult<IReadOnlyList<GroupView>>(
        [
            .. groups.Select(g =>
            {
                var current = mappings.Where(m => m.Group == g && m.AppliesOn(day)).MaxBy(m => m.ValidFrom);
                var suggestion = current is null ? suggester.For(g) : null;
                return new GroupView(g, current?.UnitId, current is null ? null : names.GetValueOrDefault(current.UnitId), current?.ValidFrom,
                    suggestion?.Id, suggestion?.Name, counts.GetValueOrDefault(g));
            })
            .OrderBy(v => v.UnitId is null ? 0 : 1).ThenByDescending(v => v.Devices).ThenBy(v => v.Group, StringComparer.Ordinal),
        ]);
    }

    /// <summary>
    /// Maps each group to its unit from <paramref name="validFrom"/> on, in one audited transaction; without a day, a
    /// group's first mapping applies to every snapshot and a later one from today.
    /// </summary>
    public async Task<DeploymentResult<int>> SaveAsync(Caller caller, IReadOnlyList<GroupAssignment> items, DateOnly? validFrom = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(items);
        if (!AccessPolicy.CanManagePlans(caller))
        {
            return AllocationError.Forbidden();
        }

        var today = VietnamTime.Today(clock);
        var cleaned = new List<(string Group, int? UnitId)>();
        foreach (var item in items)
        {
            var group = InputText.Normalize(item.Group);
            if (string.IsNullOrEmpty(group) || group.Length > DeploymentGroupMapping.MaxGroupLength)
            {
                return new DeploymentIssue(DeploymentErrorCode.DeviceGroupRequired);
            }

            if (cleaned.Any(c => c.Group == group))
            {
                return AllocationError.DuplicateItem();
            }

            cleaned.Add((group, item.UnitId));
        }

        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var unitIds = cleaned.Where(c => c.UnitId is not null).Select(c => c.UnitId!.Value).Distinct().ToList();
        var known = await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id) && u.IsActive).Select(u => new { u.Id, u.Name }).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        if (cleaned.FirstOrDefault(c => c.UnitId is { } unit && !known.ContainsKey(unit)) is { Group: { } unknown })
        {
            return new DeploymentIssue(DeploymentErrorCode.GroupUnknownUnit) { Found = unknown };
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var groups = cleaned.Select(c => c.Group).ToList();
        var existing = await db.DeploymentGroupMappings.Where(m => groups.Contains(m.Group)).ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var changeSet = Guid.NewGuid();
        var audit = new List<AuditEntry>();
        foreach (var (group, unitId) in cleaned)
        {
            var ofGroup = existing.Where(m => m.Group == group).ToList();

            // A group mapped for the first time is mapped for every snapshot, those already taken too; a re-homing
            // applies from the day given (today by default).
            var from = validFrom ?? (ofGroup.Count == 0 ? SinceAlways : today);
            db.DeploymentGroupMappings.RemoveRange(ofGroup.Where(m => m.ValidFrom == from));
            foreach (var open in ofGroup.Where(m => m.ValidFrom < from && (m.ValidTo is null || m.ValidTo >= from)))
            {
                open.EndOn(from.AddDays(-1));
            }

            if (unitId is { } unit)
            {
                db.DeploymentGroupMappings.Add(new DeploymentGroupMapping(group, unit, from, caller.UserName, now));
            }

            audit.Add(AuditEntry.Event(null, unitId, caller.UserName, now, AuditAction.DeploymentGroupsMapped,
                unitId is { } u ? from == SinceAlways ? $"Nhóm “{group}” gắn với đơn vị “{known[u]}”" : string.Create(CultureInfo.InvariantCulture, $"Nhóm “{group}” gắn với đơn vị “{known[u]}” từ ngày {from:dd/MM/yyyy}") : string.Create(CultureInfo.InvariantCulture, $"Nhóm “{group}” bỏ gắn đơn vị từ ngày {from:dd/MM/yyyy}"), changeSet));
        }

        await db.SaveChangesAsync(ct);
        await AuditTrail.AppendAsync(db, audit, ct);
        await transaction.CommitAsync(ct);
        return new DeploymentResult<int>(cleaned.Count);
    }

    /// <summary>The units of a plan a group can be mapped to, in tree order with their depth, for the administrator's choice.</summary>
    public async Task<DeploymentResult<UnitOffer>> UnitChoicesAsync(Caller caller, int planId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!AccessPolicy.SeesWholeTree(caller))
        {
            return AllocationError.Forbidden();
        }

        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var nodes = await PlanTreeQuery.Rows(db, planId).ToListAsync(ct);
        if (nodes.Count == 0)
        {
            return AllocationError.NotFound();
        }

        // Only the units in force on the day of the plan's latest report (every active unit before the first report).
        var reportDay = await db.DeploymentSnapshots.AsNoTracking().Where(s => s.PlanId == planId).OrderByDescending(s => s.TakenOn).ThenByDescending(s => s.Id)
            .Select(s => (DateOnly?)s.TakenOn).FirstOrDefaultAsync(ct);
        var ids = nodes.Select(n => n.UnitId).ToList();
        var dates = await db.Units.AsNoTracking().Where(u => ids.Contains(u.Id)).Select(u => new { u.Id, u.ValidFrom, u.ValidTo }).ToDictionaryAsync(u => u.Id, ct);
        List<UnitChoice> choices =
        [
            .. PlanTreeQuery.InTreeOrder(nodes)
                .Where(r => r.Node.IsActive && (reportDay is not { } day || InForce(dates[r.Node.UnitId].ValidFrom, dates[r.Node.UnitId].ValidTo, day)))
                .Select(r => new UnitChoice(r.Node.UnitId, r.Node.Code, r.Node.Name, r.Depth)),
        ];

        // An empty offer on a report after the plan's structure ended: its last day tells which structure the report needs.
        var ended = choices.Count == 0 && reportDay is { } taken
            ? dates.Values.Where(d => d.ValidTo < taken).Max(d => d.ValidTo)
            : null;
        return new DeploymentResult<UnitOffer>(new UnitOffer(choices, reportDay, ended));
    }

    /// <summary>The mapping in force on <paramref name="day"/>: group → unit.</summary>
    internal static async Task<Dictionary<string, int>> OnAsync(AllocationDbContext db, DateOnly day, CancellationToken ct)
    {
        var mappings = await db.DeploymentGroupMappings.AsNoTracking().Where(m => m.ValidFrom <= day && (m.ValidTo == null || m.ValidTo >= day)).ToListAsync(ct);
        return mappings.GroupBy(m => m.Group, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.MaxBy(m => m.ValidFrom)!.UnitId, StringComparer.Ordinal);
    }

    private static bool InForce(DateOnly? validFrom, DateOnly? validTo, DateOnly day) => (validFrom is null || validFrom <= day) && (validTo is null || day <= validTo);

    private sealed record UnitRef(int Id, string Name, string? Code, bool IsActive, DateOnly? ValidFrom, DateOnly? ValidTo);

    private sealed class Suggester(List<UnitRef> units)
    {
        private readonly ILookup<string, UnitRef> _byName = units.ToLookup(u => Core(u.Name), StringComparer.Ordinal);

        public UnitRef? For(string group)
        {
            var last = group.Split(['/', '\\', '>'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? group;
            var byCode = units.Where(u => u.Code is { Length: > 0 } code && string.Equals(code, last.Trim(), StringComparison.OrdinalIgnoreCase)).ToList();
            if (byCode.Count == 1)
            {
                return byCode[0];
            }

            var byName = _byName[Core(last)].ToList();
            return byName.Count == 1 ? byName[0] : null;
        }

        /// <summary>The folded name without the words of its kind: "UBND xã Mỹ Hiệp" and "Xã Mỹ Hiệp" are both "my hiep".</summary>
        private static string Core(string name)
        {
            var folded = SearchText.Fold(name);
            foreach (var word in _kindWords)
            {
                if (folded.StartsWith(word + " ", StringComparison.Ordinal))
                {
                    folded = folded[(word.Length + 1)..];
                }
            }

            return folded.Trim();
        }
    }
}
