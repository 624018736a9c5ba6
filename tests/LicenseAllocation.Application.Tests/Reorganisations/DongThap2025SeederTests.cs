using System.Security.Cryptography;
using System.Text;
using LicenseAllocation.Application.Reorganisations;
using LicenseAllocation.Domain.Units;
using LicenseAllocation.Testing;
using Microsoft.EntityFrameworkCore;
using Shouldly;

namespace LicenseAllocation.Application.Tests.Reorganisations;

/// <summary>The 2025 reorganisation shipped with the portal matches the reference files and leaves the 2020 plan as it was.</summary>
public sealed class DongThap2025SeederTests : IAsyncLifetime
{
    /// <summary>SHA-256 of "code TAB name LF" for the 102 communes of dong-thap-2025.json, in file order.</summary>
    private const string CommuneListSha256 = "a7f3be288cb4a3562ad74914955173bd5a435f968d2252c54d489c1c07c87158";

    private static readonly DateOnly EffectiveFrom = new(2025, 7, 1);

    private SqliteTestDatabase _database = default!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _database = await SqliteTestDatabase.CreateAsync();

    public async ValueTask DisposeAsync() => await _database.DisposeAsync();

    private Task<bool> SeedAsync() => new DongThap2025Seeder(_database.Factory, TimeProvider.System).SeedAsync(Ct);

    private async Task<ReorganisationDetails> DetailsAsync()
    {
        var queries = new ReorganisationQueries(_database.Factory);
        var id = (await queries.ListAsync(SeededPlan.Admin, Ct)).Value!.Single().Id;
        return (await queries.GetAsync(SeededPlan.Admin, id, Ct)).Value!;
    }

    [Fact]
    public async Task The_new_province_has_102_communes_82_xa_and_20_phuong_with_the_exact_codes_and_names()
    {
        (await SeedAsync()).ShouldBeTrue();
        var details = await DetailsAsync();

        var communes = details.Units.Where(u => u.Kind == UnitKind.CommuneCommittee).ToList();
        communes.Count.ShouldBe(102);
        communes.Count(c => c.Name.StartsWith("Xã ", StringComparison.Ordinal)).ShouldBe(82);
        communes.Count(c => c.Name.StartsWith("Phường ", StringComparison.Ordinal)).ShouldBe(20);
        var list = string.Concat(communes.Select(c => $"{c.Code}\t{c.Name}\n"));
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(list))).ShouldBe(CommuneListSha256);
        communes[0].Name.ShouldBe("Phường Cao Lãnh");
        communes[^1].Name.ShouldBe("Xã Gò Công Đông");

        var root = details.Units.Single(u => u.Kind == UnitKind.Province);
        (root.Code, root.Name, root.AgencyCode).ShouldBe(("82", "Tỉnh Đồng Tháp", "000.00.00.H20"));
        details.Summary.EffectiveFrom.ShouldBe(EffectiveFrom);
        details.Summary.LegalBasis.ShouldBe("Nghị quyết số 1663/NQ-UBTVQH15 ngày 16/6/2025");
        details.Summary.NewUnits.ShouldBe(1 + 14 + 102);
    }

    [Fact]
    public async Task Forty_five_communes_lie_on_former_Dong_Thap_land_and_take_over_every_2025_commune_of_the_2020_tree()
    {
        await SeedAsync();
        var details = await DetailsAsync();
        var communes = details.Units.Where(u => u.Kind == UnitKind.CommuneCommittee).ToList();

        communes.Count(c => c.FormedFrom.Any(f => f.UnitId is not null)).ShouldBe(45);
        communes.Take(45).ShouldAllBe(c => c.FormedFrom.All(f => f.UnitId != null));
        communes.Skip(45).ShouldAllBe(c => c.FormedFrom.All(f => f.UnitId == null && f.Code != null));

        await using var db = await _database.Factory.CreateDbContextAsync(Ct);
        var old = await db.Units.Where(u => u.Kind == UnitKind.CommuneCommittee && u.ReorganisationId == null).ToDictionaryAsync(u => u.Id, Ct);
        var linked = communes.SelectMany(c => c.FormedFrom).Where(f => f.UnitId is not null).Select(f => f.UnitId!.Value).Distinct().ToList();
        linked.Count.ShouldBe(141);
        linked.ShouldAllBe(id => old.ContainsKey(id));

        // Phường 11 and the old Phường 1 of Cao Lãnh were gone before 2025: nothing takes them over.
        old.Values.Where(u => !linked.Contains(u.Id)).Select(u => u.Code).Order().ShouldBe(["29863", "29866"]);

        // Code 29869 was Phường 2 in 2020 and is read with its date: the old unit, not the new Phường Cao Lãnh of the same code.
        communes.Single(c => c.Name == "Phường Cao Lãnh").FormedFrom[0].UnitId.ShouldBe(old.Values.Single(u => u.Code == "29869").Id);
    }

    [Fact]
    public async Task The_three_split_communes_are_linked_to_both_successors_as_partial_with_no_recorded_share()
    {
        await SeedAsync();
        var details = await DetailsAsync();
        var links = details.Units.SelectMany(u => u.FormedFrom.Select(f => (New: u.Name, From: f))).Where(l => l.From.Partial && l.From.Code is not null).ToList();

        var successors = links.GroupBy(l => l.From.Code!).ToDictionary(g => g.Key, g => g.Select(l => l.New).ToArray());
        successors.Keys.ShouldBe(["29995", "30079", "30157"], ignoreOrder: true);
        successors["30079"].ShouldBe(["Xã Phú Cường", "Xã Phong Mỹ"], ignoreOrder: true);
        successors["29995"].ShouldBe(["Xã Long Phú Thuận", "Xã Tân Long"], ignoreOrder: true);
        successors["30157"].ShouldBe(["Xã Thanh Bình", "Xã Tân Thạnh"], ignoreOrder: true);
        links.ShouldAllBe(l => l.From.Share == null && l.From.Confirmed && l.From.UnitId != null);
    }

    [Fact]
    public async Task The_14_agencies_take_over_all_22_provincial_rows_of_2020_and_three_links_wait_for_confirmation()
    {
        await SeedAsync();
        var details = await DetailsAsync();
        var agencies = details.Units.Where(u => u.Kind == UnitKind.ProvincialAgency).ToList();

        agencies.Count.ShouldBe(14);
        agencies[0].Name.ShouldBe("Văn phòng Ủy ban nhân dân tỉnh");
        var old = agencies.SelectMany(a => a.FormedFrom).ToList();
        old.ShouldAllBe(f => f.UnitId != null);
        old.Select(f => f.UnitId).Distinct().Count().ShouldBe(22);
        old.Where(f => !f.Confirmed).Select(f => f.Name).Order()
            .ShouldBe(["Sở Ngoại vụ", "Trung tâm tích hợp dữ liệu tỉnh", "Văn phòng Ban An toàn giao thông"]);

        // The former labour department goes whole to its primary successor, Sở Nội vụ; the others are linked for the record.
        old.Where(f => f.Name == "Sở Lao động - Thương binh và Xã hội").Select(f => f.Share).ShouldBe([1m, 0m, 0m]);
    }

    [Fact]
    public async Task Recording_it_twice_records_it_once_and_the_2020_plan_is_untouched()
    {
        await using (var before = await _database.Factory.CreateDbContextAsync(Ct))
        {
            var units = await Snapshot(before);
            var nodes = await before.Nodes.AsNoTracking().OrderBy(n => n.Id).Select(n => new { n.UnitId, n.Quantity, n.HandedOn, n.Version }).ToListAsync(Ct);
            var trail = await before.AuditEntries.AsNoTracking().OrderBy(a => a.Sequence).Select(a => a.Hash).ToListAsync(Ct);

            (await SeedAsync()).ShouldBeTrue();
            (await SeedAsync()).ShouldBeFalse();

            await using var after = await _database.Factory.CreateDbContextAsync(Ct);
            (await Snapshot(after)).ShouldBe(units);
            (await after.Nodes.AsNoTracking().OrderBy(n => n.Id).Select(n => new { n.UnitId, n.Quantity, n.HandedOn, n.Version }).ToListAsync(Ct)).ShouldBe(nodes);
            var afterTrail = await after.AuditEntries.AsNoTracking().OrderBy(a => a.Sequence).Select(a => a.Hash).ToListAsync(Ct);
            afterTrail.Take(trail.Count).ShouldBe(trail);
            afterTrail.Count.ShouldBe(trail.Count + 1);
            (await after.Reorganisations.CountAsync(Ct)).ShouldBe(1);
            (await after.Units.CountAsync(u => u.ReorganisationId != null && u.ValidFrom == EffectiveFrom && u.ValidTo == null, Ct)).ShouldBe(117);
        }

        static async Task<List<string>> Snapshot(Data.AllocationDbContext db) =>
            [.. (await db.Units.AsNoTracking().Where(u => u.ReorganisationId == null).OrderBy(u => u.Id).ToListAsync(Ct))
                .Select(u => $"{u.Id}|{u.ParentId}|{u.Name}|{u.Code}|{u.Order}|{u.IsActive}|{u.ValidFrom}|{u.ValidTo}")];
    }
}
