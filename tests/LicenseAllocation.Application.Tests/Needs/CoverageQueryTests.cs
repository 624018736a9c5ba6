using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Identity;
using LicenseAllocation.Application.Needs;
using LicenseAllocation.Domain.Allocations;
using LicenseAllocation.Domain.Needs;
using LicenseAllocation.Domain.Plans;
using LicenseAllocation.Domain.Units;
using LicenseAllocation.Testing;
using Microsoft.EntityFrameworkCore;
using Shouldly;

namespace LicenseAllocation.Application.Tests.Needs;

/// <summary>
/// A tree small enough to add up by hand:
/// <code>
/// Tỉnh (100, hands on 90)          need —
/// ├─ Sở A (30)                      need 40
/// └─ UBND các huyện (60, hands 60)  need —
///    └─ Huyện D (60, hands on 50)   need 15
///       ├─ Xã 1 (30)                need 25
///       └─ Xã 2 (20)                need 30, bought 5 (and 9 cancelled)
/// </code>
/// </summary>
public sealed class CoverageQueryTests : IAsyncLifetime
{
    private SqliteTestDatabase _database = default!;
    private int _planId;
    private readonly Dictionary<string, int> _units = [];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _database = await SqliteTestDatabase.CreateAsync(seed: false);
        await using var db = await _database.Factory.CreateDbContextAsync(Ct);
        var province = OrganisationUnit.CreateRoot("Tỉnh", "99");
        var agency = OrganisationUnit.CreateChild(province, "Sở A", UnitKind.ProvincialAgency, null, 1);
        var group = OrganisationUnit.CreateChild(province, "UBND các huyện", UnitKind.DistrictGroup, null, 2);
        var district = OrganisationUnit.CreateChild(group, "Huyện D", UnitKind.DistrictCommittee, "901", 1);
        var commune1 = OrganisationUnit.CreateChild(district, "Xã 1", UnitKind.CommuneCommittee, "90001", 1);
        var commune2 = OrganisationUnit.CreateChild(district, "Xã 2", UnitKind.CommuneCommittee, "90002", 2);
        OrganisationUnit[] all = [province, agency, group, district, commune1, commune2];
        db.Units.AddRange(all);
        await db.SaveChangesAsync(Ct);
        var plan = AllocationPlan.Create("Kế hoạch tính tay", 2026, province.Id, DateTime.UtcNow);
        db.Plans.Add(plan);
        await db.SaveChangesAsync(Ct);
        _planId = plan.Id;
        (OrganisationUnit Unit, int Quantity, int HandedOn)[] figures =
            [(province, 100, 90), (agency, 30, 0), (group, 60, 60), (district, 60, 50), (commune1, 30, 0), (commune2, 20, 0)];
        db.Nodes.AddRange(figures.Select(f => AllocationNode.CopyFor(plan.Id, f.Unit.Id, f.Quantity, f.HandedOn)));
        var now = DateTime.UtcNow;
        db.UnitNeeds.AddRange(
            UnitNeed.State(plan.Id, agency.Id, 40, "admin", now),
            UnitNeed.State(plan.Id, district.Id, 15, "admin", now),
            UnitNeed.State(plan.Id, commune1.Id, 25, "admin", now),
            UnitNeed.State(plan.Id, commune2.Id, 30, "admin", now));
        PurchaseDetails Bought(int quantity) => new("Sản phẩm", null, quantity, "1/HĐ", new DateOnly(2026, 1, 2), new DateOnly(2026, 1, 3), new DateOnly(2027, 1, 2));
        db.SelfPurchases.Add(SelfPurchase.Record(plan.Id, commune2.Id, Bought(5), "admin", now));
        db.SelfPurchases.Add(SelfPurchase.Record(plan.Id, commune2.Id, Bought(9), "admin", now));
        await db.SaveChangesAsync(Ct);
        foreach (var unit in all)
        {
            _units[unit.Name] = unit.Id;
        }

        var cancelled = db.SelfPurchases.Local.Single(p => p.Quantity == 9).Id;
        await using var again = await _database.Factory.CreateDbContextAsync(Ct);
        await again.SelfPurchases.Where(p => p.Id == cancelled).ExecuteUpdateAsync(
            s => s.SetProperty(p => p.CancelledAtUtc, now).SetProperty(p => p.CancelledBy, "admin").SetProperty(p => p.CancelReason, "Nhầm"),
            Ct);
    }

    public async ValueTask DisposeAsync() => await _database.DisposeAsync();

    private static (int Need, int Allocated, int SelfPurchased, int Covered, int Shortfall, int Surplus, decimal? Percent, CoverageStatus Status) Of(CoverageFigures f) =>
        (f.Need, f.Allocated, f.SelfPurchased, f.Covered, f.Shortfall, f.Surplus, f.CoveragePercent, f.Status);

    [Fact]
    public async Task Own_and_subtree_figures_are_those_added_up_by_hand()
    {
        var report = (await new CoverageQuery(_database.Factory).GetAsync(new Caller("admin", PortalRole.ProvinceAdmin), _planId, cancellationToken: Ct)).Value.ShouldNotBeNull();

        report.Items.Select(i => i.Name).ShouldBe(["Tỉnh", "Sở A", "UBND các huyện", "Huyện D", "Xã 1", "Xã 2"], "tree order");
        var line = report.Items.ToDictionary(i => i.Name);
        Of(line["Tỉnh"].Own).ShouldBe((0, 10, 0, 10, 0, 10, null, CoverageStatus.NoNeedStated));
        Of(line["Sở A"].Own).ShouldBe((40, 30, 0, 30, 10, 0, 75.0m, CoverageStatus.Shortfall));
        Of(line["UBND các huyện"].Own).ShouldBe((0, 0, 0, 0, 0, 0, null, CoverageStatus.NoNeedStated));
        Of(line["Huyện D"].Own).ShouldBe((15, 10, 0, 10, 5, 0, 66.7m, CoverageStatus.Shortfall));
        Of(line["Xã 1"].Own).ShouldBe((25, 30, 0, 30, 0, 5, 120.0m, CoverageStatus.Surplus));
        Of(line["Xã 2"].Own).ShouldBe((30, 20, 5, 25, 5, 0, 83.3m, CoverageStatus.Shortfall));

        Of(line["Huyện D"].Subtree).ShouldBe((70, 60, 5, 65, 5, 0, 92.9m, CoverageStatus.Shortfall));
        Of(line["UBND các huyện"].Subtree).ShouldBe((70, 60, 5, 65, 5, 0, 92.9m, CoverageStatus.Shortfall));
        Of(line["Tỉnh"].Subtree).ShouldBe((110, 100, 5, 105, 5, 0, 95.5m, CoverageStatus.Shortfall));
        line["Tỉnh"].Subtree.NeedsStated.ShouldBe(4);
        Of(line["Xã 1"].Subtree).ShouldBe(Of(line["Xã 1"].Own));
    }

    [Fact]
    public async Task A_subtree_report_starts_at_the_unit_and_a_scoped_reader_sees_only_their_part()
    {
        var query = new CoverageQuery(_database.Factory);
        var district = (await query.GetAsync(new Caller("admin", PortalRole.ProvinceAdmin), _planId, _units["Huyện D"], Ct)).Value.ShouldNotBeNull();
        district.Items.Select(i => (i.Name, i.Depth)).ShouldBe([("Huyện D", 0), ("Xã 1", 1), ("Xã 2", 1)]);
        district.Total.Shortfall.ShouldBe(5);

        var viewer = new Caller("xa1", PortalRole.UnitViewer, _units["Xã 1"]);
        (await query.GetAsync(viewer, _planId, cancellationToken: Ct)).Value!.Items.Select(i => i.Name).ShouldBe(["Xã 1"]);
        (await query.GetAsync(viewer, _planId, _units["Xã 2"], Ct)).Error.ShouldBe(AllocationError.OutOfScope());

        var some = (await query.ForUnitsAsync(new Caller("admin", PortalRole.ProvinceAdmin), _planId, [_units["UBND các huyện"], _units["Xã 2"]], Ct)).Value.ShouldNotBeNull();
        some[_units["UBND các huyện"]].Subtree.Need.ShouldBe(70);
        some[_units["Xã 2"]].Own.SelfPurchased.ShouldBe(5);
    }

    [Fact]
    public async Task A_split_suggestion_of_the_group_follows_shortfalls_and_changes_nothing()
    {
        var splits = new SplitService(_database.Factory);
        var admin = new Caller("admin", PortalRole.ProvinceAdmin);

        // Province children: Sở A lacks 40, the districts 70 − 5 bought = 65; 100 licences split 38 / 62 (exact 38,10 / 61,90).
        var proposal = (await splits.SuggestAsync(admin, _planId, _units["Tỉnh"], null, SplitBasis.Shortfall, Ct)).Value.ShouldNotBeNull();

        proposal.Amount.ShouldBe(100);
        proposal.Items.Select(i => (i.Name, i.Current, i.Suggested, i.Exact)).ShouldBe([("Sở A", 30, 38, 38.10m), ("UBND các huyện", 60, 62, 61.90m)]);
        (await splits.SuggestAsync(admin, _planId, _units["Xã 1"], 5, SplitBasis.Even, Ct)).Error.ShouldBe(AllocationError.InvalidSplit(5), "a commune has no units under it");
        (await splits.SuggestAsync(admin, _planId, _units["Huyện D"], -1, SplitBasis.Even, Ct)).Error.ShouldBe(AllocationError.InvalidSplit(-1));
        var report = (await new CoverageQuery(_database.Factory).GetAsync(admin, _planId, cancellationToken: Ct)).Value.ShouldNotBeNull();
        report.Items.Single(i => i.Name == "Sở A").Own.Allocated.ShouldBe(30);
    }

    [Fact]
    public async Task The_coverage_workbook_lists_every_unit_with_a_subtotal_per_district_and_the_total()
    {
        var report = (await new CoverageQuery(_database.Factory).GetAsync(new Caller("admin", PortalRole.ProvinceAdmin), _planId, cancellationToken: Ct)).Value.ShouldNotBeNull();
        using var stream = new MemoryStream();

        CoverageWorkbook.Write(report, stream);

        stream.Position = 0;
        using var workbook = new ClosedXML.Excel.XLWorkbook(stream);
        var sheet = workbook.Worksheet(CoverageWorkbook.SheetName);
        var names = Enumerable.Range(CoverageWorkbook.FirstDataRow, 8).Select(r => sheet.Cell(r, 3).GetString()).ToList();
        names.ShouldBe(["Tỉnh", "Sở A", "UBND các huyện", "Huyện D", "Xã 1", "Xã 2", "Cộng Huyện D", "Tổng cộng"]);
        var subtotal = CoverageWorkbook.FirstDataRow + 6;
        (sheet.Cell(subtotal, 4).GetValue<int>(), sheet.Cell(subtotal, 7).GetValue<int>(), sheet.Cell(subtotal, 8).GetValue<int>()).ShouldBe((70, 65, 5));
        (sheet.Cell(subtotal + 1, 4).GetValue<int>(), sheet.Cell(subtotal + 1, 7).GetValue<int>()).ShouldBe((110, 105));
        sheet.PageSetup.PageOrientation.ShouldBe(ClosedXML.Excel.XLPageOrientation.Landscape);
    }
}
