using Bunit;
using Bunit.TestDoubles;
using LicenseAllocation.Application.Identity;
using LicenseAllocation.Web.Components.Pages.Districts;
using Microsoft.EntityFrameworkCore;
using Shouldly;

namespace LicenseAllocation.Web.Tests.Components;

public sealed class DistrictsOverviewPageTests : ComponentTestContext
{
    private BunitAuthorizationContext _auth = default!;

    protected override void AddServices() => _auth = AddAuthorization();

    [Fact]
    public void The_province_sees_the_group_quota_and_its_12_districts_with_a_total_row()
    {
        UseCulture("vi-VN");
        _auth.SetAuthorized("admin");
        _auth.SetRoles(nameof(PortalRole.ProvinceAdmin));

        var page = Render<DistrictsOverviewPage>(p => p.Add(o => o.PlanId, 1));

        page.WaitForAssertion(() => page.Find("[data-testid='districts-group']").TextContent
            .ShouldContain("được tỉnh giao 3.960 bản quyền; đã chia cho các huyện 0, còn 3.960 chưa chia"));
        page.FindAll("tr[data-testid^='district-']").Count.ShouldBe(12);
        page.Find("[data-testid='districts-total-quota']").TextContent.ShouldBe("0");
    }

    [Fact]
    public async Task The_province_types_the_12_districts_shares_in_one_grid_with_one_reason_and_the_totals_beside_it()
    {
        var (caoLanh, saDec) = (await UnitIdAsync("866"), await UnitIdAsync("867"));
        var page = RenderAsAdmin();
        page.WaitForElement("[data-testid='begin-districts-bulk-edit']").Click();

        page.WaitForAssertion(() => page.FindAll("input[data-testid^='draft-']").Count.ShouldBe(12));
        page.Find($"input[data-testid='draft-{caoLanh}']").Input("300");
        page.Find($"input[data-testid='draft-{saDec}']").Input("200");

        page.Find("[data-testid='district-handed-on']").TextContent.ShouldBe("500");
        page.Find("[data-testid='district-remaining']").TextContent.ShouldBe("3.460");
        page.Find("[data-testid='districts-group']").TextContent.ShouldContain("đã chia cho các huyện 500, còn 3.460 chưa chia");
        page.Find($"[data-testid='unit-{caoLanh}'] [data-testid='status-chip']").GetAttribute("data-status").ShouldBe("NotAllocated");
        page.Find("[data-testid='bulk-editor']").ParentElement!.QuerySelector("[data-testid='workspace-table']").ShouldNotBeNull();

        page.Find("input[data-testid='bulk-reason']").Input("Phân bổ chi tiết cho các huyện");
        page.Find("button[data-testid='save-bulk']").Click();

        page.WaitForAssertion(() => page.FindAll("[data-testid='bulk-editor']").ShouldBeEmpty());
        page.Find($"tr[data-testid='district-{caoLanh}']").TextContent.ShouldContain("300");
        await using var db = await Database.Factory.CreateDbContextAsync(Ct);
        var reasons = await db.AuditEntries.Where(a => a.UnitId == caoLanh || a.UnitId == saDec).Select(a => a.Reason).ToListAsync(Ct);
        reasons.Count.ShouldBe(2);
        reasons.ShouldAllBe(r => r == "Phân bổ chi tiết cho các huyện");
    }

    [Fact]
    public async Task The_districts_shares_over_the_groups_quota_are_refused_as_a_total()
    {
        var caoLanh = await UnitIdAsync("866");
        var page = RenderAsAdmin();
        page.WaitForElement("[data-testid='begin-districts-bulk-edit']").Click();
        page.WaitForElement($"input[data-testid='draft-{caoLanh}']").Input("3961");
        page.Find("input[data-testid='bulk-reason']").Input("Phân bổ chi tiết");

        page.Find("[data-testid='bulk-over-quota']").TextContent.Trim().ShouldBe("Tổng 3.961 vượt 3.960 được giao — thừa 1.");
        page.Find("button[data-testid='save-bulk']").Click();

        page.WaitForAssertion(() => page.Find("[data-testid='bulk-problem']").TextContent.Trim().ShouldBe("Tổng 3.961 vượt 3.960 được giao — thừa 1."));
        page.FindAll("[data-testid^='refusal-']").ShouldBeEmpty();
    }

    [Fact]
    public void The_auditor_gets_no_bulk_editor()
    {
        UseCulture("vi-VN");
        _auth.SetAuthorized("auditor");
        _auth.SetRoles(nameof(PortalRole.Auditor));

        var page = Render<DistrictsOverviewPage>(p => p.Add(o => o.PlanId, 1));

        page.WaitForAssertion(() => page.FindAll("tr[data-testid^='district-']").Count.ShouldBe(12));
        page.FindAll("[data-testid='begin-districts-bulk-edit']").ShouldBeEmpty();
    }

    [Fact]
    public void A_district_officer_is_told_the_overview_is_not_for_them()
    {
        UseCulture("vi-VN");
        _auth.SetAuthorized("caolanh");
        _auth.SetRoles(nameof(PortalRole.DistrictOfficer));

        var page = Render<DistrictsOverviewPage>(p => p.Add(o => o.PlanId, 1));

        page.WaitForAssertion(() => page.Find("[data-testid='districts-problem']").TextContent.ShouldContain("không có quyền"));
        page.FindAll("[data-testid='districts-overview']").ShouldBeEmpty();
    }

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    private IRenderedComponent<DistrictsOverviewPage> RenderAsAdmin()
    {
        UseCulture("vi-VN");
        _auth.SetAuthorized("admin");
        _auth.SetRoles(nameof(PortalRole.ProvinceAdmin));
        Render<MudBlazor.MudPopoverProvider>();
        Render<MudBlazor.MudSnackbarProvider>();
        return Render<DistrictsOverviewPage>(p => p.Add(o => o.PlanId, 1));
    }

    private async Task<int> UnitIdAsync(string code)
    {
        await using var db = await Database.Factory.CreateDbContextAsync(Ct);
        return await db.Units.Where(u => u.Code == code).Select(u => u.Id).SingleAsync(Ct);
    }
}
