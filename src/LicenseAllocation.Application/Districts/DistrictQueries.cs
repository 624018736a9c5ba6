using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Allocations;
using LicenseAllocation.Application.Common;
using LicenseAllocation.Application.Data;
using LicenseAllocation.Application.Decisions;
using LicenseAllocation.Domain.Allocations;
using LicenseAllocation.Domain.Plans;
using LicenseAllocation.Domain.Units;
using Microsoft.EntityFrameworkCore;

namespace LicenseAllocation.Application.Districts;

public sealed class DistrictQueries(IDbContextFactory<AllocationDbContext> contextFactory)
{
    /// <summary>The province's view of its districts: quota, handed on, remaining and how many units still hold 0.</summary>
    public async Task<Outcome<DistrictOverview>> GetOverviewAsync(Caller caller, int planId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!AccessPolicy.SeesWholeTree(caller))
        {
            return AllocationError.Forbidden();
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.Plans.AnyAsync(p => p.Id == planId, cancellationToken))
        {
            return AllocationError.NotFound();
        }

        var nodes = await PlanTreeQuery.Rows(db, planId).ToListAsync(cancellationToken);
        var children = nodes.Where(n => n.ParentUnitId is not null).ToLookup(n => n.ParentUnitId!.Value);
        var districts = nodes
            .Where(n => n.Kind == UnitKind.DistrictCommittee)
            .OrderBy(n => n.Order).ThenBy(n => n.UnitId)
            .Select(d => new DistrictSummary(d, children[d.UnitId].Count(c => c.IsActive), children[d.UnitId].Count(c => c.IsActive && c.Quantity == 0)))
            .ToList();
        return new DistrictOverview(nodes.FirstOrDefault(n => n.Kind == UnitKind.DistrictGroup), districts);
    }

    /// <summary>
    /// The districts' group as a workspace of its own, for the province's bulk editor: the group's quota from the letter
    /// and the districts directly under it, each with its share and what it has handed on. Only for whoever sees the whole tree.
    /// </summary>
    public async Task<Outcome<DistrictWorkspace>> GetGroupWorkspaceAsync(Caller caller, int planId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!AccessPolicy.SeesWholeTree(caller))
        {
            return AllocationError.Forbidden();
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var nodes = await PlanTreeQuery.Rows(db, planId).ToListAsync(cancellationToken);
        var group = nodes.FirstOrDefault(n => n.Kind == UnitKind.DistrictGroup);
        if (group is null)
        {
            return AllocationError.NotFound();
        }

        var whole = Workspace(group, nodes, nodes.ToDictionary(n => n.UnitId, n => n.ParentUnitId));
        return whole with { Units = [.. whole.Units.Where(u => u.Node.ParentUnitId == group.UnitId)] };
    }

    /// <summary>One district's workspace, for whoever may see that district.</summary>
    public async Task<Outcome<DistrictWorkspace>> GetWorkspaceAsync(Caller caller, int planId, int districtUnitId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!AccessPolicy.CanReadPlans(caller))
        {
            return AllocationError.Forbidden();
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var nodes = await PlanTreeQuery.Rows(db, planId).ToListAsync(cancellationToken);
        var district = nodes.SingleOrDefault(n => n.UnitId == districtUnitId && n.Kind == UnitKind.DistrictCommittee);
        if (district is null)
        {
            return AllocationError.NotFound();
        }

        var within = AccessPolicy.SeesWholeTree(caller) || caller.ScopeUnitId == districtUnitId;
        if (!AccessPolicy.CanRead(caller, within))
        {
            return AllocationError.OutOfScope();
        }

        return Workspace(district, nodes, nodes.ToDictionary(n => n.UnitId, n => n.ParentUnitId));
    }

    /// <summary>
    /// The districts the caller may see, each as its workspace shows it: all of them for the province administrator and
    /// the auditor, those within the caller's scope for anyone else (a district officer: their own district). With
    /// <paramref name="districtUnitId"/>, that district alone. The districts workbook is written from this.
    /// </summary>
    public async Task<Outcome<DistrictReport>> GetReportAsync(
        Caller caller, int planId, int? districtUnitId = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!AccessPolicy.CanReadPlans(caller))
        {
            return AllocationError.Forbidden();
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var plan = await db.Plans.AsNoTracking().SingleOrDefaultAsync(p => p.Id == planId, cancellationToken);
        if (plan is null)
        {
            return AllocationError.NotFound();
        }

        var nodes = await PlanTreeQuery.Rows(db, planId).ToListAsync(cancellationToken);
        var districts = nodes
            .Where(n => n.Kind == UnitKind.DistrictCommittee && (districtUnitId is null || n.UnitId == districtUnitId))
            .OrderBy(n => n.Order).ThenBy(n => n.UnitId)
            .ToList();
        if (districtUnitId is not null && districts.Count == 0)
        {
            return AllocationError.NotFound();
        }

        var parents = nodes.ToDictionary(n => n.UnitId, n => n.ParentUnitId);
        var visible = AccessPolicy.SeesWholeTree(caller) || caller.ScopeUnitId is not { } scope || !parents.ContainsKey(scope)
            ? []
            : UnitScope.Subtree(scope, parents);
        var readable = districts.Where(d => AccessPolicy.CanRead(caller, visible.Contains(d.UnitId))).ToList();
        if (readable.Count == 0 && districts.Count > 0)
        {
            return AllocationError.OutOfScope();
        }

        var levels = (await DecisionLevels.ReadAsync(db, planId, issuingUnitId: null, cancellationToken)).ToDictionary(l => l.IssuingUnitId);
        var group = nodes.FirstOrDefault(n => n.Kind == UnitKind.DistrictGroup);
        var summary = group is not null && levels.TryGetValue(group.UnitId, out var detailed) ? HeadingOf(plan, detailed) : DocumentHeading.None;
        var headings = readable
            .Where(d => levels.ContainsKey(d.UnitId))
            .ToDictionary(d => d.UnitId, d => HeadingOf(plan, levels[d.UnitId]));
        return new DistrictReport(plan.Name, readable.Select(d => Workspace(d, nodes, parents)).ToList(), summary, headings);
    }

    /// <summary>The reference line of a level's decision: its number and date once published, left blank for the clerk while a draft.</summary>
    private static DocumentHeading HeadingOf(AllocationPlan plan, LevelDecisionView level)
    {
        var kind = DecisionLevels.DocumentKindOf(level.IssuingUnitKind);
        var body = level.IssuingBody ?? level.IssuingUnitName;
        return level.Status == PlanStatus.Draft || level.DocumentNumber is null || level.DocumentDate is not { } date
            ? new DocumentHeading(LevelDecision.DraftAppendixReferenceOf(kind, plan.Year, body), Draft: true)
            : new DocumentHeading(LevelDecision.AppendixReferenceOf(kind, level.DocumentNumber, date, body), Draft: false);
    }

    /// <summary>A district with the units under it in tree order, each with its own and its subtree's figure.</summary>
    private static DistrictWorkspace Workspace(UnitNodeView district, IReadOnlyCollection<UnitNodeView> nodes, IReadOnlyDictionary<int, int?> parents)
    {
        var subtree = UnitScope.Subtree(district.UnitId, parents);
        var ordered = PlanTreeQuery.InTreeOrder(nodes.Where(n => subtree.Contains(n.UnitId)).ToList());
        var subtreeQuantities = SubtreeQuantities(ordered);
        var rows = ordered.Skip(1)
            .Select(r => new WorkspaceRow(r.Node, r.Depth, r.ChildCount, subtreeQuantities[r.Node.UnitId]))
            .ToList();
        return new DistrictWorkspace(district, rows);
    }

    /// <summary>For each node, what its subtree holds at the bottom: its own quantity for a leaf, the leaves' sum above.</summary>
    private static Dictionary<int, int> SubtreeQuantities(IReadOnlyList<TreeRow> ordered)
    {
        var children = ordered.Where(r => r.Node.ParentUnitId is not null).ToLookup(r => r.Node.ParentUnitId!.Value);
        var totals = new Dictionary<int, int>();

        // Tree order puts children after their parent, so walking it backwards sees every child first.
        for (var i = ordered.Count - 1; i >= 0; i--)
        {
            var row = ordered[i];
            totals[row.Node.UnitId] = row.ChildCount == 0 ? row.Node.Quantity : children[row.Node.UnitId].Sum(c => totals[c.Node.UnitId]);
        }

        return totals;
    }
}
