using LicenseAllocation.Application.Auditing;
using LicenseAllocation.Application.Data;
using LicenseAllocation.Domain.Auditing;
using LicenseAllocation.Domain.Reorganisations;
using LicenseAllocation.Domain.Units;
using Microsoft.EntityFrameworkCore;

namespace LicenseAllocation.Application.Reorganisations;

/// <summary>
/// Writes a reorganisation in the caller's transaction: the record, its new units (valid from the effective date),
/// the links new ← old, the end of the old units (and what stands under them) on the day before, and one audit row.
/// No existing unit is renamed or moved, and no plan is touched. The shipped 2025 reorganisation and an imported file
/// (<see cref="ReorganisationImports"/>, whose <c>source</c> names the file) both come this way.
/// </summary>
internal static class ReorganisationRecorder
{
    public static async Task<Reorganisation> RecordAsync(AllocationDbContext db, ReorganisationSpec spec, string actor, DateTime now, CancellationToken ct, string? source = null)
    {
        var reorganisation = Reorganisation.Create(spec.Name, spec.EffectiveFrom, spec.LegalBasis, now, actor);
        db.Reorganisations.Add(reorganisation);
        await db.SaveChangesAsync(ct);

        var root = OrganisationUnit.CreateRoot(spec.Root.Name, spec.Root.Code, validFrom: spec.EffectiveFrom);
        root.FormedBy(reorganisation.Id);
        root.IdentifyAs(spec.Root.AgencyCode);
        db.Units.Add(root);
        await db.SaveChangesAsync(ct);
        reorganisation.RootAt(root.Id);

        var units = spec.Units.Select((u, i) =>
        {
            var unit = OrganisationUnit.CreateChild(root, u.Name, u.Kind, u.Code, i + 1);
            unit.FormedBy(reorganisation.Id);
            unit.IdentifyAs(u.AgencyCode);
            return (Spec: u, Unit: unit);
        }).ToList();
        db.Units.AddRange(units.Select(u => u.Unit));
        await db.SaveChangesAsync(ct);

        var links = new List<ReorganisationLink>();
        foreach (var (unitSpec, unit) in new[] { (spec.Root, root) }.Concat(units))
        {
            links.AddRange(unitSpec.FormedFrom.Select((l, i) => ReorganisationLink.Create(
                reorganisation.Id, unit.Id, l.OldUnitId, l.OldCode, l.OldName, l.Share, l.Partial, l.Confirmed, i + 1)));
        }

        db.ReorganisationLinks.AddRange(links);
        await db.SaveChangesAsync(ct);

        var ended = await EndOldUnitsAsync(db, [.. links.Where(l => l.OldUnitId is not null).Select(l => l.OldUnitId!.Value).Distinct()], reorganisation.LastDayBefore, ct);
        var description =
            $"Ghi nhận \"{reorganisation.Name}\" ({reorganisation.LegalBasis}), hiệu lực từ {reorganisation.EffectiveFrom:dd/MM/yyyy}: " +
            $"{units.Count + 1} đơn vị mới, {links.Count} liên kết với đơn vị cũ; {ended} đơn vị cũ kết thúc ngày {reorganisation.LastDayBefore:dd/MM/yyyy}"
            + (source is null ? string.Empty : $"; {source}");
        await AuditTrail.AppendAsync(db, AuditEntry.Event(null, null, actor, now, AuditAction.ReorganisationRecorded, description, Guid.NewGuid()), ct);
        return reorganisation;
    }

    /// <summary>Ends the old units and every unit under them on <paramref name="lastDay"/>, unless they ended earlier.</summary>
    private static async Task<int> EndOldUnitsAsync(AllocationDbContext db, IReadOnlyCollection<int> oldUnitIds, DateOnly lastDay, CancellationToken ct)
    {
        if (oldUnitIds.Count == 0)
        {
            return 0;
        }

        var tree = await db.Units.AsNoTracking().Where(u => u.ParentId != null).Select(u => new { u.Id, ParentId = u.ParentId!.Value }).ToListAsync(ct);
        var children = tree.ToLookup(u => u.ParentId, u => u.Id);
        var all = new HashSet<int>(oldUnitIds);
        var queue = new Queue<int>(oldUnitIds);
        while (queue.TryDequeue(out var id))
        {
            foreach (var child in children[id].Where(all.Add))
            {
                queue.Enqueue(child);
            }
        }

        var ids = all.ToList();
        await db.Units.Where(u => ids.Contains(u.Id) && (u.ValidTo == null || u.ValidTo > lastDay))
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.ValidTo, lastDay), ct);
        return ids.Count;
    }
}
