using Bunit;
using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Allocations;
using LicenseAllocation.Application.Deployments;
using LicenseAllocation.Application.Identity;
using LicenseAllocation.Testing;
using LicenseAllocation.Web.Components.Allocation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace LicenseAllocation.Web.Tests.Components;

/// <summary>
/// The allocation tree of the seeded 2020 plan with the bands of its latest console report: Thành phố Cao Lãnh is
/// given 300 licences and runs 360 computers.
/// </summary>
public sealed class AllocationTreeBandsTests : ComponentTestContext
{
    private const string CaoLanhGroup = "Thiết bị được quản lý/Thành phố Cao Lãnh";
    private static readonly Caller Admin = new("admin", PortalRole.ProvinceAdmin);

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    private async Task<int> CaoLanhAsync()
    {
        await using var db = await Database.Factory.CreateDbContextAsync(Ct);
        return await db.Units.Where(u => u.Code == "866").Select(u => u.Id).SingleAsync(Ct);
    }

    private async Task<int> ParentAsync(int unitId)
    {
        await using var db = await Database.Factory.CreateDbContextAsync(Ct);
        return await db.Units.Where(u => u.Id == unitId).Select(u => u.ParentId!.Value).SingleAsync(Ct);
    }

    private async Task<int> ImportAsync(int devices)
    {
        var caoLanh = await CaoLanhAsync();
        (await Services.GetRequiredService<QuantityService>().ChangeAsync(Admin, new ChangeQuantity(1, caoLanh, 300, "Giao cho thành phố"), Ct)).Succeeded.ShouldBeTrue();
        (await Services.GetRequiredService<DeploymentGroups>().SaveAsync(Admin, [new GroupAssignment(CaoLanhGroup, caoLanh)], null, Ct)).Succeeded.ShouldBeTrue();
        var file = ConsoleExports.Utf8(ConsoleExports.KasperskyCsv(Enumerable.Range(1, devices)
            .Select(i => new ExportDevice($"CL-{i:D5}", $"PC-CL-{i}", CaoLanhGroup, LastSeen: new DateTime(2021, 2, 25, 3, 0, 0, DateTimeKind.Utc)))), bom: true);
        (await Services.GetRequiredService<DeploymentImports>().ImportAsync(
            Admin, new DeploymentImportRequest(1, file, "Kaspersky Security Center", new DateOnly(2021, 2, 26)), false, Ct)).Succeeded.ShouldBeTrue();
        return caoLanh;
    }

    private IRenderedComponent<AllocationTree> ShowTree(Caller caller)
    {
        Render<MudBlazor.MudPopoverProvider>();
        var tree = Render<AllocationTree>(p => p.Add(t => t.PlanId, 1).Add(t => t.Caller, caller));
        tree.WaitForAssertion(() => tree.Instance.State!.Items.ShouldNotBeEmpty());
        return tree;
    }

    [Fact]
    public void A_plan_without_a_console_report_has_no_band_column()
    {
        UseCulture("vi-VN");

        var tree = ShowTree(Admin);

        tree.FindAll("[data-testid='tree-band-header']").ShouldBeEmpty();
        tree.FindAll("[data-testid^='band-']").ShouldBeEmpty();
        tree.Instance.State!.Items.ShouldAllBe(i => i.Band == null);
    }

    [Fact]
    public async Task Each_row_shows_its_subtrees_band_with_the_shared_chip_and_an_opened_level_brings_its_own()
    {
        UseCulture("vi-VN");
        var caoLanh = await ImportAsync(360);

        var tree = ShowTree(Admin);
        tree.WaitForAssertion(() => tree.Find("[data-testid='tree-band-header']").TextContent.ShouldBe("Mức sử dụng"));
        tree.Find($"button[data-testid='toggle-{await ParentAsync(caoLanh)}']").Click();
        tree.WaitForAssertion(() => tree.Find($"[data-testid='band-{caoLanh}']"));

        var cell = tree.Find($"[data-testid='band-{caoLanh}']");
        cell.GetAttribute("data-band").ShouldBe("Critical");
        cell.QuerySelector("[data-testid='deployment-band']")!.TextContent.ShouldBe("Nghiêm trọng");
        cell.TextContent.ShouldContain("120 %");
        cell.GetAttribute("title")!.ShouldContain("360 máy đang chạy / 300 bản quyền");
        tree.Find("[data-testid='band-1']").GetAttribute("data-band").ShouldBe("Ok");

        tree.Find($"button[data-testid='toggle-{caoLanh}']").Click();

        tree.WaitForAssertion(() => tree.Instance.State!.Items.Count(i => i.Node.ParentUnitId == caoLanh).ShouldBeGreaterThan(0));
        var children = tree.Instance.State!.Items.Where(i => i.Node.ParentUnitId == caoLanh).ToList();
        children.ShouldAllBe(i => i.Band != null && i.Band.Installed == 0);
        tree.Find($"[data-testid='band-{children[0].UnitId}']").GetAttribute("data-band").ShouldBe("Ok");
    }

    [Fact]
    public async Task A_district_officer_sees_the_band_of_its_district_in_its_tree()
    {
        UseCulture("en-US");
        var caoLanh = await ImportAsync(150);

        var tree = ShowTree(new Caller("caolanh", PortalRole.DistrictOfficer, caoLanh));

        tree.WaitForAssertion(() => tree.Find($"[data-testid='band-{caoLanh}']").GetAttribute("data-band").ShouldBe("Ok"));
        tree.Find($"[data-testid='band-{caoLanh}'] [data-testid='deployment-band']").TextContent.ShouldBe("OK");
        tree.Find($"[data-testid='band-{caoLanh}']").TextContent.ShouldContain("50 %");
    }
}
