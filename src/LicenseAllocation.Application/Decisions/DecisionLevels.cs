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
        var rows = only is null ? await ReadEveryIssuerAsync(db, planId, ct) : await ReadIssuersAsync(db, planId, only, ct);
        var (nodes, childCounts, openBelowOf) = rows;
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
                var openBelow = openBelowOf.GetValueOrDefault(n.UnitId);
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

    private sealed record IssuerRow(int UnitId, int? ParentId, string Name, UnitKind Kind, int Order, int Quantity, int HandedOn, bool LevelFrozen, bool IsActive);

    /// <summary>The issuing units' rows, how many active units each covers, and how many of those still hold licences they have not handed on.</summary>
    private sealed record IssuerRows(List<IssuerRow> Nodes, Dictionary<int, int> ChildCounts, Dictionary<int, int> OpenBelow);

    // The whole plan: the database counts each unit's active children, so only the issuing units' rows (a few hundred
    // on a national plan) are read, not the whole tree; an issuer's parent is an issuer, so the levels open below a level
    // are among these rows.
    private static async Task<IssuerRows> ReadEveryIssuerAsync(AllocationDbContext db, int planId, CancellationToken ct)
    {
        var childCounts = await (from n in db.Nodes.AsNoTracking()
                                 join u in db.Units.AsNoTracking() on n.UnitId equals u.Id
                                 where n.PlanId == planId && u.IsActive && u.ParentId != null
                                 group u by u.ParentId into g
                                 select new { ParentId = g.Key!.Value, Count = g.Count() })
            .ToDictionaryAsync(c => c.ParentId, c => c.Count, ct);
        var parents = childCounts.Keys.ToList();
        var nodes = await (from n in db.Nodes.AsNoTracking()
                           join u in db.Units.AsNoTracking() on n.UnitId equals u.Id
                           where n.PlanId == planId && (u.ParentId == null || (u.IsActive && parents.Contains(u.Id)))
                           select new IssuerRow(n.UnitId, u.ParentId, u.Name, u.Kind, u.Order, n.Quantity, n.HandedOn, n.LevelFrozen, u.IsActive))
            .ToListAsync(ct);
        var openBelow = nodes
            .Where(n => n.ParentId is not null && n.Quantity > n.HandedOn)
            .GroupBy(n => n.ParentId!.Value)
            .ToDictionary(g => g.Key, g => g.Count());
        return new IssuerRows(nodes, childCounts, openBelow);
    }

    // Some levels (those an edit moves): every query starts from the units' parent index and looks the plan's node up by
    // its key, and the database counts the children that are open, so the cost follows those levels' own size. Counting
    // every child's children instead made an edit of a commune on a 20.000-unit plan read all its units.
    private static async Task<IssuerRows> ReadIssuersAsync(AllocationDbContext db, int planId, IReadOnlyCollection<int> only, CancellationToken ct)
    {
        var inPlan = db.Nodes.AsNoTracking().Where(n => n.PlanId == planId);
        var activeInPlan = db.Units.AsNoTracking().Where(u => u.IsActive && inPlan.Any(n => n.UnitId == u.Id));
        var childCounts = await activeInPlan
            .Where(u => u.ParentId != null && only.Contains(u.ParentId.Value))
            .GroupBy(u => u.ParentId)
            .Select(g => new { ParentId = g.Key!.Value, Count = g.Count() })
            .ToDictionaryAsync(c => c.ParentId, c => c.Count, ct);
        var openBelow = await db.Units.AsNoTracking()
            .Where(u => u.IsActive && u.ParentId != null && only.Contains(u.ParentId.Value)
                        && inPlan.Any(n => n.UnitId == u.Id && n.Quantity > n.HandedOn)
                        && activeInPlan.Any(c => c.ParentId == u.Id))
            .GroupBy(u => u.ParentId)
            .Select(g => new { ParentId = g.Key!.Value, Count = g.Count() })
            .ToDictionaryAsync(c => c.ParentId, c => c.Count, ct);
        var nodes = await (from n in inPlan
                           where only.Contains(n.UnitId)
                           join u in db.Units.AsNoTracking() on n.UnitId equals u.Id
                           select new IssuerRow(n.UnitId, u.ParentId, u.Name, u.Kind, u.Order, n.Quantity, n.HandedOn, n.LevelFrozen, u.IsActive))
            .ToListAsync(ct);
        return new IssuerRows([.. nodes.Where(n => n.ParentId is null || (n.IsActive && childCounts.ContainsKey(n.UnitId)))], childCounts, openBelow);
    }

    /// <summary>Who issues a level's decision when the publisher does not say: the Department for the detailed allocation, else the unit's People's Committee.</summary>
    public static string IssuingBodyOf(UnitKind kind, string name, AllocationPlan plan) =>
        kind == UnitKind.DistrictGroup ? plan.Document?.Issuer ?? name
        : name.StartsWith("UBND", StringComparison.Ordinal) ? name
        : "UBND " + name;

    /// <summary>"Công văn" for the Department's detailed allocation, "Quyết định" for a People's Committee.</summary>
    public static string DocumentKindOf(UnitKind kind) => kind == UnitKind.DistrictGroup ? "Công văn" : "Quyết định";
}
