using LicenseAllocation.Application.Data;
using LicenseAllocation.Application.Seeding;
using LicenseAllocation.Domain.Units;
using Microsoft.EntityFrameworkCore;

namespace LicenseAllocation.Application.Reorganisations;

/// <summary>
/// Records the 2025 reorganisation of Đồng Tháp once, from the reference files shipped in the assembly: the new
/// province (GSO code 82, agency identifier 000.00.00.H20), its 14 provincial agencies with the 2020 appendix rows they
/// were formed from, and its 102 communes and wards with the old communes they were formed from. Old units are found
/// among the 2020 structure: agencies by name, communes by their GSO code as it stood the day before the reform.
/// Predecessors this portal never held (the former Tiền Giang) are kept by code and name.
/// </summary>
public sealed class DongThap2025Seeder(IDbContextFactory<AllocationDbContext> contextFactory, TimeProvider clock)
{
    public const string Name = "Sắp xếp đơn vị hành chính tỉnh Đồng Tháp năm 2025";
    public const string LegalBasis = "Nghị quyết số 1663/NQ-UBTVQH15 ngày 16/6/2025";
    public const string FormerProvinceCode = "87";
    public static readonly DateOnly EffectiveFrom = new(2025, 7, 1);

    /// <returns>True when the reorganisation was recorded now; false when it was already there.</returns>
    public async Task<bool> SeedAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await db.Reorganisations.AnyAsync(r => r.Name == Name && r.EffectiveFrom == EffectiveFrom, cancellationToken))
        {
            return false;
        }

        var spec = await BuildAsync(db, cancellationToken);
        try
        {
            await ReorganisationRecorder.RecordAsync(db, spec, Plan2020Seeder.SystemActor, clock.GetUtcNow().UtcDateTime, cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another instance starting at the same moment recorded it first.
            return false;
        }

        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    private static async Task<ReorganisationSpec> BuildAsync(AllocationDbContext db, CancellationToken ct)
    {
        var communes = ReferenceData.DongThap2025();
        var agencies = ReferenceData.DongThap2025Agencies();
        var lastDay = EffectiveFrom.AddDays(-1);

        var oldRoot = (await db.Units.AsNoTracking()
            .Where(u => u.Kind == UnitKind.Province && u.Code == FormerProvinceCode && u.ParentId == null)
            .ToListAsync(ct)).FirstOrDefault(u => u.IsValidOn(lastDay));
        var oldUnits = oldRoot is null ? [] : await UnitsUnderAsync(db, oldRoot.Id, ct);
        var oldAgencies = oldUnits.Where(u => u.Kind == UnitKind.ProvincialAgency && u.ParentId == oldRoot!.Id)
            .GroupBy(u => UnitName.MatchKey(u.Name)).ToDictionary(g => g.Key, g => g.First().Id);
        var oldCommunes = oldUnits.Where(u => u.Kind == UnitKind.CommuneCommittee && u.Code is not null && u.IsValidOn(lastDay))
            .GroupBy(u => u.Code!).ToDictionary(g => g.Key, g => g.First().Id);

        // An old agency split between several new ones goes whole to its primary successor (as the reference file says),
        // so the figures are carried once; the other successors are linked for the record with a share of 0.
        var successorsOf = agencies.Agencies.SelectMany(a => a.FormedFrom).GroupBy(f => UnitName.MatchKey(f.Name))
            .ToDictionary(g => g.Key, g => (Count: g.Count(), Primary: g.Count(f => f.Primary)));

        decimal? AgencyShare(AgencyFormedFrom2025 from)
        {
            var (count, primary) = successorsOf[UnitName.MatchKey(from.Name)];
            return count == 1 ? null : from.Primary && primary > 0 ? 1m / primary : primary > 0 ? 0m : null;
        }

        var root = new NewUnitSpec(communes.Province.Name, UnitKind.Province, communes.Province.Code, agencies.Province.AgencyCode,
        [
            .. communes.Province.FormedFrom.Select(p => new LinkSpec(
                p.Code == FormerProvinceCode ? oldRoot?.Id : null, p.Code, p.Name, null, Partial: false, Confirmed: true)),
        ]);
        var newAgencies = agencies.Agencies.Select(a => new NewUnitSpec(a.Name, UnitKind.ProvincialAgency, null, null,
        [
            .. a.FormedFrom.Select(f => new LinkSpec(
                oldAgencies.TryGetValue(UnitName.MatchKey(f.Name), out var id) ? id : null, null, f.Name, AgencyShare(f), f.Partial, f.Confirmed)),
        ]));
        var newCommunes = communes.Communes.Select(c => new NewUnitSpec(c.Name, UnitKind.CommuneCommittee, c.Code, null,
        [
            .. c.FormedFrom.Select(f => new LinkSpec(
                c.FormerProvinceCode == FormerProvinceCode && oldCommunes.TryGetValue(f.Code, out var id) ? id : null,
                f.Code, f.Name, null, f.Partial, Confirmed: true)),
        ]));
        return new ReorganisationSpec(Name, EffectiveFrom, LegalBasis, root, [.. newAgencies, .. newCommunes]);
    }

    private static async Task<List<OrganisationUnit>> UnitsUnderAsync(AllocationDbContext db, int rootId, CancellationToken ct)
    {
        var all = await db.Units.AsNoTracking().ToListAsync(ct);
        var children = all.Where(u => u.ParentId is not null).ToLookup(u => u.ParentId!.Value);
        var result = new List<OrganisationUnit>();
        var queue = new Queue<int>([rootId]);
        while (queue.TryDequeue(out var id))
        {
            foreach (var child in children[id])
            {
                result.Add(child);
                queue.Enqueue(child.Id);
            }
        }

        return result;
    }
}
