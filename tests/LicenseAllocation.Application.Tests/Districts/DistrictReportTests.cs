using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Districts;
using LicenseAllocation.Application.Identity;
using LicenseAllocation.Domain.Allocations;
using LicenseAllocation.Testing;
using Shouldly;

namespace LicenseAllocation.Application.Tests.Districts;

/// <summary>Who gets which districts in the districts workbook.</summary>
public sealed class DistrictReportTests : IAsyncLifetime
{
    private SqliteTestDatabase _database = default!;
    private DistrictQueries _districts = default!;
    private int _caoLanh;
    private int _saDec;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _database = await SqliteTestDatabase.CreateAsync();
        _districts = new DistrictQueries(_database.Factory);
        _caoLanh = await SeededPlan.UnitIdByCodeAsync(_database.Factory, "866");
        _saDec = await SeededPlan.UnitIdByCodeAsync(_database.Factory, "867");
    }

    public async ValueTask DisposeAsync() => await _database.DisposeAsync();

    [Theory]
    [InlineData(PortalRole.ProvinceAdmin)]
    [InlineData(PortalRole.Auditor)]
    public async Task The_province_and_the_auditor_get_all_12_districts_in_official_order(PortalRole role)
    {
        var report = (await _districts.GetReportAsync(new Caller("x", role), 1, cancellationToken: Ct)).Value!;

        report.PlanName.ShouldBe("Trang bị phần mềm phòng chống mã độc thống nhất trên toàn tỉnh");
        report.Districts.Count.ShouldBe(SeedFacts.Districts);
        report.Districts[0].District.UnitId.ShouldBe(_caoLanh);
        report.Districts.Sum(d => d.Units.Count).ShouldBe(SeedFacts.Communes);
    }

    [Theory]
    [InlineData(PortalRole.DistrictOfficer)]
    [InlineData(PortalRole.UnitViewer)]
    public async Task A_caller_scoped_to_a_district_gets_that_district_alone(PortalRole role)
    {
        var report = (await _districts.GetReportAsync(new Caller("x", role, _caoLanh), 1, cancellationToken: Ct)).Value!;

        report.Districts.Select(d => d.District.UnitId).ShouldBe([_caoLanh]);
        report.Districts[0].Units.Count.ShouldBe(15);
    }

    [Fact]
    public async Task A_viewer_scoped_to_the_district_group_gets_every_district()
    {
        var group = await SeededPlan.UnitIdAsync(_database.Factory, "UBND 12 huyện, thành phố");

        var report = (await _districts.GetReportAsync(new Caller("x", PortalRole.UnitViewer, group), 1, cancellationToken: Ct)).Value!;

        report.Districts.Count.ShouldBe(SeedFacts.Districts);
    }

    [Fact]
    public async Task A_viewer_scoped_to_a_commune_sees_no_district_and_is_refused_as_out_of_scope()
    {
        var ward = await SeededPlan.UnitIdByCodeAsync(_database.Factory, "29863");

        var outcome = await _districts.GetReportAsync(new Caller("x", PortalRole.UnitViewer, ward), 1, cancellationToken: Ct);

        outcome.Error!.Code.ShouldBe(AllocationErrorCode.OutOfScope);
    }

    [Fact]
    public async Task One_district_is_for_whoever_may_see_it()
    {
        var officer = new Caller("cao-lanh", PortalRole.DistrictOfficer, _caoLanh);

        (await _districts.GetReportAsync(officer, 1, _caoLanh, Ct)).Value!.Districts.Single().District.UnitId.ShouldBe(_caoLanh);
        (await _districts.GetReportAsync(officer, 1, _saDec, Ct)).Error!.Code.ShouldBe(AllocationErrorCode.OutOfScope);
        (await _districts.GetReportAsync(SeededPlan.Admin, 1, _saDec, Ct)).Value!.Districts.Single().District.UnitId.ShouldBe(_saDec);
    }

    [Fact]
    public async Task An_unknown_plan_or_a_unit_that_is_not_a_district_is_not_found()
    {
        var ward = await SeededPlan.UnitIdByCodeAsync(_database.Factory, "29863");

        (await _districts.GetReportAsync(SeededPlan.Admin, 42, cancellationToken: Ct)).Error!.Code.ShouldBe(AllocationErrorCode.NotFound);
        (await _districts.GetReportAsync(SeededPlan.Admin, 1, ward, Ct)).Error!.Code.ShouldBe(AllocationErrorCode.NotFound);
    }
}
