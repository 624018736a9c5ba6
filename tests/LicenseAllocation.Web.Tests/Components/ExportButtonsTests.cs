using System.Globalization;
using System.Security.Claims;
using Bunit;
using Bunit.TestDoubles;
using LicenseAllocation.Application.Districts;
using LicenseAllocation.Application.Exports;
using LicenseAllocation.Application.Identity;
using LicenseAllocation.Domain.Units;
using LicenseAllocation.Testing;
using LicenseAllocation.Web.Auth;
using LicenseAllocation.Web.Localization;
using LicenseAllocation.Web.Resources;
using LicenseAllocation.Web.Components.Districts;
using LicenseAllocation.Web.Components.Pages.Districts;
using LicenseAllocation.Web.Components.Pages.Plans;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using MudBlazor;
using Shouldly;

namespace LicenseAllocation.Web.Tests.Components;

/// <summary>Where each workbook is downloaded from: the buttons link to the API endpoints that serve them.</summary>
public sealed class ExportButtonsTests : ComponentTestContext
{
    private BunitAuthorizationContext _auth = default!;

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    protected override void AddServices() => _auth = AddAuthorization();

    [Fact]
    public void The_plan_page_offers_the_appendix_and_the_list_of_all_units()
    {
        SignIn(PortalRole.ProvinceAdmin);

        var page = Render<PlanPage>(p => p.Add(o => o.PlanId, 1));

        page.WaitForAssertion(() => Href(page, "export-unit-list").ShouldBe("/api/v1/plans/1/export.xlsx"));
        Href(page, "export-appendix").ShouldBe("/api/v1/plans/1/appendix.xlsx");
        page.Find("[data-testid='export-unit-list']").TextContent.ShouldContain("Xuất danh sách đơn vị (Excel)");
    }

    [Fact]
    public async Task A_unit_viewer_is_not_offered_a_drafts_appendix_but_still_the_list_of_its_units()
    {
        SignIn(PortalRole.UnitViewer, (await DistrictIdsAsync())[0]);

        var page = Render<PlanPage>(p => p.Add(o => o.PlanId, 1));

        page.WaitForAssertion(() => Href(page, "export-unit-list").ShouldBe("/api/v1/plans/1/export.xlsx"));
        page.FindAll("[data-testid='export-appendix']").ShouldBeEmpty();
    }

    [Fact]
    public async Task The_districts_overview_offers_the_whole_workbook_and_each_district_alone()
    {
        var districts = await DistrictIdsAsync();
        SignIn(PortalRole.ProvinceAdmin);

        var page = Render<DistrictsOverviewPage>(p => p.Add(o => o.PlanId, 1));

        page.WaitForAssertion(() => Href(page, "export-districts").ShouldBe("/api/v1/plans/1/districts.xlsx"));
        Href(page, "export-districts-pdf").ShouldBe("/api/v1/plans/1/districts.pdf");
        page.FindAll("[data-testid^='export-district-']").Count.ShouldBe(SeedFacts.Districts);
        foreach (var id in districts)
        {
            Href(page, $"export-district-{id}").ShouldBe($"/api/v1/plans/1/districts/{id}.xlsx");
        }
    }

    [Fact]
    public async Task A_district_officer_downloads_their_district_from_its_workspace()
    {
        var caoLanh = (await DistrictIdsAsync())[0];
        SignIn(PortalRole.DistrictOfficer, caoLanh);
        Render<MudPopoverProvider>();

        var page = Render<DistrictWorkspacePage>(p => p.Add(w => w.PlanId, 1).Add(w => w.DistrictId, caoLanh));

        page.WaitForAssertion(() => Href(page, "export-district").ShouldBe($"/api/v1/plans/1/districts/{caoLanh}.xlsx"));
    }

    [Fact]
    public void Workbooks_name_kinds_and_statuses_in_the_words_of_the_portal()
    {
        UseCulture("vi-VN");

        var text = Services.GetRequiredService<IStringLocalizer<Common>>();
        foreach (var kind in Enum.GetValues<UnitKind>())
        {
            VietnameseLabels.Kind(kind).ShouldBe(text.Of(kind));
        }

        foreach (var status in Enum.GetValues<AllocationStatus>())
        {
            Render<AllocationStatusChip>(p => p.Add(c => c.Status, status)).Find("[data-testid='status-chip']").TextContent.Trim()
                .ShouldBe(VietnameseLabels.Status(status));
        }
    }

    private void SignIn(PortalRole role, int? scope = null)
    {
        UseCulture("vi-VN");
        _auth.SetAuthorized("nguoi-dung");
        _auth.SetRoles(role.ToString());
        if (scope is { } unit)
        {
            _auth.SetClaims(new Claim(Callers.ScopeUnitClaim, unit.ToString(CultureInfo.InvariantCulture)));
        }
    }

    private async Task<List<int>> DistrictIdsAsync()
    {
        await using var db = await Database.Factory.CreateDbContextAsync(Ct);
        return await db.Units.Where(u => u.Kind == UnitKind.DistrictCommittee).OrderBy(u => u.Order).Select(u => u.Id).ToListAsync(Ct);
    }

    private static string? Href(IRenderedComponent<Microsoft.AspNetCore.Components.IComponent> page, string testId) =>
        page.Find($"[data-testid='{testId}']").GetAttribute("href");
}
