using System.Globalization;
using Bunit;
using Bunit.TestDoubles;
using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Allocations;
using LicenseAllocation.Application.Deployments;
using LicenseAllocation.Application.Identity;
using LicenseAllocation.Testing;
using LicenseAllocation.Web.Components.Pages.Needs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Shouldly;

namespace LicenseAllocation.Web.Tests.Components;

/// <summary>
/// The dashboard's use bands over the seeded 2020 plan with real services: each district of the latest console report
/// with its band, the provincial level as one line, scoped to a district officer's district; a note when no report is in.
/// </summary>
public sealed class DashboardBandsTests : ComponentTestContext
{
    private const string CaoLanhGroup = "Thiết bị được quản lý/Thành phố Cao Lãnh";
    private const string SaDecGroup = "Thiết bị được quản lý/Thành phố Sa Đéc";
    private static readonly Caller Admin = new("admin", PortalRole.ProvinceAdmin);
    private BunitAuthorizationContext _auth = default!;

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    protected override void AddServices() => _auth = AddAuthorization();

    private void SignIn(string user, PortalRole role, int? scopeUnit = null)
    {
        _auth.SetAuthorized(user);
        _auth.SetRoles(role.ToString());
        if (scopeUnit is { } unit)
        {
            _auth.SetClaims(new System.Security.Claims.Claim(Web.Auth.Callers.ScopeUnitClaim, unit.ToString(CultureInfo.InvariantCulture)));
        }

        Render<MudPopoverProvider>();
        Render<MudSnackbarProvider>();
    }

    private async Task<int> UnitAsync(string code)
    {
        await using var db = await Database.Factory.CreateDbContextAsync(Ct);
        return await db.Units.Where(u => u.Code == code).Select(u => u.Id).SingleAsync(Ct);
    }

    private static IEnumerable<ExportDevice> Devices(string prefix, int count, string group) =>
        Enumerable.Range(1, count).Select(i => new ExportDevice($"{prefix}-{i:D5}", $"PC-{prefix}-{i}", group, LastSeen: new DateTime(2021, 2, 25, 3, 0, 0, DateTimeKind.Utc)));

    /// <summary>Cao Lãnh holds 300 and runs 330 (110 %: warning); Sa Đéc holds 200 and runs 100 (50 %: ok).</summary>
    private async Task<(int CaoLanh, int SaDec)> ImportAsync()
    {
        var caoLanh = await UnitAsync("866");
        var saDec = await UnitAsync("867");
        var quantities = Services.GetRequiredService<QuantityService>();
        await quantities.ChangeAsync(Admin, new ChangeQuantity(1, caoLanh, 300, "Giao cho thành phố"), Ct);
        await quantities.ChangeAsync(Admin, new ChangeQuantity(1, saDec, 200, "Giao cho thành phố"), Ct);
        (await Services.GetRequiredService<DeploymentGroups>().SaveAsync(
            Admin, [new GroupAssignment(CaoLanhGroup, caoLanh), new GroupAssignment(SaDecGroup, saDec)], null, Ct)).Succeeded.ShouldBeTrue();
        var report = ConsoleExports.Utf8(ConsoleExports.KasperskyCsv([.. Devices("CL", 330, CaoLanhGroup), .. Devices("SD", 100, SaDecGroup)]), bom: true);
        var result = await Services.GetRequiredService<DeploymentImports>().ImportAsync(
            Admin, new DeploymentImportRequest(1, report, "Kaspersky Security Center", new DateOnly(2021, 2, 26)), false, Ct);
        result.Succeeded.ShouldBeTrue(result.Issue?.ApiCode);
        return (caoLanh, saDec);
    }

    private static string Id(int unit) => unit.ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task With_a_report_imported_the_dashboard_shows_each_districts_band_with_its_name_and_the_provincial_level()
    {
        UseCulture("vi-VN");
        var (caoLanh, saDec) = await ImportAsync();
        SignIn("admin", PortalRole.ProvinceAdmin);

        var page = Render<DashboardPage>(p => p.Add(x => x.PlanId, 1));

        page.WaitForAssertion(() => page.Find($"[data-testid='dashboard-band-line'][data-unit='{Id(caoLanh)}']"));
        var line = page.Find($"[data-testid='dashboard-band-line'][data-unit='{Id(caoLanh)}']");
        line.QuerySelector("[data-testid='deployment-band']")!.TextContent.ShouldBe("Cảnh báo");
        line.QuerySelector("[data-testid='deployment-band']")!.ClassList.ShouldContain("band-warning");
        line.TextContent.ShouldContain("330");
        line.TextContent.ShouldContain("110 %");
        page.Find($"[data-testid='dashboard-band-line'][data-unit='{Id(saDec)}'] [data-testid='deployment-band']").TextContent.ShouldBe("Bình thường");
        var lines = page.FindAll("[data-testid='dashboard-band-line']");
        lines[0].GetAttribute("data-unit").ShouldBe("province");
        lines[0].TextContent.ShouldContain("Cấp tỉnh");
        page.Find("[data-testid='dashboard-bands-taken-on']").TextContent.ShouldContain("26/02/2021");
        page.Find("[data-testid='dashboard-bands-open']").GetAttribute("href").ShouldBe("/plans/1/deployment");
        page.FindAll("[data-testid='dashboard-bands-none']").ShouldBeEmpty();

        // The same figures as the picture the deployment page shows.
        var picture = (await Services.GetRequiredService<DeploymentPicture>().GetAsync(Admin, 1, ct: Ct)).Value!;
        picture.Units.Single(u => u.UnitId == caoLanh).Subtree.Band.ToString().ShouldBe(line.QuerySelector("[data-testid='deployment-band']")!.GetAttribute("data-band"));
    }

    [Fact]
    public async Task A_district_officer_sees_on_the_dashboard_the_band_of_its_district_alone()
    {
        UseCulture("en-US");
        var (caoLanh, _) = await ImportAsync();
        SignIn("caolanh", PortalRole.DistrictOfficer, caoLanh);

        var page = Render<DashboardPage>(p => p.Add(x => x.PlanId, 1));

        page.WaitForAssertion(() => page.FindAll("[data-testid='dashboard-band-line']").ShouldNotBeEmpty());
        var lines = page.FindAll("[data-testid='dashboard-band-line']");
        lines.Count.ShouldBe(1);
        lines[0].GetAttribute("data-unit").ShouldBe(Id(caoLanh));
        lines[0].QuerySelector("[data-testid='deployment-band']")!.TextContent.ShouldBe("Warning");
    }

    [Fact]
    public void Without_a_report_the_dashboard_says_none_is_imported_yet_with_the_link_to_import()
    {
        UseCulture("vi-VN");
        SignIn("admin", PortalRole.ProvinceAdmin);

        var page = Render<DashboardPage>(p => p.Add(x => x.PlanId, 1));

        var note = page.WaitForElement("[data-testid='dashboard-bands-none']");
        note.TextContent.ShouldContain("Chưa nhập báo cáo nào");
        page.Find("[data-testid='dashboard-bands-import']").GetAttribute("href").ShouldBe("/plans/1/deployment/import");
        page.FindAll("[data-testid='dashboard-band-line']").ShouldBeEmpty();
    }

    [Fact]
    public async Task Without_a_report_a_district_officer_reads_the_note_without_the_link_to_import()
    {
        UseCulture("vi-VN");
        SignIn("caolanh", PortalRole.DistrictOfficer, await UnitAsync("866"));

        var page = Render<DashboardPage>(p => p.Add(x => x.PlanId, 1));

        page.WaitForElement("[data-testid='dashboard-bands-none']");
        page.FindAll("[data-testid='dashboard-bands-import']").ShouldBeEmpty();
    }
}
