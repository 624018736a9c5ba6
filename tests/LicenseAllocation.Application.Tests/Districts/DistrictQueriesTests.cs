using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Allocations;
using LicenseAllocation.Application.Districts;
using LicenseAllocation.Application.Identity;
using LicenseAllocation.Domain.Allocations;
using LicenseAllocation.Testing;
using Shouldly;

namespace LicenseAllocation.Application.Tests.Districts;

public sealed class DistrictQueriesTests : IAsyncLifetime
{
    private SqliteTestDatabase _database = default!;
    private DistrictQueries _districts = default!;
    private int _caoLanhCity;
    private int _saDecCity;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _database = await SqliteTestDatabase.CreateAsync();
        _districts = new DistrictQueries(_database.Factory);
        _caoLanhCity = await SeededPlan.UnitIdByCodeAsync(_database.Factory, "866");
        _saDecCity = await SeededPlan.UnitIdByCodeAsync(_database.Factory, "867");
        var quantities = new QuantityService(_database.Factory, TimeProvider.System);
        await quantities.ChangeAsync(SeededPlan.Admin, new ChangeQuantity(1, _caoLanhCity, 300, "Giao cho thành phố"), Ct);
        var ward11 = await SeededPlan.UnitIdByCodeAsync(_database.Factory, "29863");
        await quantities.ChangeAsync(SeededPlan.Admin, new ChangeQuantity(1, ward11, 40, "Giao cho phường"), Ct);
    }

    public async ValueTask DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task The_province_sees_its_12_districts_side_by_side()
    {
        var result = (await _districts.GetOverviewAsync(SeededPlan.Admin, 1, Ct)).Value!;
        var overview = result.Districts;

        (result.Group!.Quantity, result.Group.HandedOn).ShouldBe((SeedFacts.DistrictGroup, 300));
        overview.Count.ShouldBe(SeedFacts.Districts);
        var caoLanh = overview[0];
        (caoLanh.District.Code, caoLanh.District.Quantity, caoLanh.District.HandedOn, caoLanh.District.Remaining).ShouldBe(("866", 300, 40, 260));
        (caoLanh.UnitCount, caoLanh.UnitsAtZero).ShouldBe((15, 14));
        caoLanh.Status.ShouldBe(AllocationStatus.PartlyAllocated);
        overview[1].Status.ShouldBe(AllocationStatus.NotAllocated);
    }

    [Fact]
    public async Task A_district_officer_does_not_get_the_province_overview()
    {
        var officer = new Caller("cao-lanh", PortalRole.DistrictOfficer, _caoLanhCity);

        (await _districts.GetOverviewAsync(officer, 1, Ct)).Error!.Code.ShouldBe(AllocationErrorCode.Forbidden);
    }

    [Fact]
    public async Task A_district_officer_opens_their_workspace_with_own_and_subtree_figures()
    {
        var officer = new Caller("cao-lanh", PortalRole.DistrictOfficer, _caoLanhCity);

        var workspace = (await _districts.GetWorkspaceAsync(officer, 1, _caoLanhCity, Ct)).Value!;

        workspace.District.Quantity.ShouldBe(300);
        workspace.Units.Count.ShouldBe(15);
        var ward11 = workspace.Units.Single(u => u.Node.Code == "29863");
        (ward11.Node.Quantity, ward11.SubtreeQuantity, ward11.Status).ShouldBe((40, 40, AllocationStatus.FullyAllocated));
        workspace.Units.Count(u => u.Status == AllocationStatus.NotAllocated).ShouldBe(14);
    }

    [Fact]
    public async Task A_district_officer_cannot_open_another_district()
    {
        var officer = new Caller("cao-lanh", PortalRole.DistrictOfficer, _caoLanhCity);

        (await _districts.GetWorkspaceAsync(officer, 1, _saDecCity, Ct)).Error!.Code.ShouldBe(AllocationErrorCode.OutOfScope);
    }

    [Fact]
    public async Task A_workspace_is_only_for_district_committees()
    {
        var ward11 = await SeededPlan.UnitIdByCodeAsync(_database.Factory, "29863");

        (await _districts.GetWorkspaceAsync(SeededPlan.Admin, 1, ward11, Ct)).Error!.Code.ShouldBe(AllocationErrorCode.NotFound);
    }
}
