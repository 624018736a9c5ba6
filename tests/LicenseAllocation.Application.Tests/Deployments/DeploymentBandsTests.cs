using LicenseAllocation.Application.Deployments;
using LicenseAllocation.Application.Tests.Import;
using LicenseAllocation.Domain.Deployments;
using LicenseAllocation.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Shouldly;

namespace LicenseAllocation.Application.Tests.Deployments;

/// <summary>
/// The dashboard's bands over the seeded 2020 plan, where the province gave Thành phố Cao Lãnh 300 licences and Thành
/// phố Sa Đéc 200: each district with its subtree, the provincial level as the rest, scoped like the picture.
/// </summary>
public sealed class DeploymentBandsTests : IAsyncLifetime
{
    private const string CaoLanhGroup = "Thiết bị được quản lý/Thành phố Cao Lãnh";
    private const string SaDecGroup = "Thiết bị được quản lý/Thành phố Sa Đéc";
    private const string ProvinceGroup = "Thiết bị được quản lý/Văn phòng UBND tỉnh";
    private const int OfficeOfTheCommittee = 2;

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2021, 3, 1, 8, 0, 0, TimeSpan.Zero));
    private ImportBed _bed = null!;
    private DeploymentPicture _picture = null!;
    private DeploymentBands _bands = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _bed = await ImportBed.CreateAsync();
        var factory = _bed.Database.Factory;
        var groups = new DeploymentGroups(factory, _clock);
        (await groups.SaveAsync(ImportBed.Admin,
            [new GroupAssignment(CaoLanhGroup, _bed.CaoLanh), new GroupAssignment(SaDecGroup, _bed.SaDec), new GroupAssignment(ProvinceGroup, OfficeOfTheCommittee)], null, Ct)).Succeeded.ShouldBeTrue();
        var imports = new DeploymentImports(factory, Options.Create(new DeploymentOptions { ProductKeywords = { "Kaspersky" } }), _clock);
        var file = ConsoleExports.Utf8(ConsoleExports.KasperskyCsv([.. Many("CL", CaoLanhGroup, 331), .. Many("SD", SaDecGroup, 150), .. Many("VP", ProvinceGroup, 40)]), bom: true);
        (await imports.ImportAsync(ImportBed.Admin, new DeploymentImportRequest(_bed.PlanId, file, "Kaspersky Security Center", new DateOnly(2021, 2, 26)), false, Ct))
            .Succeeded.ShouldBeTrue();
        _picture = new DeploymentPicture(factory);
        _bands = new DeploymentBands(_picture);
    }

    public async ValueTask DisposeAsync() => await _bed.DisposeAsync();

    private static IEnumerable<ExportDevice> Many(string prefix, string group, int count) =>
        Enumerable.Range(1, count).Select(i => new ExportDevice($"{prefix}-{i:D5}", $"PC-{prefix}-{i}", group, LastSeen: new DateTime(2021, 2, 25, 3, 0, 0, DateTimeKind.Utc)));

    [Fact]
    public async Task Each_district_has_its_subtrees_band_and_the_provincial_level_is_the_rest_so_the_lines_add_up_to_the_province()
    {
        var view = (await _bands.GetAsync(ImportBed.Admin, _bed.PlanId, ct: Ct)).Value!;
        var picture = (await _picture.GetAsync(ImportBed.Admin, _bed.PlanId, ct: Ct)).Value!;

        var caoLanh = view.Lines.Single(l => l.UnitId == _bed.CaoLanh);
        caoLanh.Figures.ShouldBe(picture.Units.Single(u => u.UnitId == _bed.CaoLanh).Subtree);
        caoLanh.Figures.Band.ShouldBe(UseBand.Critical);
        view.Lines.Single(l => l.UnitId == _bed.SaDec).Figures.Band.ShouldBe(UseBand.Ok);
        view.Lines[0].UnitId.ShouldBeNull();
        view.Lines[0].Figures.Installed.ShouldBe(40);
        view.Lines.Count(l => l.UnitId is null).ShouldBe(1);
        var province = picture.Units[0].Subtree;
        view.Lines.Sum(l => l.Figures.Installed).ShouldBe(province.Installed);
        view.Lines.Sum(l => l.Figures.Licensed).ShouldBe(province.Licensed);
    }

    [Fact]
    public async Task A_district_officer_gets_the_line_of_its_district_alone()
    {
        var view = (await _bands.GetAsync(_bed.CaoLanhOfficer, _bed.PlanId, ct: Ct)).Value!;

        view.Lines.ShouldHaveSingleItem().UnitId.ShouldBe(_bed.CaoLanh);
        view.Lines[0].Figures.Installed.ShouldBe(331);
    }
}
