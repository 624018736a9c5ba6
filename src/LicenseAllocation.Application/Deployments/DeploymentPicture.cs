using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Allocations;
using LicenseAllocation.Application.Data;
using LicenseAllocation.Domain.Allocations;
using LicenseAllocation.Domain.Deployments;
using LicenseAllocation.Domain.Units;
using Microsoft.EntityFrameworkCore;

namespace LicenseAllocation.Application.Deployments;

/// <summary>
/// What ran in a unit (or in its subtree) against what it holds. <see cref="LastSeenUnknown"/> counts the devices whose
/// report gave no last-seen time: they are neither stale nor seen lately, a case of their own.
/// </summary>
public sealed record DeploymentFigures(int Installed, int Stale, int OtherProduct, int Outdated, int Licensed, int LastSeenUnknown = 0)
{
    public decimal? UsePercent => UseBands.Percent(Installed, Licensed);

    public UseBand Band => UseBands.Of(Installed, Licensed);

    public DeploymentFigures Plus(DeploymentFigures other) =>
        new(Installed + other.Installed, Stale + other.Stale, OtherProduct + other.OtherProduct, Outdated + other.Outdated, Licensed + other.Licensed,
            LastSeenUnknown + other.LastSeenUnknown);
}

/// <summary>One unit of the picture: its own devices and licences, and its subtree's (itself included).</summary>
public sealed record DeploymentUnitRow(int UnitId, int? ParentUnitId, string? Code, string Name, int Depth, DeploymentFigures Own, DeploymentFigures Subtree)
{
    /// <summary>What kind of unit it is: the dashboard keeps the districts' rows and gathers the provincial level.</summary>
    public UnitKind Kind { get; init; }
}

/// <summary>A snapshot as a list entry: for the choice of snapshot and the trend.</summary>
public sealed record SnapshotSummary(int Id, DateOnly TakenOn, DateTime ImportedAtUtc, string MappingName, int Devices);

/// <summary>One snapshot of the trend: the subtree's figures on the day it was taken.</summary>
public sealed record TrendPoint(int SnapshotId, DateOnly TakenOn, DeploymentFigures Figures);

/// <summary>The deployment picture of a plan at one snapshot: per unit in tree order, the unmapped groups, the snapshots there are.</summary>
public sealed record DeploymentPictureView(SnapshotSummary Snapshot, IReadOnlyList<DeploymentUnitRow> Units, IReadOnlyList<GroupCount> UnmappedGroups, IReadOnlyList<SnapshotSummary> Snapshots);

/// <summary>
/// The picture per unit and subtree: devices counted in the unit their group is mapped to on the snapshot's day, the
/// licences from <see cref="LicensedFigures"/>, the band from <see cref="UseBands"/>; a subtree's figures are the sum
/// of its units'. Scoped like the tree: a district officer sees its district's units and their figures alone (and no
/// unmapped groups, which belong to no unit yet).
/// </summary>
public sealed class DeploymentPicture(IDbContextFactory<AllocationDbContext> contextFactory)
{
    public async Task<DeploymentResult<DeploymentPictureView>> GetAsync(Caller caller, int planId, int? snapshotId = null, int? unitId = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var (nodes, visible, refused) = await ReadTreeAsync(db, caller, planId, ct);
        if (nodes is null)
        {
            return refused!;
        }
        if (unitId is { } asked && (nodes.All(n => n.UnitId != asked) || visible is not null && !visible.Contains(asked)))
        {
            return nodes.Any(n => n.UnitId == asked) ? AllocationError.OutOfScope() : AllocationError.NotFound();
        }

        var snapshots = await db.DeploymentSnapshots.AsNoTracking().Where(s => s.PlanId == planId).OrderBy(s => s.TakenOn).ThenBy(s => s.Id)
            .Select(s => new SnapshotSummary(s.Id, s.TakenOn, s.ImportedAtUtc, s.MappingName, s.Devices)).ToListAsync(ct);
        var snapshot = snapshotId is { } wanted ? snapshots.FirstOrDefault(s => s.Id == wanted) : snapshots.LastOrDefault();
        if (snapshot is null)
        {
            return new DeploymentIssue(DeploymentErrorCode.SnapshotNotFound);
        }

        var computed = await ComputeAsync(db, planId, nodes, snapshot.Id, snapshot.TakenOn, ct);
        var scope = unitId is { } root ? UnitScope.Subtree(root, nodes.ToDictionary(n => n.UnitId, n => n.ParentUnitId)) : null;
        var rows = computed.Rows.Where(r => (visible is null || visible.Contains(r.UnitId)) && (scope is null || scope.Contains(r.UnitId))).ToList();
        var unmapped = computed.Unmapped;
        return new DeploymentResult<DeploymentPictureView>(new DeploymentPictureView(snapshot, rows, AccessPolicy.SeesWholeTree(caller) ? unmapped : [], snapshots));
    }

    /// <summary>At most this many snapshots (the latest) make the trend.</summary>
    public const int TrendLength = 24;

    /// <summary>
    /// The figures of the caller's part of the plan (the province, a district, or <paramref name="unitId"/>'s subtree)
    /// at each of the latest <see cref="TrendLength"/> snapshots, oldest first.
    /// </summary>
    public async Task<DeploymentResult<IReadOnlyList<TrendPoint>>> TrendAsync(Caller caller, int planId, int? unitId = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var (nodes, visible, refused) = await ReadTreeAsync(db, caller, planId, ct);
        if (nodes is null)
        {
            return refused!;
        }
        var root = unitId ?? (visible is null ? nodes.FirstOrDefault(n => n.ParentUnitId is null || nodes.All(o => o.UnitId != n.ParentUnitId))?.UnitId : caller.ScopeUnitId);
        if (root is not { } top || nodes.All(n => n.UnitId != top))
        {
            return AllocationError.NotFound();
        }

        if (visible is not null && !visible.Contains(top))
        {
            return AllocationError.OutOfScope();
        }

        var snapshots = await db.DeploymentSnapshots.AsNoTracking().Where(s => s.PlanId == planId)
            .OrderByDescending(s => s.TakenOn).ThenByDescending(s => s.Id).Take(TrendLength)
            .Select(s => new { s.Id, s.TakenOn }).ToListAsync(ct);
        var points = new List<TrendPoint>();
        foreach (var snapshot in snapshots.AsEnumerable().Reverse())
        {
            var row = (await ComputeAsync(db, planId, nodes, snapshot.Id, snapshot.TakenOn, ct)).Rows.Single(r => r.UnitId == top);
            points.Add(new TrendPoint(snapshot.Id, snapshot.TakenOn, row.Subtree));
        }

        return new DeploymentResult<IReadOnlyList<TrendPoint>>(points);
    }

    /// <summary>The plan's tree and the units of it the caller reads (null: all), or why the caller reads none of it.</summary>
    private static async Task<(List<UnitNodeView>? Nodes, HashSet<int>? Visible, AllocationError? Refused)> ReadTreeAsync(
        AllocationDbContext db, Caller caller, int planId, CancellationToken ct)
    {
        if (!AccessPolicy.CanReadPlans(caller))
        {
            return (null, null, AllocationError.Forbidden());
        }

        if (!await db.Plans.AnyAsync(p => p.Id == planId, ct))
        {
            return (null, null, AllocationError.NotFound());
        }

        var nodes = await PlanTreeQuery.Rows(db, planId).ToListAsync(ct);
        return (nodes, UnitScope.VisibleTo(caller, nodes), null);
    }

    /// <summary>What one snapshot's picture is over the whole plan, in tree order, and its unmapped groups.</summary>
    internal sealed record Computed(IReadOnlyList<DeploymentUnitRow> Rows, IReadOnlyList<GroupCount> Unmapped);

    /// <summary>
    /// The picture of a snapshot for every unit of the plan, on the context given (the import reads it in its own
    /// transaction to tell the units that enter a band): devices counted by group and placed by the mapping in force on
    /// the snapshot's day, licences from <see cref="LicensedFigures"/>, subtrees summed children first.
    /// </summary>
    internal static async Task<Computed> ComputeAsync(AllocationDbContext db, int planId, IReadOnlyCollection<UnitNodeView> nodes, int snapshotId, DateOnly takenOn, CancellationToken ct)
    {
        var counts = await db.DeploymentDevices.AsNoTracking().Where(d => d.SnapshotId == snapshotId).GroupBy(d => d.Group)
            .Select(g => new
            {
                Group = g.Key,
                Devices = g.Count(),
                Installed = g.Count(d => d.Installed),
                Stale = g.Count(d => d.Stale),
                OtherProduct = g.Count(d => d.OtherProduct),
                Outdated = g.Count(d => d.Outdated),
                LastSeenUnknown = g.Count(d => d.LastSeenUtc == null),
            })
            .ToListAsync(ct);
        var purchased = await db.SelfPurchases.AsNoTracking().Where(p => p.PlanId == planId && p.CancelledAtUtc == null)
            .GroupBy(p => p.UnitId).Select(g => new { UnitId = g.Key, Quantity = g.Sum(p => p.Quantity) })
            .ToDictionaryAsync(p => p.UnitId, p => p.Quantity, ct);
        var mapping = await DeploymentGroups.OnAsync(db, takenOn, ct);
        var inPlan = nodes.Select(n => n.UnitId).ToHashSet();
        var devicesOf = new Dictionary<int, DeploymentFigures>();
        var unmapped = new List<GroupCount>();
        foreach (var group in counts)
        {
            if (mapping.TryGetValue(group.Group, out var unit) && inPlan.Contains(unit))
            {
                var figures = new DeploymentFigures(group.Installed, group.Stale, group.OtherProduct, group.Outdated, 0, group.LastSeenUnknown);
                devicesOf[unit] = devicesOf.TryGetValue(unit, out var before) ? before.Plus(figures) : figures;
            }
            else
            {
                unmapped.Add(new GroupCount(group.Group, group.Devices));
            }
        }

        var ordered = PlanTreeQuery.InTreeOrder(nodes);
        var byId = nodes.ToDictionary(n => n.UnitId);
        var children = nodes.ToLookup(n => n.ParentUnitId);
        var ownOf = new Dictionary<int, DeploymentFigures>();
        var subtreeOf = new Dictionary<int, DeploymentFigures>();
        var purchasedBelow = new Dictionary<int, int>();

        // Children before parents: the tree order reversed.
        foreach (var row in ordered.Reverse())
        {
            var node = byId[row.Node.UnitId];
            var ownPurchased = purchased.GetValueOrDefault(node.UnitId);
            var ownFigures = (devicesOf.GetValueOrDefault(node.UnitId) ?? new DeploymentFigures(0, 0, 0, 0, 0)) with { Licensed = LicensedFigures.Own(node, ownPurchased) };
            var sum = children[node.UnitId].Aggregate(ownFigures with { Licensed = 0 }, (acc, child) => acc.Plus(subtreeOf[child.UnitId] with { Licensed = 0 }));
            var inSubtree = children[node.UnitId].Aggregate(ownPurchased, (acc, child) => acc + purchasedBelow[child.UnitId]);
            purchasedBelow[node.UnitId] = inSubtree;
            ownOf[node.UnitId] = ownFigures;
            subtreeOf[node.UnitId] = sum with { Licensed = LicensedFigures.Subtree(node, inSubtree) };
        }

        var rows = ordered.Select(row => byId[row.Node.UnitId])
            .Select((node, i) => new DeploymentUnitRow(node.UnitId, node.ParentUnitId, node.Code, node.Name, ordered[i].Depth, ownOf[node.UnitId], subtreeOf[node.UnitId]) { Kind = node.Kind })
            .ToList();
        return new Computed(rows, unmapped);
    }
}
