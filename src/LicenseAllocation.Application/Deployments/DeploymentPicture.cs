using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Allocations;
using LicenseAllocation.Application.Data;
using LicenseAllocation.Domain.Allocations;
using LicenseAllocation.Domain.Deployments;
using Microsoft.EntityFrameworkCore;

namespace LicenseAllocation.Application.Deployments;

/// <summary>What ran in a unit (or in its subtree) against what it holds.</summary>
public sealed record DeploymentFigures(int Installed, int Stale, int OtherProduct, int Outdated, int Licensed)
{
    public decimal? UsePercent => UseBands.Percent(Installed, Licensed);

    public UseBand Band => UseBands.Of(Installed, Licensed);

    public DeploymentFigures Plus(DeploymentFigures other) =>
        new(Installed + other.Installed, Stale + other.Stale, OtherProduct + other.OtherProduct, Outdated + other.Outdated, Licensed + other.Licensed);
}

/// <summary>One unit of the picture: its own devices and licences, and its subtree's (itself included).</summary>
public sealed record DeploymentUnitRow(int UnitId, int? ParentUnitId, string? Code, string Name, int Depth, DeploymentFigures Own, DeploymentFigures Subtree);

/// <summary>A snapshot as a list entry: for the choice of snapshot and the trend.</summary>
public sealed record SnapshotSummary(int Id, DateOnly TakenOn, DateTime ImportedAtUtc, string MappingName, int Devices);

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
        if (!AccessPolicy.CanReadPlans(caller))
        {
            return AllocationError.Forbidden();
        }

        await using var db = await contextFactory.CreateDbContextAsync(ct);
        if (!await db.Plans.AnyAsync(p => p.Id == planId, ct))
        {
            return AllocationError.NotFound();
        }

        var nodes = await PlanTreeQuery.Rows(db, planId).ToListAsync(ct);
        var visible = UnitScope.VisibleTo(caller, nodes);
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

        var counts = await db.DeploymentDevices.AsNoTracking().Where(d => d.SnapshotId == snapshot.Id).GroupBy(d => d.Group)
            .Select(g => new
            {
                Group = g.Key,
                Devices = g.Count(),
                Installed = g.Count(d => d.Installed),
                Stale = g.Count(d => d.Stale),
                OtherProduct = g.Count(d => d.OtherProduct),
                Outdated = g.Count(d => d.Outdated),
            })
            .ToListAsync(ct);
        var mapping = await DeploymentGroups.OnAsync(db, snapshot.TakenOn, ct);
        var inPlan = nodes.Select(n => n.UnitId).ToHashSet();
        var devicesOf = new Dictionary<int, DeploymentFigures>();
        var unmapped = new List<GroupCount>();
        foreach (var group in counts)
        {
            if (mapping.TryGetValue(group.Group, out var unit) && inPlan.Contains(unit))
            {
                var figures = new DeploymentFigures(group.Installed, group.Stale, group.OtherProduct, group.Outdated, 0);
                devicesOf[unit] = devicesOf.TryGetValue(unit, out var before) ? before.Plus(figures) : figures;
            }
            else
            {
                unmapped.Add(new GroupCount(group.Group, group.Devices));
            }
        }

        var rows = new List<DeploymentUnitRow>();
        var subtreeOf = new Dictionary<int, DeploymentFigures>();
        var ordered = PlanTreeQuery.InTreeOrder(nodes);
        var byId = nodes.ToDictionary(n => n.UnitId);
        var children = nodes.ToLookup(n => n.ParentUnitId);

        // Children before parents: the tree order reversed.
        foreach (var row in ordered.Reverse())
        {
            var node = byId[row.Node.UnitId];
            var (own, subtree) = LicensedFigures.Of(node);
            var ownFigures = (devicesOf.GetValueOrDefault(node.UnitId) ?? new DeploymentFigures(0, 0, 0, 0, 0)) with { Licensed = own };
            var sum = children[node.UnitId].Aggregate(ownFigures, (acc, child) => acc.Plus(subtreeOf[child.UnitId] with { Licensed = 0 }));
            subtreeOf[node.UnitId] = sum with { Licensed = subtree };
        }

        var scope = unitId is { } root ? UnitScope.Subtree(root, nodes.ToDictionary(n => n.UnitId, n => n.ParentUnitId)) : null;
        foreach (var row in ordered)
        {
            var node = byId[row.Node.UnitId];
            if ((visible is null || visible.Contains(node.UnitId)) && (scope is null || scope.Contains(node.UnitId)))
            {
                var (own, _) = LicensedFigures.Of(node);
                var ownFigures = (devicesOf.GetValueOrDefault(node.UnitId) ?? new DeploymentFigures(0, 0, 0, 0, 0)) with { Licensed = own };
                rows.Add(new DeploymentUnitRow(node.UnitId, node.ParentUnitId, node.Code, node.Name, row.Depth, ownFigures, subtreeOf[node.UnitId]));
            }
        }

        return new DeploymentResult<DeploymentPictureView>(new DeploymentPictureView(snapshot, rows, AccessPolicy.SeesWholeTree(caller) ? unmapped : [], snapshots));
    }
}
