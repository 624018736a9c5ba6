using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Allocations;
using LicenseAllocation.Application.Districts;
using LicenseAllocation.Application.Exports;
using LicenseAllocation.Application.Identity;
using LicenseAllocation.Domain.Allocations;
using LicenseAllocation.Domain.Units;
using LicenseAllocation.Testing;
using Shouldly;

namespace LicenseAllocation.Application.Tests.Exports;

/// <summary>The rows of the flat export from the seeded 2020 plan, against what the portal's tree shows.</summary>
public sealed class UnitListExportTests : IAsyncLifetime
{
    private SqliteTestDatabase _database = default!;
    private UnitListExport _export = default!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _database = await SqliteTestDatabase.CreateAsync();
        _export = new UnitListExport(_database.Factory);
    }

    public async ValueTask DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task The_seeded_plan_exports_one_row_per_unit_in_the_tree_order_of_the_portal()
    {
        var tree = (await new AllocationQueries(_database.Factory).GetTreeAsync(SeededPlan.Admin, 1, Ct)).Value!;

        var rows = (await _export.GetRowsAsync(SeededPlan.Admin, 1, Ct)).Value!;

        rows.Count.ShouldBe(SeedFacts.Units);
        rows.Count.ShouldBe(179);
        rows.Select(r => r.Number).ShouldBe(Enumerable.Range(1, 179));
        rows.Select(r => (r.Code, r.Name, r.Kind, r.Level, r.Quantity))
            .ShouldBe(tree.Select(t => (t.Node.Code, t.Node.Name, t.Node.Kind, t.Depth + 1, t.Node.Quantity)));
    }

    [Fact]
    public async Task Rows_carry_parent_level_figures_and_status_as_the_portal_shows_them()
    {
        var rows = (await _export.GetRowsAsync(SeededPlan.Admin, 1, Ct)).Value!;

        var province = rows[0];
        (province.Name, province.ParentName, province.Level, province.Quantity, province.HandedOn, province.Remaining, province.Status)
            .ShouldBe(("Tỉnh Đồng Tháp", (string?)null, 1, SeedFacts.Total, (int?)SeedFacts.Total, (int?)0, AllocationStatus.FullyAllocated));
        var group = rows.Single(r => r.Kind == UnitKind.DistrictGroup);
        (group.ParentName, group.Level, group.Quantity, group.HandedOn, group.Remaining, group.StatusText)
            .ShouldBe(("Tỉnh Đồng Tháp", 2, SeedFacts.DistrictGroup, (int?)0, (int?)SeedFacts.DistrictGroup, "Chưa phân bổ"));
        var caoLanh = rows.Single(r => r.Code == "866");
        (caoLanh.ParentName, caoLanh.Level, caoLanh.HandedOn).ShouldBe(("UBND 12 huyện, thành phố", 3, (int?)0));
        var ward11 = rows.Single(r => r.Code == "29863");
        (ward11.ParentName, ward11.Level, ward11.HandedOn, ward11.Remaining, ward11.StatusText)
            .ShouldBe(("Thành phố Cao Lãnh", 4, (int?)null, (int?)null, "Chưa phân bổ"));
        rows.Where(r => r.Kind == UnitKind.ProvincialAgency).Sum(r => r.Quantity).ShouldBe(SeedFacts.ProvincialUnits);
        rows.Count(r => r.Kind == UnitKind.CommuneCommittee).ShouldBe(SeedFacts.Communes);
    }

    [Fact]
    public async Task A_district_officer_exports_their_district_and_its_communes_alone()
    {
        var caoLanh = await SeededPlan.UnitIdByCodeAsync(_database.Factory, "866");
        var officer = new Caller("cao-lanh", PortalRole.DistrictOfficer, caoLanh);

        var rows = (await _export.GetRowsAsync(officer, 1, Ct)).Value!;

        rows.Count.ShouldBe(16);
        (rows[0].Code, rows[0].Level, rows[0].ParentName).ShouldBe(("866", 3, (string?)null));
        rows.Skip(1).ShouldAllBe(r => r.Kind == UnitKind.CommuneCommittee && r.ParentName == "Thành phố Cao Lãnh" && r.Level == 4);
    }

    [Fact]
    public async Task A_viewer_without_a_scope_in_the_plan_exports_nothing()
    {
        var rows = (await _export.GetRowsAsync(new Caller("x", PortalRole.UnitViewer, 999_999), 1, Ct)).Value!;

        rows.ShouldBeEmpty();
    }

    [Fact]
    public async Task An_unknown_plan_is_not_found()
    {
        (await _export.ExportAsync(SeededPlan.Admin, 42, Ct)).Error!.Code.ShouldBe(AllocationErrorCode.NotFound);
    }

    [Fact]
    public async Task The_temporary_file_is_gone_once_the_download_stream_is_closed()
    {
        var stream = (await _export.ExportAsync(SeededPlan.Admin, 1, Ct)).Value!;
        var path = ((FileStream)stream).Name;
        File.Exists(path).ShouldBeTrue();
        stream.Length.ShouldBeGreaterThan(5_000);

        await stream.DisposeAsync();

        File.Exists(path).ShouldBeFalse();
    }
}
