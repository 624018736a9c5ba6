using LicenseAllocation.Application.Allocations;
using LicenseAllocation.Application.Data;
using LicenseAllocation.Application.Notifications;
using LicenseAllocation.Domain.Deployments;
using Microsoft.EntityFrameworkCore;

namespace LicenseAllocation.Application.Deployments;

/// <summary>
/// After a console report is written, in its transaction: each unit whose subtree is now in the warning or critical
/// band, and was in a lower band in the plan's report before it (or had none), is told once, through the inbox. A unit
/// that stays in its band across reports is not told again.
/// </summary>
internal static class BandNotices
{
    public static async Task TellAsync(AllocationDbContext db, int planId, DeploymentSnapshot snapshot, string actor, DateTime now, CancellationToken ct)
    {
        var nodes = await PlanTreeQuery.Rows(db, planId).ToListAsync(ct);
        var current = await DeploymentPicture.ComputeAsync(db, planId, nodes, snapshot.Id, snapshot.TakenOn, ct);
        var previous = await db.DeploymentSnapshots.AsNoTracking()
            .Where(s => s.PlanId == planId && s.Id != snapshot.Id && (s.TakenOn < snapshot.TakenOn || s.TakenOn == snapshot.TakenOn && s.Id < snapshot.Id))
            .OrderByDescending(s => s.TakenOn).ThenByDescending(s => s.Id)
            .Select(s => new { s.Id, s.TakenOn })
            .FirstOrDefaultAsync(ct);
        var before = previous is null
            ? []
            : (await DeploymentPicture.ComputeAsync(db, planId, nodes, previous.Id, previous.TakenOn, ct)).Rows.ToDictionary(r => r.UnitId, r => r.Subtree.Band);
        var entered = current.Rows
            .Where(r => r.Subtree.Band >= UseBand.Warning && r.Subtree.Band > before.GetValueOrDefault(r.UnitId, UseBand.Ok))
            .Select(r => (r.UnitId, r.Name, r.Subtree.Band, (int)Math.Round(r.Subtree.UsePercent ?? 0m, MidpointRounding.AwayFromZero)))
            .ToList();
        await Inbox.ToUnitOfficersAsync(db, planId, entered, nodes.ToDictionary(n => n.UnitId, n => n.ParentUnitId), actor, now, ct);
    }
}
