using System.Text;
using Bunit;
using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Allocations;
using LicenseAllocation.Application.Deployments;
using LicenseAllocation.Application.Identity;
using LicenseAllocation.Application.Plans;
using LicenseAllocation.Testing;
using LicenseAllocation.Web.Components.Controls;
using LicenseAllocation.Web.Components.Deployments;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Shouldly;

namespace LicenseAllocation.Web.Tests.Components;

/// <summary>
/// The console-report parts over the seeded 2020 plan with real services: the picture with its bands, scoped; the
/// upload that reads first and keeps all or nothing; the group mapping that starts on the suggested unit.
/// </summary>
public sealed class DeploymentPartsTests : ComponentTestContext
{
    private const string CaoLanhGroup = "Thiết bị được quản lý/Thành phố Cao Lãnh";
    private static readonly Caller Admin = new("admin", PortalRole.ProvinceAdmin);
    private static readonly DateOnly TakenOn = new(2021, 2, 26);

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    /// <summary>Thành phố Cao Lãnh, given 300 licences of the seeded plan.</summary>
    private async Task<(int CaoLanh, int Quantity)> CaoLanhAsync()
    {
        int unit;
        await using (var db = await Database.Factory.CreateDbContextAsync(Ct))
        {
            unit = await db.Units.Where(u => u.Code == "866").Select(u => u.Id).SingleAsync(Ct);
        }

        await Services.GetRequiredService<QuantityService>().ChangeAsync(Admin, new ChangeQuantity(1, unit, 300, "Giao cho thành phố"), Ct);
        return (unit, 300);
    }

    private static byte[] Report(int devices, string group = CaoLanhGroup, int strangers = 0, bool withLastSeen = true) =>
        ConsoleExports.Utf8(ConsoleExports.KasperskyCsv(
        [
            .. Enumerable.Range(1, devices).Select(i => new ExportDevice($"CL-{i:D5}", $"PC-CL-{i}", group, LastSeen: new DateTime(2021, 2, 25, 3, 0, 0, DateTimeKind.Utc))),
            .. Enumerable.Range(1, strangers).Select(i => new ExportDevice($"X-{i}", $"PC-X-{i}", "Nhóm lạ", LastSeen: new DateTime(2021, 2, 25, 3, 0, 0, DateTimeKind.Utc))),
        ], withLastSeen: withLastSeen), bom: true);

    private async Task<PlanContext> PlanAsync(Caller caller) =>
        new((await Services.GetRequiredService<PlanQueries>().GetAsync(caller, 1, Ct)).Value!, caller);

    private async Task ImportAsync(int devices, int strangers = 0, DateOnly? takenOn = null, bool withLastSeen = true)
    {
        var (caoLanh, _) = await CaoLanhAsync();
        (await Services.GetRequiredService<DeploymentGroups>().SaveAsync(Admin, [new GroupAssignment(CaoLanhGroup, caoLanh)], null, Ct)).Succeeded.ShouldBeTrue();
        var result = await Services.GetRequiredService<DeploymentImports>().ImportAsync(
            Admin, new DeploymentImportRequest(1, Report(devices, strangers: strangers, withLastSeen: withLastSeen), "Kaspersky Security Center", takenOn ?? TakenOn), false, Ct);
        result.Succeeded.ShouldBeTrue(result.Issue?.ApiCode);
    }

    [Fact]
    public async Task The_picture_shows_each_unit_with_its_band_and_the_groups_not_yet_mapped()
    {
        UseCulture("vi-VN");
        var (caoLanh, quantity) = await CaoLanhAsync();
        await ImportAsync(quantity * 12 / 10, strangers: 3);
        Render<MudPopoverProvider>();

        var card = Render<DeploymentPictureCard>(p => p.Add(c => c.Plan, PlanAsync(Admin).Result));

        card.WaitForAssertion(() => card.Find($"[data-testid='deployment-row'][data-unit='{caoLanh}']"));
        var row = card.Find($"[data-testid='deployment-row'][data-unit='{caoLanh}']");
        row.GetAttribute("data-band").ShouldBe("Critical");
        row.QuerySelector("[data-testid='deployment-band']")!.TextContent.ShouldBe("Nghiêm trọng");
        row.TextContent.ShouldContain("120 %");
        card.Find("[data-testid='deployment-unmapped']").TextContent.ShouldContain("Nhóm lạ: 3 thiết bị");
        card.Find("[data-testid='deployment-download']").GetAttribute("href")!.ShouldStartWith("/api/v1/plans/1/deployment.xlsx?snapshotId=");
    }

    [Fact]
    public async Task Computers_whose_report_gave_no_last_seen_time_are_shown_as_unknown_not_as_stale()
    {
        UseCulture("vi-VN");
        var (caoLanh, _) = await CaoLanhAsync();
        await ImportAsync(120, withLastSeen: false);
        Render<MudPopoverProvider>();

        var card = Render<DeploymentPictureCard>(p => p.Add(c => c.Plan, PlanAsync(Admin).Result));

        card.WaitForAssertion(() => card.Find($"[data-testid='deployment-row'][data-unit='{caoLanh}']"));
        var stale = card.Find($"[data-testid='deployment-row'][data-unit='{caoLanh}'] [data-testid='deployment-stale-cell']");
        stale.TextContent.ShouldBe("0 (không rõ: 120)");
        stale.GetAttribute("data-unknown").ShouldBe("120");
        var unknown = card.Find("[data-testid='deployment-last-seen-unknown']");
        unknown.TextContent.ShouldBe("120");
        unknown.ParentElement!.TextContent.ShouldContain("Máy không rõ lần kết nối cuối");
        card.Find("[data-testid='deployment-stale']").TextContent.ShouldBe("0");
    }

    [Fact]
    public async Task With_every_last_seen_time_known_the_stale_column_is_a_plain_number_and_no_unknown_figure_shows()
    {
        UseCulture("en-US");
        var (caoLanh, _) = await CaoLanhAsync();
        await ImportAsync(12);
        Render<MudPopoverProvider>();

        var card = Render<DeploymentPictureCard>(p => p.Add(c => c.Plan, PlanAsync(Admin).Result));

        card.WaitForAssertion(() => card.Find($"[data-testid='deployment-row'][data-unit='{caoLanh}']"));
        card.Find($"[data-testid='deployment-row'][data-unit='{caoLanh}'] [data-testid='deployment-stale-cell']").TextContent.ShouldBe("0");
        card.FindAll("[data-testid='deployment-last-seen-unknown']").ShouldBeEmpty();
    }

    [Fact]
    public async Task A_district_officer_sees_the_district_alone_and_no_unmapped_groups()
    {
        UseCulture("en-US");
        var (caoLanh, quantity) = await CaoLanhAsync();
        await ImportAsync(quantity / 2, strangers: 3);
        Render<MudPopoverProvider>();
        var officer = new Caller("caolanh", PortalRole.DistrictOfficer, caoLanh);

        var card = Render<DeploymentPictureCard>(p => p.Add(c => c.Plan, PlanAsync(officer).Result));

        card.WaitForAssertion(() => card.FindAll("[data-testid='deployment-row']").ShouldNotBeEmpty());
        card.Find("[data-testid='deployment-row']").GetAttribute("data-unit").ShouldBe(caoLanh.ToString(System.Globalization.CultureInfo.InvariantCulture));
        card.FindAll("[data-testid='deployment-row']").Count.ShouldBeLessThan(30);
        card.FindAll("[data-testid='deployment-unmapped']").ShouldBeEmpty();
        card.Find($"[data-testid='deployment-row'][data-unit='{caoLanh}'] [data-testid='deployment-band']").TextContent.ShouldBe("OK");
    }

    [Fact]
    public async Task Without_a_report_the_picture_says_so()
    {
        UseCulture("vi-VN");

        var card = Render<DeploymentPictureCard>(p => p.Add(c => c.Plan, PlanAsync(Admin).Result));

        card.WaitForAssertion(() => card.Find("[data-testid='deployment-problem']").TextContent.ShouldBe("Chưa có báo cáo cài đặt nào cho kế hoạch này."));
    }

    [Fact]
    public async Task The_trend_has_a_point_per_report_with_what_ran_and_what_was_held()
    {
        UseCulture("vi-VN");
        await ImportAsync(100);
        await ImportAsync(150, takenOn: TakenOn.AddDays(7));

        var trend = Render<DeploymentTrend>(p => p.Add(c => c.Plan, PlanAsync(Admin).Result));

        trend.WaitForAssertion(() => trend.Instance.Points.Count.ShouldBe(2));
        trend.Instance.Points.Select(p => p.Figures.Installed).ShouldBe([100, 150]);
        trend.Instance.Points[0].Figures.Licensed.ShouldBeGreaterThan(0);
        trend.FindAll("[data-testid='deployment-trend-few']").ShouldBeEmpty();
    }

    [Fact]
    public async Task A_wrong_file_is_refused_with_its_reason_and_keeps_nothing_and_a_good_one_is_read_then_kept()
    {
        UseCulture("vi-VN");
        Render<MudPopoverProvider>();
        var upload = Render<ConsoleReportUpload>(p => p.Add(c => c.Plan, PlanAsync(Admin).Result));
        upload.WaitForAssertion(() => upload.Find("[data-testid='deployment-columns']").TextContent.ShouldContain("KLLICSRV_HOSTNAME"));

        upload.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(Encoding.UTF8.GetBytes("ten;tuoi\nAn;3\n"), "danh-sach.csv"));
        upload.WaitForAssertion(() => upload.Find("[data-testid='deployment-import-problem']").TextContent.ShouldNotBeNullOrWhiteSpace());
        upload.FindAll("[data-testid='deployment-apply']").ShouldBeEmpty();

        upload.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(Report(12, strangers: 2), "ksc.csv"));
        upload.WaitForAssertion(() => upload.Find("[data-testid='deployment-preview']").TextContent.ShouldContain("Đọc được 14 thiết bị"));
        upload.Find("[data-testid='deployment-import-unmapped']").TextContent.ShouldContain("Nhóm lạ: 2 thiết bị");
        await using (var before = await Database.Factory.CreateDbContextAsync(Ct))
        {
            (await before.DeploymentSnapshots.CountAsync(Ct)).ShouldBe(0);
        }

        upload.Find("button[data-testid='deployment-apply']").Click();

        upload.WaitForAssertion(() => upload.Find("[data-testid='deployment-view-picture']"));
        upload.Find("[data-testid='deployment-preview']").TextContent.ShouldContain("14 thiết bị");
        await using var db = await Database.Factory.CreateDbContextAsync(Ct);
        (await db.DeploymentSnapshots.CountAsync(Ct)).ShouldBe(1);
        (await db.DeploymentDevices.CountAsync(Ct)).ShouldBe(14);
    }

    [Fact]
    public async Task An_unmapped_group_starts_on_its_suggested_unit_and_saving_maps_it()
    {
        UseCulture("vi-VN");
        await Services.GetRequiredService<DeploymentImports>().ImportAsync(
            Admin, new DeploymentImportRequest(1, Report(5, group: "Thiết bị được quản lý/Thanh pho Sa Dec"), "Kaspersky Security Center", TakenOn), false, Ct);
        int saDec;
        await using (var units = await Database.Factory.CreateDbContextAsync(Ct))
        {
            saDec = await units.Units.Where(u => u.Code == "867").Select(u => u.Id).SingleAsync(Ct);
        }

        Render<MudPopoverProvider>();

        var mapping = Render<ConsoleGroupMapping>(p => p.Add(c => c.Plan, PlanAsync(Admin).Result));

        mapping.WaitForAssertion(() => mapping.Find("[data-testid='deployment-group']").GetAttribute("data-mapped").ShouldBe("no"));
        mapping.Instance.Changes.ShouldBe([new GroupAssignment("Thiết bị được quản lý/Thanh pho Sa Dec", saDec)]);
        mapping.Find("button[data-testid='deployment-groups-save']").Click();

        mapping.WaitForAssertion(() => mapping.Find("[data-testid='deployment-groups-saved']").TextContent.ShouldBe("Đã lưu 1 nhóm."));
        mapping.Find("[data-testid='deployment-group']").GetAttribute("data-mapped").ShouldBe("yes");
        (await Services.GetRequiredService<DeploymentPicture>().GetAsync(Admin, 1, ct: Ct)).Value!.Units.Single(u => u.UnitId == saDec).Own.Installed.ShouldBe(5);
    }

    [Fact]
    public async Task A_report_dated_after_every_unit_of_the_plan_ended_explains_why_no_unit_is_offered()
    {
        UseCulture("vi-VN");
        await using (var db = await Database.Factory.CreateDbContextAsync(Ct))
        {
            foreach (var unit in await db.Units.ToListAsync(Ct))
            {
                unit.EndOn(new DateOnly(2025, 6, 30));
            }

            await db.SaveChangesAsync(Ct);
        }

        var imported = await Services.GetRequiredService<DeploymentImports>().ImportAsync(
            Admin, new DeploymentImportRequest(1, Report(5), "Kaspersky Security Center", new DateOnly(2025, 11, 5)), false, Ct);
        imported.Succeeded.ShouldBeTrue(imported.Issue?.ApiCode);
        Render<MudPopoverProvider>();

        var mapping = Render<ConsoleGroupMapping>(p => p.Add(c => c.Plan, PlanAsync(Admin).Result));

        mapping.WaitForAssertion(() => mapping.Find("[data-testid='deployment-groups-no-unit']").TextContent.Trim().ShouldBe(
            "Không có đơn vị nào còn hiệu lực vào ngày 05/11/2025 của báo cáo trong kế hoạch này; hãy dùng kế hoạch theo cơ cấu từ 01/07/2025."));
        mapping.FindAll("[data-testid='deployment-group-unit']").ShouldBeEmpty();
        mapping.FindAll("button[data-testid='deployment-groups-save']").ShouldBeEmpty();
    }
}
