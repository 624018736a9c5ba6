using System.Collections.Concurrent;
using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Allocations;
using LicenseAllocation.Application.Data;
using LicenseAllocation.Domain.Allocations;
using LicenseAllocation.Domain.Deployments;
using Microsoft.EntityFrameworkCore;

namespace LicenseAllocation.Application.Deployments;

/// <summary>A unit's subtree against its licences at the plan's latest console report, as the allocation tree shows it.</summary>
public sealed record UnitBand(int UnitId, UseBand Band, decimal? UsePercent, int Installed, int Licensed);

/// <summary>The bands of the units asked for, at the plan's latest report (<see cref="TakenOn"/>).</summary>
public sealed record TreeBandsView(int SnapshotId, DateOnly TakenOn, IReadOnlyDictionary<int, UnitBand> Units);

/// <summary>
/// The band of each unit of a level of the allocation tree, in one call per level: the plan's latest report is computed
/// once by <see cref="DeploymentPicture"/> (per unit, subtree sums) and shared by every reader in
/// <see cref="DeploymentTreeBandCache"/> until the audit chain's head moves (imports, group mappings, purchases and
/// quantity changes are all audited), so opening a level costs one single-row read. The caller's scope applies as in
/// the tree: a unit outside it is left out.
/// </summary>
public sealed class DeploymentTreeBands(IDbContextFactory<AllocationDbContext> contextFactory, DeploymentTreeBandCache cache)
{
    /// <summary>The bands of <paramref name="unitIds"/>; a null value when the plan has no console report.</summary>
    public async Task<DeploymentResult<TreeBandsView?>> GetAsync(Caller caller, int planId, IReadOnlyCollection<int> unitIds, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(unitIds);
        if (!AccessPolicy.CanReadPlans(caller))
        {
            return AllocationError.Forbidden();
        }

        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var picture = await cache.GetAsync(db, planId, ct);
        if (picture is null)
        {
            return AllocationError.NotFound();
        }

        if (picture.Snapshot is not { } snapshot)
        {
            return new DeploymentResult<TreeBandsView?>(null);
        }

        var seesAll = AccessPolicy.SeesWholeTree(caller);
        var units = new Dictionary<int, UnitBand>();
        foreach (var id in unitIds)
        {
            if (picture.Bands.TryGetValue(id, out var band) && (seesAll || picture.IsWithin(id, caller.ScopeUnitId)))
            {
                units[id] = band;
            }
        }

        return new DeploymentResult<TreeBandsView?>(new TreeBandsView(snapshot.Id, snapshot.TakenOn, units));
    }
}

/// <summary>
/// The latest report's bands of each plan read since the start, shared by all readers (about 100 bytes a unit, once per
/// plan, not per open page), stamped with the audit chain's head like <see cref="PlanTreeSnapshots"/>.
/// </summary>
public sealed class DeploymentTreeBandCache
{
    private readonly ConcurrentDictionary<int, CachedBands> _plans = new();

    /// <summary>The plan's bands as of now; null when there is no such plan.</summary>
    internal async Task<CachedBands?> GetAsync(AllocationDbContext db, int planId, CancellationToken ct)
    {
        // The stamp is read first: a change committed in between makes the next read compute again, never the reverse.
        var stamp = await db.AuditChainHeads.AsNoTracking().Select(h => (long?)h.Sequence).SingleOrDefaultAsync(ct) ?? 0;
        if (_plans.TryGetValue(planId, out var cached) && cached.Stamp == stamp)
        {
            return cached;
        }

        if (!await db.Plans.AnyAsync(p => p.Id == planId, ct))
        {
            return null;
        }

        var snapshot = await db.DeploymentSnapshots.AsNoTracking().Where(s => s.PlanId == planId).OrderByDescending(s => s.TakenOn).ThenByDescending(s => s.Id)
            .Select(s => new { s.Id, s.TakenOn }).FirstOrDefaultAsync(ct);
        CachedBands fresh;
        if (snapshot is null)
        {
            fresh = new CachedBands(stamp, null, new Dictionary<int, UnitBand>(), new Dictionary<int, int?>());
        }
        else
        {
            var nodes = await PlanTreeQuery.Rows(db, planId).ToListAsync(ct);
            var computed = await DeploymentPicture.ComputeAsync(db, planId, nodes, snapshot.Id, snapshot.TakenOn, ct);
            fresh = new CachedBands(stamp, (snapshot.Id, snapshot.TakenOn),
                computed.Rows.ToDictionary(r => r.UnitId, r => new UnitBand(r.UnitId, r.Subtree.Band, r.Subtree.UsePercent, r.Subtree.Installed, r.Subtree.Licensed)),
                nodes.ToDictionary(n => n.UnitId, n => n.ParentUnitId));
        }

        _plans[planId] = fresh;
        return fresh;
    }
}

/// <summary>One plan's bands at its latest report (none when <see cref="Snapshot"/> is null), and its units' parents for the scope.</summary>
internal sealed record CachedBands(long Stamp, (int Id, DateOnly TakenOn)? Snapshot, IReadOnlyDictionary<int, UnitBand> Bands, IReadOnlyDictionary<int, int?> Parents)
{
    public bool IsWithin(int unitId, int? scopeUnitId)
    {
        for (int? at = unitId; at is { } id; at = Parents.GetValueOrDefault(id))
        {
            if (id == scopeUnitId)
            {
                return true;
            }
        }

        return false;
    }
}
