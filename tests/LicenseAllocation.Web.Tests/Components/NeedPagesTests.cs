using Bunit;
using Bunit.TestDoubles;
using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Identity;
using LicenseAllocation.Application.Needs;
using LicenseAllocation.Application.Plans;
using LicenseAllocation.Web.Api;
using LicenseAllocation.Web.Components.Pages.Needs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using Shouldly;

namespace LicenseAllocation.Web.Tests.Components;

/// <summary>The pages of needs: a unit's need and purchases, the coverage of the plan, the dashboard, the split.</summary>
public sealed class NeedPagesTests : ComponentTestContext
{
    private const int OfficeOfTheCommittee = 2; // VP. UBND tỉnh, 65 licences in the 2020 plan
    private static readonly Caller Admin = new("admin", PortalRole.ProvinceAdmin);
    private BunitAuthorizationContext _auth = default!;

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    protected override void AddServices() => _auth = AddAuthorization();

    private void SignInAsAdmin()
    {
        UseCulture("vi-VN");
        _auth.SetAuthorized("admin");
        _auth.SetRoles(nameof(PortalRole.ProvinceAdmin));
        Render<MudPopoverProvider>();
        Render<MudSnackbarProvider>();
    }

    private Task StateAsync(int unitId, int computers) =>
        Services.GetRequiredService<NeedService>().StateAsync(Admin, new StateNeed(1, unitId, computers), Ct);

    [Fact]
    public void An_official_states_a_need_and_the_unit_page_shows_it_with_who_stated_it()
    {
        SignInAsAdmin();
        var page = Render<UnitNeedsPage>(p => p.Add(x => x.PlanId, 1).Add(x => x.UnitId, OfficeOfTheCommittee));
        page.WaitForElement("[data-testid='need-stated']").TextContent.ShouldContain("chưa kê khai");

        page.Find("input[data-testid='need-computers']").Change("80");
        page.Find("button[data-testid='save-need']").Click();

        page.WaitForAssertion(() => page.Find("[data-testid='need-stated']").TextContent.ShouldContain("80 máy tính, do admin kê khai"));
        page.Find("[data-testid='own-shortfall']").TextContent.ShouldBe("15");
        page.Find("[data-testid='own-figures'] [data-testid='own-need']").TextContent.ShouldBe("80");
    }

    [Fact]
    public async Task A_need_that_is_not_a_number_is_refused_and_nothing_is_stated()
    {
        SignInAsAdmin();
        var page = Render<UnitNeedsPage>(p => p.Add(x => x.PlanId, 1).Add(x => x.UnitId, OfficeOfTheCommittee));

        page.WaitForElement("input[data-testid='need-computers']").Change("tám mươi");
        page.Find("button[data-testid='save-need']").Click();

        page.WaitForElement("[data-testid='need-refusal']").TextContent.ShouldContain("số nguyên");
        var line = (await Services.GetRequiredService<CoverageQuery>().ForUnitsAsync(Admin, 1, [OfficeOfTheCommittee], Ct)).Value![OfficeOfTheCommittee];
        line.Own.NeedsStated.ShouldBe(0);
    }

    [Fact]
    public async Task A_self_purchase_of_another_product_is_refused_in_Vietnamese_and_one_of_the_provinces_is_recorded()
    {
        await Services.GetRequiredService<PlanProduct>().DescribeAsync(Admin, new ProductDetails(1, "Bkav Endpoint", "Bkav", null, null), Ct);
        SignInAsAdmin();
        var page = Render<UnitNeedsPage>(p => p.Add(x => x.PlanId, 1).Add(x => x.UnitId, OfficeOfTheCommittee));
        page.WaitForElement("[data-testid='purchase-rule']").TextContent.ShouldContain("Bkav Endpoint (Bkav)");

        void Fill(string product)
        {
            page.Find("input[data-testid='purchase-product']").Change(product);
            page.Find("input[data-testid='purchase-vendor']").Change("Bkav");
            page.Find("input[data-testid='purchase-quantity']").Change("5");
            page.Find("input[data-testid='purchase-contract']").Change("15/2021/HĐ");
            page.Find("input[data-testid='purchase-contract-date']").Change("2021-02-20");
            page.Find("input[data-testid='purchase-term-start']").Change("2021-03-01");
            page.Find("input[data-testid='purchase-term-end']").Change("2022-02-28");
            page.Find("input[data-testid='purchase-key']").Change("ABCD-EFGH-1234");
            page.Find("button[data-testid='save-purchase']").Click();
        }

        Fill("Kaspersky Endpoint Security");
        page.WaitForElement("[data-testid='purchase-refusal']").TextContent.ShouldContain("phải đồng bộ với phần mềm được sử dụng chung trên toàn tỉnh");
        page.FindAll("[data-testid='purchases']").ShouldBeEmpty();

        Fill("bkav  ENDPOINT");
        page.WaitForAssertion(() => page.Find("[data-testid='own-self']").TextContent.ShouldBe("5"));
        page.Find("[data-testid='purchases']").TextContent.ShouldContain("ABCD-EFGH-1234", Case.Sensitive, "the administrator sees the key in full");
    }

    [Fact]
    public async Task A_purchase_is_refused_while_the_product_is_not_announced()
    {
        SignInAsAdmin();
        var page = Render<UnitNeedsPage>(p => p.Add(x => x.PlanId, 1).Add(x => x.UnitId, OfficeOfTheCommittee));
        page.WaitForElement("[data-testid='purchase-rule']").TextContent.ShouldContain("chưa công bố");

        page.Find("input[data-testid='purchase-product']").Change("Bkav Endpoint");
        page.Find("input[data-testid='purchase-quantity']").Change("5");
        page.Find("button[data-testid='save-purchase']").Click();

        page.WaitForElement("[data-testid='purchase-refusal']").TextContent.ShouldNotBeNullOrWhiteSpace();
        (await Services.GetRequiredService<PurchaseService>().ListAsync(Admin, 1, OfficeOfTheCommittee, Ct)).Value!.ShouldBeEmpty();
    }

    [Fact]
    public async Task The_coverage_page_shows_who_is_short_and_by_how_much()
    {
        await StateAsync(OfficeOfTheCommittee, 80);
        SignInAsAdmin();

        var page = Render<CoveragePage>(p => p.Add(x => x.PlanId, 1));

        page.WaitForElement($"[data-testid='shortfall-{OfficeOfTheCommittee}']").TextContent.ShouldBe("15");
        page.Find($"[data-testid='percent-{OfficeOfTheCommittee}']").TextContent.ShouldBe("81,3 %");
        page.Find("[data-testid='coverage-sentence']").TextContent.ShouldContain("1 đơn vị còn thiếu 15");
        page.Find("a[data-testid='export-coverage']").GetAttribute("href").ShouldBe("/api/v1/plans/1/coverage.xlsx");
    }

    [Fact]
    public async Task Choosing_another_unit_in_the_address_shows_that_units_coverage_on_the_same_page()
    {
        await StateAsync(OfficeOfTheCommittee, 80);
        SignInAsAdmin();
        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo($"/plans/1/coverage?unitId={OfficeOfTheCommittee}");
        var page = Render<CoveragePage>(p => p.Add(x => x.PlanId, 1));
        page.WaitForElement($"[data-testid='shortfall-{OfficeOfTheCommittee}']").TextContent.ShouldBe("15");

        navigation.NavigateTo("/plans/1/coverage?unitId=3");

        page.WaitForAssertion(() => page.FindAll($"[data-testid='coverage-{OfficeOfTheCommittee}']").ShouldBeEmpty());
        page.Find("a[data-testid='export-coverage']").GetAttribute("href").ShouldBe("/api/v1/plans/1/coverage.xlsx?unitId=3");
    }

    [Fact]
    public async Task The_dashboards_figures_equal_the_apis()
    {
        await StateAsync(OfficeOfTheCommittee, 80);
        await StateAsync(3, 10);
        SignInAsAdmin();

        var page = Render<DashboardPage>(p => p.Add(x => x.PlanId, 1));
        var figures = page.WaitForElement("[data-testid='dashboard-figures']");

        // What GET /api/v1/plans/1/coverage answers the administrator.
        var report = (await Services.GetRequiredService<CoverageQuery>().GetAsync(Admin, 1, null, Ct)).Value!;
        var api = new CoverageResponse(1, report.RootUnitId, [.. report.Items.Select(CoverageItemDto.From)]);
        var top = api.Items[0].Subtree;
        var shortUnits = api.Items.Where(i => i.NeedStatedBy is not null && i.Shortfall > 0).ToList();
        figures.GetAttribute("data-need").ShouldBe(top.Need.ToString(System.Globalization.CultureInfo.InvariantCulture));
        figures.GetAttribute("data-covered").ShouldBe(top.Covered.ToString(System.Globalization.CultureInfo.InvariantCulture));
        figures.GetAttribute("data-short-units").ShouldBe(shortUnits.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        figures.GetAttribute("data-short-by").ShouldBe(shortUnits.Sum(i => i.Shortfall).ToString(System.Globalization.CultureInfo.InvariantCulture));
        top.Need.ShouldBe(90);
        page.Find($"[data-testid='short-{OfficeOfTheCommittee}']").TextContent.ShouldContain("thiếu 15 / cần 80");
        page.Find("[data-testid='dashboard-sentence']").TextContent.ShouldContain("cần 90 máy tính (2 trên ");
        page.FindAll("[data-testid='groups-chart'] svg").ShouldNotBeEmpty();
        page.Find("[data-testid='chart-partial']").TextContent.ShouldContain("12 trên");
    }

    [Fact]
    public async Task A_district_splits_its_share_evenly_when_no_one_states_a_need_and_applies_it_as_one_batch()
    {
        int caoLanh;
        await using (var db = await Database.Factory.CreateDbContextAsync(Ct))
        {
            caoLanh = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Units.Where(u => u.Code == "866").Select(u => u.Id), Ct);
        }

        (await Services.GetRequiredService<Application.Allocations.QuantityService>().ChangeAsync(
            Admin, new Application.Allocations.ChangeQuantity(1, caoLanh, 300, "Giao cho thành phố"), Ct)).Succeeded.ShouldBeTrue();
        SignInAsAdmin();
        var page = Render<UnitNeedsPage>(p => p.Add(x => x.PlanId, 1).Add(x => x.UnitId, caoLanh));

        page.WaitForElement("[data-testid='split-fallback']").TextContent.ShouldContain("Chia đều");
        page.Find("[data-testid='split-total']").TextContent.ShouldBe("300");

        page.Find("input[data-testid='split-reason']").Change("Chia đều cho các đơn vị");
        page.Find("button[data-testid='apply-split']").Click();

        page.WaitForAssertion(() => page.Find("[data-testid='own-allocated']").TextContent.ShouldBe("0"));
        var line = (await Services.GetRequiredService<CoverageQuery>().ForUnitsAsync(Admin, 1, [caoLanh], Ct)).Value![caoLanh];
        (line.Own.Allocated, line.Subtree.Allocated).ShouldBe((0, 300), "the whole share is handed on, nothing more");
        page.FindAll("[data-testid='split-problem']").ShouldBeEmpty();
    }

    [Fact]
    public void A_unit_viewer_sees_their_own_unit_and_is_refused_another_one()
    {
        UseCulture("vi-VN");
        _auth.SetAuthorized("vanphonghdnd");
        _auth.SetRoles(nameof(PortalRole.UnitViewer));
        _auth.SetClaims(new System.Security.Claims.Claim(Web.Auth.Callers.ScopeUnitClaim, "3"));
        Render<MudPopoverProvider>();
        Render<MudSnackbarProvider>();

        var own = Render<UnitNeedsPage>(p => p.Add(x => x.PlanId, 1).Add(x => x.UnitId, 3));
        own.WaitForElement("[data-testid='need-editor']");
        own.FindAll("[data-testid='apply-split']").ShouldBeEmpty("a unit viewer changes no quantity");

        var other = Render<UnitNeedsPage>(p => p.Add(x => x.PlanId, 1).Add(x => x.UnitId, OfficeOfTheCommittee));
        other.WaitForElement("[data-testid='unit-need-problem']").TextContent.ShouldNotBeNullOrWhiteSpace();
        other.FindAll("[data-testid='need-editor']").ShouldBeEmpty();
    }

    [Fact]
    public async Task The_district_workspace_shows_each_units_need_and_shortfall()
    {
        int caoLanh, ward;
        await using (var db = await Database.Factory.CreateDbContextAsync(Ct))
        {
            caoLanh = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Units.Where(u => u.Code == "866").Select(u => u.Id), Ct);
            ward = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstAsync(db.Units.Where(u => u.ParentId == caoLanh).OrderBy(u => u.Id).Select(u => u.Id), Ct);
        }

        await StateAsync(ward, 12);
        SignInAsAdmin();

        var page = Render<Web.Components.Pages.Districts.DistrictWorkspacePage>(p => p.Add(x => x.PlanId, 1).Add(x => x.DistrictId, caoLanh));

        page.WaitForElement($"[data-testid='unit-need-{ward}']").TextContent.ShouldBe("12");
        page.Find($"a[data-testid='needs-{ward}']").GetAttribute("href").ShouldBe($"/plans/1/units/{ward}/needs");
    }

    [Fact]
    public void The_bar_chart_keeps_the_units_that_need_most_in_the_official_order()
    {
        static Web.Components.Needs.CoverageGroup Group(int id, int need, int allocated) => new(id, $"Đơn vị {id}", new Domain.Needs.CoverageFigures(need, allocated, 0, need > 0 ? 1 : 0));
        var groups = Enumerable.Range(1, 20).Select(i => Group(i, i % 5 == 0 ? 100 + i : 0, i)).ToList();

        var shown = Web.Components.Needs.NeedsDashboard.ChartGroups(groups);

        shown.Select(g => g.UnitId).ShouldBe([5, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20], "the four that need, then the eight that hold most, in the official order");
        Web.Components.Needs.NeedsDashboard.ChartGroups(groups.Take(12).ToList()).Count.ShouldBe(12);
    }
}
