using LicenseAllocation.Application.Data;
using LicenseAllocation.Domain.Plans;
using LicenseAllocation.Domain.Units;
using Microsoft.EntityFrameworkCore;

namespace LicenseAllocation.Application.Decisions;

/// <summary>
/// Reads the levels of a plan: every unit with units of its own below it issues a decision over them (the province's
/// letter over the provincial agencies and the districts' group, the detailed allocation over the districts, each
/// district over its agencies and communes; on a structure without districts the province's one letter covers the
/// communes too). Figures come from the node rows, so the list costs a few queries whatever the size of the tree.
/// </summary>
internal static class DecisionLevels
{
    public static Task<IReadOnlyList<LevelDecisionView>> ReadAsync(AllocationDbContext db, int planId, int? issuingUnitId, CancellationToken ct) =>
        ReadAsync(db, planId, issuingUnitId is { } only ? [only] : null, ct);

    /// <summary>The levels of <paramref name="only"/> (every level when null), read at a cost that follows their own size.</summary>
    public static async Task<IReadOnlyList<LevelDecisionView>> ReadAsync(AllocationDbContext db, int planId, IReadOnlyCollection<int>? only, CancellationToken ct)
    {
        var plan = await db.Plans.AsNoTracking().SingleAsync(p => p.Id == planId, ct);
        var planUnits = from n in db.Nodes.AsNoTracking()
                        join u in db.Units.AsNoTracking() on n.UnitId equals u.Id
                        where n.PlanId == planId
                        select u;

        // For some levels, only they and their children can be issuers that matter: a level's own count, and which of its
        // children hold licences they have not handed on.
        List<int>? counted = null;
        if (only is not null)
        {
            var children = await planUnits.Where(u => u.IsActive && u.ParentId != null && only.Contains(u.ParentId.Value)).Select(u => u.Id).ToListAsync(ct);
            counted = [.. only, .. children];
        }

        // The database counts each unit's active children, so only the issuing units' rows (a few hundred on a national
        // plan) are read, not the whole tree.
        var childCounts = await planUnits
            .Where(u => u.IsActive && u.ParentId != null && (counted == null || counted.Contains(u.ParentId.Value)))
            .GroupBy(u => u.ParentId)
            .Select(g => new { ParentId = g.Key!.Value, Count = g.Count() })
            .ToDictionaryAsync(c => c.ParentId, c => c.Count, ct);
        var parents = childCounts.Keys.ToList();
        var nodes = await (from n in db.Nodes.AsNoTracking()
                           join u in db.Units.AsNoTracking() on n.UnitId equals u.Id
                           where n.PlanId == planId && (u.ParentId == null || (u.IsActive && parents.Contains(u.Id)))
                           select new { n.UnitId, u.ParentId, u.Name, u.Kind, u.IsActive, u.Order, n.Quantity, n.HandedOn, n.LevelFrozen })
            .ToListAsync(ct);

        // An issuer's parent is an issuer, so the levels below a level are among these rows.
        var issuingChildren = nodes.Where(n => n.ParentId is not null).ToLookup(n => n.ParentId!.Value);
        var issuers = nodes
            .Where(n => only is null || only.Contains(n.UnitId))
            .ToList();
        var decisions = (await db.Decisions.AsNoTracking()
                .Where(d => d.PlanId == planId && (only == null || only.Contains(d.IssuingUnitId)))
                .Select(d => new { d.IssuingUnitId, d.Version, d.Status, d.DocumentNumber, d.DocumentDate, d.Signer, d.IssuingBody, d.PublishedAtUtc, d.AppendixSha256 })
                .ToListAsync(ct))
            .GroupBy(d => d.IssuingUnitId)
            .ToDictionary(g => g.Key, g => g.MaxBy(d => d.Version)!);
        var letterSha = plan.Status == PlanStatus.Draft
            ? null
            : await db.PublishedAppendices.Where(a => a.PlanId == planId).Select(a => a.Sha256).SingleOrDefaultAsync(ct);

        var depth = new Dictionary<int, int>();
        var parentOf = nodes.ToDictionary(n => n.UnitId, n => n.ParentId);
        int DepthOf(int unitId) => depth.TryGetValue(unitId, out var d) ? d
            : depth[unitId] = parentOf.GetValueOrDefault(unitId) is { } p && parentOf.ContainsKey(p) ? DepthOf(p) + 1 : 0;

        return [.. issuers
            .OrderBy(n => DepthOf(n.UnitId)).ThenBy(n => n.Order).ThenBy(n => n.UnitId)
            .Select(n =>
            {
                var covered = childCounts.GetValueOrDefault(n.UnitId);
                var openBelow = issuingChildren[n.UnitId].Count(c => c.Quantity > c.HandedOn);
                if (n.ParentId is null)
                {
                    return new LevelDecisionView(
                        n.UnitId, n.Name, n.Kind, null, plan.Status, plan.Version, plan.Document?.Number, plan.Status == PlanStatus.Draft ? null : plan.Document?.Date,
                        plan.Document?.Signer, plan.Document?.Issuer, plan.PublishedAtUtc, letterSha, covered, n.Quantity, n.Quantity - n.HandedOn, openBelow);
                }

                var last = decisions.GetValueOrDefault(n.UnitId);
                var status = plan.Status == PlanStatus.Superseded && last is not null ? PlanStatus.Superseded
                    : n.LevelFrozen ? PlanStatus.Published
                    : PlanStatus.Draft;
                var shown = status == PlanStatus.Draft ? null : last;
                return new LevelDecisionView(
                    n.UnitId, n.Name, n.Kind, n.ParentId, status, status == PlanStatus.Draft ? (last?.Version ?? 0) + 1 : last!.Version,
                    shown?.DocumentNumber, shown?.DocumentDate, shown?.Signer, shown?.IssuingBody ?? IssuingBodyOf(n.Kind, n.Name, plan),
                    shown?.PublishedAtUtc, shown?.AppendixSha256, covered, n.Quantity, n.Quantity - n.HandedOn, openBelow);
            })];
    }

    /// <summary>Who issues a level's decision when the publisher does not say: the Department for the detailed allocation, else the unit's People's Committee.</summary>
    public static string IssuingBodyOf(UnitKind kind, string name, AllocationPlan plan) =>
        kind == UnitKind.DistrictGroup ? plan.Document?.Issuer ?? name
        : name.StartsWith("UBND", StringComparison.Ordinal) ? name
        : "UBND " + name;

    /// <summary>"Công văn" for the Department's detailed allocation, "Quyết định" for a People's Committee.</summary>
    public static string DocumentKindOf(UnitKind kind) => kind == UnitKind.DistrictGroup ? "Công văn" : "Quyết định";
}
