using LicenseAllocation.Application.Allocations;
using LicenseAllocation.Application.Appendix;
using LicenseAllocation.Application.Auditing;
using LicenseAllocation.Application.Reorganisations;
using LicenseAllocation.Application.Tests.Plans;
using LicenseAllocation.Domain.Allocations;
using LicenseAllocation.Domain.Auditing;
using LicenseAllocation.Domain.Plans;
using LicenseAllocation.Domain.Units;
using LicenseAllocation.Testing;
using Microsoft.EntityFrameworkCore;
using Shouldly;

namespace LicenseAllocation.Application.Tests.Reorganisations;

/// <summary>A plan for the new province from the 2020 plan, after some districts have sub-allocated.</summary>
public sealed class SuccessorPlanTests : IAsyncLifetime
{
    private SqliteTestDatabase _database = default!;
    private int _planId;
    private int _reorganisationId;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _database = await SqliteTestDatabase.CreateAsync();
        await new DongThap2025Seeder(_database.Factory, TimeProvider.System).SeedAsync(Ct);
        _planId = await SeededPlan.PlanIdAsync(_database.Factory);
        await using var db = await _database.Factory.CreateDbContextAsync(Ct);
        _reorganisationId = await db.Reorganisations.Select(r => r.Id).SingleAsync(Ct);
    }

    public async ValueTask DisposeAsync() => await _database.DisposeAsync();

    private SuccessorPlans Successors => new(_database.Factory, TimeProvider.System);

    private CreateSuccessorPlan Command(bool acceptUnconfirmed = true, IReadOnlyList<LinkChoice>? confirm = null) =>
        new(_planId, _reorganisationId, "Trang bị phần mềm phòng chống mã độc năm 2026", 2026, null, confirm ?? [], acceptUnconfirmed);

    /// <summary>Old 2020 units by code (the old structure only: codes are reused by the new one).</summary>
    private async Task<Dictionary<string, OrganisationUnit>> OldByCodeAsync()
    {
        await using var db = await _database.Factory.CreateDbContextAsync(Ct);
        return await db.Units.Where(u => u.ReorganisationId == null && u.Code != null).ToDictionaryAsync(u => u.Code!, Ct);
    }

    /// <summary>Gives the communes these quantities, their districts as much as they need plus 50 kept for themselves.</summary>
    private async Task SubAllocateAsync(Dictionary<string, int> communes)
    {
        var old = await OldByCodeAsync();
        var service = new QuantityService(_database.Factory, TimeProvider.System);
        foreach (var district in communes.GroupBy(c => old[c.Key].ParentId!.Value))
        {
            (await service.ChangeAsync(SeededPlan.Admin, new ChangeQuantity(_planId, district.Key, district.Sum(c => c.Value) + 50, "Phân bổ cho huyện"), Ct)).Error.ShouldBeNull();
            foreach (var (code, quantity) in district)
            {
                (await service.ChangeAsync(SeededPlan.Admin, new ChangeQuantity(_planId, old[code].Id, quantity, "Phân bổ cho xã"), Ct)).Error.ShouldBeNull();
            }
        }
    }

    /// <summary>The 2020 plan's row, nodes, its own audit rows and the old units, as text.</summary>
    private async Task<string> SourcePlanAsync()
    {
        await using var db = await _database.Factory.CreateDbContextAsync(Ct);
        var plan = await db.Plans.Where(p => p.Id == _planId).Select(p => $"{p.Name}/{p.Year}/{p.Status}/{p.Version}/{p.RootUnitId}").SingleAsync(Ct);
        var nodes = await db.Nodes.Where(n => n.PlanId == _planId).OrderBy(n => n.UnitId).Select(n => $"{n.UnitId}:{n.Quantity}/{n.HandedOn}/v{n.Version}").ToListAsync(Ct);
        var trail = await db.AuditEntries.Where(a => a.PlanId == _planId).OrderBy(a => a.Sequence).Select(a => a.Hash).ToListAsync(Ct);
        var units = await db.Units.Where(u => u.ReorganisationId == null).OrderBy(u => u.Id).Select(u => $"{u.Id}:{u.Name}/{u.ParentId}/{u.Order}/{u.IsActive}/{u.ValidTo}").ToListAsync(Ct);
        return string.Join('\n', [plan, .. nodes, .. trail, .. units]);
    }

    private static readonly Dictionary<string, int> Allocated = new()
    {
        ["29869"] = 30, // Phường 2 (Phường 1 in 2025) → Phường Cao Lãnh
        ["29872"] = 20, // Phường 4 → Phường Cao Lãnh
        ["29863"] = 11, // Phường 11, gone before 2025: no successor
        ["30079"] = 7, // Xã Gáo Giồng → Xã Phú Cường and Xã Phong Mỹ
        ["29995"] = 9, // Xã Phú Thuận B → Xã Long Phú Thuận and Xã Tân Long
        ["30157"] = 10, // Xã Tân Thạnh → Xã Thanh Bình and Xã Tân Thạnh
        ["29881"] = 4, // Xã Mỹ Ngãi → Phường Mỹ Ngãi
    };

    [Fact]
    public async Task Every_new_commune_holds_its_old_communes_and_the_splits_are_divided_in_equal_parts()
    {
        await SubAllocateAsync(Allocated);
        var before = await SourcePlanAsync();

        var outcome = await Successors.CreateAsync(SeededPlan.Admin, Command(), Ct);

        outcome.Error.ShouldBeNull();
        var result = outcome.Value!;
        int Carried(string name) => result.Carried.Single(c => c.Name == name).Quantity;
        Carried("Phường Cao Lãnh").ShouldBe(50);
        Carried("Phường Mỹ Ngãi").ShouldBe(4);
        (Carried("Xã Phú Cường"), Carried("Xã Phong Mỹ")).ShouldBe((4, 3));
        (Carried("Xã Long Phú Thuận"), Carried("Xã Tân Long")).ShouldBe((5, 4));
        (Carried("Xã Thanh Bình"), Carried("Xã Tân Thạnh")).ShouldBe((5, 5));
        result.Carried.Single(c => c.Name == "Phường Cao Lãnh").From.Select(f => (f.Name, f.Quantity)).ShouldBe([("Phường 2", 30), ("Phường 4", 20)], ignoreOrder: true);

        // Agencies: each takes its 2020 rows; the split labour department goes whole to Sở Nội vụ.
        Carried("Sở Nội vụ").ShouldBe(64 + 54);
        Carried("Văn phòng Ủy ban nhân dân tỉnh").ShouldBe(65 + 18 + 3);
        Carried("Sở Khoa học và Công nghệ").ShouldBe(42 + 26 + 53);
        Carried("Sở Văn hóa, Thể thao và Du lịch").ShouldBe(62);

        // Reconciliation to the licence: old total = new units + not placed = the new plan's total.
        result.OldTotal.ShouldBe(SeedFacts.Total);
        result.NewTotal.ShouldBe(SeedFacts.Total);
        (result.CarriedTotal + result.NotPlacedTotal).ShouldBe(SeedFacts.Total);
        result.CarriedTotal.ShouldBe(SeedFacts.ProvincialUnits + Allocated.Values.Sum() - 11);
        result.NotPlaced.Single(n => n.Name == "Phường 11").Quantity.ShouldBe(11);
        var old = await OldByCodeAsync();
        var districts = Allocated.Keys.Select(c => old[c].ParentId).Distinct().Count();
        result.NotPlaced.Single(n => n.Name == Application.Seeding.Plan2020Seeder.DistrictGroupName).Quantity.ShouldBe(SeedFacts.DistrictGroup - Allocated.Values.Sum() - (50 * districts));
        result.NotPlaced.Count(n => n.Quantity == 50).ShouldBe(districts);

        var plan = result.Plan!;
        (plan.Status, plan.Year, plan.TotalLicenses, plan.Allocated, plan.Remaining).ShouldBe((PlanStatus.Draft, 2026, SeedFacts.Total, result.CarriedTotal, result.NotPlacedTotal));
        (await SourcePlanAsync()).ShouldBe(before);

        await using var db = await _database.Factory.CreateDbContextAsync(Ct);
        var nodes = await db.Nodes.Where(n => n.PlanId == plan.Id).ToListAsync(Ct);
        nodes.ShouldAllBe(n => n.CarriedQuantity == n.Quantity, "each unit starts the new plan from the figure it was carried with");
        var created = (await db.AuditEntries.Where(a => a.PlanId == plan.Id).ToListAsync(Ct)).ShouldHaveSingleItem();
        (created.Action, created.UnitId).ShouldBe((AuditAction.PlanCreated, null));
        created.Reason.ShouldContain($"chép {nodes.Count} đơn vị, 5.137 bản quyền từ phiên bản 1 của kế hoạch #{_planId}");
        await AuditChainCheck.ShouldBeIntactAsync(_database.Factory, Ct);
    }

    [Fact]
    public async Task A_successor_plan_writes_one_trail_row_and_each_new_units_history_starts_from_what_it_took_over()
    {
        await SubAllocateAsync(Allocated);
        var result = (await Successors.CreateAsync(SeededPlan.Admin, Command(), Ct)).Value!;
        var plan = result.Plan!;
        var caoLanh = result.Carried.Single(c => c.Name == "Phường Cao Lãnh");

        var stored = await StoredPlan.LoadAsync(_database.Factory, plan.Id, Ct);
        stored.Audit.ShouldHaveSingleItem().Action.ShouldBe(AuditAction.PlanCreated);
        stored.Audit.ShouldNotContain(a => a.Action == AuditAction.Seeded);
        var history = (await new AuditQueries(_database.Factory, TimeProvider.System).UnitHistoryAsync(SeededPlan.Admin, plan.Id, caoLanh.UnitId, Ct)).Value!;
        var top = history.Rows.ShouldHaveSingleItem();
        (top.Entry.Action, top.QuantityAfter).ShouldBe((AuditAction.PlanCreated, 50));
        (history.TrailQuantity, history.Reconciles).ShouldBe((50, true));
        var replayed = stored.Replay();
        foreach (var node in stored.Nodes)
        {
            (replayed[node.UnitId].Quantity, replayed[node.UnitId].HandedOn).ShouldBe((node.Quantity, node.HandedOn), $"unit {node.UnitId}");
        }
    }

    [Fact]
    public async Task Unconfirmed_links_refuse_the_plan_until_they_are_confirmed_or_changed_and_the_preview_lists_them()
    {
        var preview = (await Successors.PreviewAsync(SeededPlan.Admin, Command(acceptUnconfirmed: false), Ct)).Value!;
        preview.Unconfirmed.Select(u => u.OldName).Order().ShouldBe(["Sở Ngoại vụ", "Trung tâm tích hợp dữ liệu tỉnh", "Văn phòng Ban An toàn giao thông"]);
        preview.NotPlaced.Sum(n => n.Quantity).ShouldBe(SeedFacts.DistrictGroup + 18 + 53 + 3);
        preview.Plan.ShouldBeNull();

        (await Successors.CreateAsync(SeededPlan.Admin, Command(acceptUnconfirmed: false), Ct)).Error!.Code.ShouldBe(AllocationErrorCode.UnconfirmedLinks);

        var foreign = preview.Unconfirmed.Single(u => u.OldName == "Sở Ngoại vụ");
        var centre = preview.Unconfirmed.Single(u => u.OldName == "Trung tâm tích hợp dữ liệu tỉnh");
        var board = preview.Unconfirmed.Single(u => u.OldName == "Văn phòng Ban An toàn giao thông");
        var interior = preview.Carried.Single(c => c.Name == "Sở Nội vụ").UnitId;
        var created = await Successors.CreateAsync(SeededPlan.Admin, Command(acceptUnconfirmed: false, confirm:
        [
            new LinkChoice(foreign.OldUnitId, interior, null),
            new LinkChoice(centre.OldUnitId, centre.NewUnitId, null),
            new LinkChoice(board.OldUnitId, null, null),
        ]), Ct);

        created.Error.ShouldBeNull();
        created.Value!.Carried.Single(c => c.UnitId == interior).Quantity.ShouldBe(64 + 54 + 18);
        created.Value.NotPlaced.Single(n => n.Name == "Văn phòng Ban An toàn giao thông").Quantity.ShouldBe(3);
    }

    [Fact]
    public async Task Shares_that_do_not_add_up_are_refused_and_a_published_2020_appendix_stays_byte_for_byte()
    {
        await PlanSteps.PublishAsync(_database.Factory, _planId);
        var appendix = await PlanSteps.AppendixAsync(_database.Factory, _planId);
        var old = await OldByCodeAsync();
        var preview = (await Successors.PreviewAsync(SeededPlan.Admin, Command(), Ct)).Value!;
        var phuCuong = preview.Carried.Single(c => c.Name == "Xã Phú Cường").UnitId;
        var phongMy = preview.Carried.Single(c => c.Name == "Xã Phong Mỹ").UnitId;

        (await Successors.CreateAsync(SeededPlan.Admin, Command(confirm:
        [
            new LinkChoice(old["30079"].Id, phuCuong, 0.7m),
            new LinkChoice(old["30079"].Id, phongMy, 0.2m),
        ]), Ct)).Error!.Code.ShouldBe(AllocationErrorCode.InvalidShares);

        (await Successors.CreateAsync(SeededPlan.Admin, Command(), Ct)).Error.ShouldBeNull();
        (await PlanSteps.AppendixAsync(_database.Factory, _planId)).ShouldBe(appendix);
    }

    [Fact]
    public async Task The_new_plan_has_a_two_level_appendix_agencies_then_the_communes_and_wards_as_one_group()
    {
        await SubAllocateAsync(Allocated);
        var plan = (await Successors.CreateAsync(SeededPlan.Admin, Command(), Ct)).Value!;
        var old = (await new AppendixQuery(_database.Factory).GetAsync(SeededPlan.Admin, _planId, Ct)).Value!;

        var appendix = (await new AppendixQuery(_database.Factory).GetAsync(SeededPlan.Admin, plan.Plan!.Id, Ct)).Value!;

        appendix.Rows.Count.ShouldBe(15);
        appendix.Rows.Take(14).Select(r => r.Name).ShouldAllBe(n => !n.StartsWith("UBND", StringComparison.Ordinal));
        appendix.Rows[^1].ShouldBe(new AppendixRow(15, AppendixQuery.CommuneGroupName, Allocated.Values.Sum() - 11));
        appendix.Total.ShouldBe(plan.CarriedTotal);
        appendix.Note.ShouldBe(AppendixQuery.TwoLevelNote);
        old.Rows.Count.ShouldBe(SeedFacts.AppendixRows);
        old.Note.ShouldBe(AppendixQuery.Note);
    }
}

