using Bunit;
using Bunit.TestDoubles;
using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Identity;
using LicenseAllocation.Application.Reorganisations;
using LicenseAllocation.Web.Components.Pages.Auditing;
using LicenseAllocation.Web.Components.Pages.Reorganisations;
using LicenseAllocation.Web.Components.Reorganisations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace LicenseAllocation.Web.Tests.Components;

/// <summary>The 2025 reorganisation of Đồng Tháp in the portal: its record, the successor wizard, lineage and the tree by date.</summary>
public sealed class ReorganisationPagesTests : ComponentTestContext
{
    private BunitAuthorizationContext _auth = default!;
    private int _reorganisationId;

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    protected override void AddServices() => _auth = AddAuthorization();

    // The culture is set again in each test's own flow after this: one set inside an async method does not flow back.
    private async Task SeedAsync()
    {
        (await Services.GetRequiredService<DongThap2025Seeder>().SeedAsync(Ct)).ShouldBeTrue();
        await using var db = await Database.Factory.CreateDbContextAsync(Ct);
        _reorganisationId = await db.Reorganisations.Select(r => r.Id).SingleAsync(Ct);
    }

    private void SignIn(PortalRole role)
    {
        _auth.SetAuthorized(role.ToString().ToLowerInvariant());
        _auth.SetRoles(role.ToString());
    }

    [Fact]
    public async Task The_list_shows_the_reorganisation_with_its_date_and_legal_basis()
    {
        await SeedAsync();
        UseCulture("vi-VN");
        SignIn(PortalRole.Auditor);

        var page = Render<ReorganisationsPage>();
        page.WaitForElement("[data-testid='reorganisation-list']");

        var row = page.Find($"[data-testid='reorganisation-row-{_reorganisationId}']");
        row.TextContent.ShouldContain(DongThap2025Seeder.Name);
        row.TextContent.ShouldContain(DongThap2025Seeder.LegalBasis);
        page.Find($"[data-testid='reorganisation-date-{_reorganisationId}']").TextContent.ShouldBe("01/07/2025");
        page.Find($"[data-testid='reorganisation-units-{_reorganisationId}']").TextContent.ShouldBe("117");
    }

    [Fact]
    public void Without_a_reorganisation_the_list_says_so()
    {
        UseCulture("vi-VN");
        SignIn(PortalRole.ProvinceAdmin);

        var page = Render<ReorganisationsPage>();

        page.WaitForElement("[data-testid='no-reorganisation']").TextContent.ShouldBe("Chưa ghi nhận đợt sắp xếp nào.");
    }

    [Theory]
    [InlineData(PortalRole.ProvinceAdmin, 1)]
    [InlineData(PortalRole.Auditor, 0)]
    public async Task Only_the_administrator_is_offered_the_successor_plan(PortalRole role, int buttons)
    {
        await SeedAsync();
        UseCulture("vi-VN");
        SignIn(role);

        var page = Render<ReorganisationPage>(p => p.Add(x => x.ReorganisationId, _reorganisationId));
        page.WaitForElement("[data-testid='reorganisation-summary']");

        page.Find("[data-testid='reorganisation-effective']").TextContent.ShouldBe("01/07/2025");
        page.Find("[data-testid='reorganisation-legal-basis']").TextContent.ShouldBe(DongThap2025Seeder.LegalBasis);
        page.FindAll("[data-testid='create-successor']").Count.ShouldBe(buttons);
        page.Find("[data-testid='reorganisation-summary']").TextContent.ShouldContain("kết thúc ngày 30/06/2025");
    }

    [Fact]
    public async Task A_split_commune_is_shown_as_taken_over_in_part()
    {
        await SeedAsync();
        UseCulture("vi-VN");
        SignIn(PortalRole.Auditor);

        var page = Render<ReorganisationPage>(p => p.Add(x => x.ReorganisationId, _reorganisationId));
        page.WaitForElement("[data-testid='reorganisation-units']");

        page.FindAll("[data-testid^='formed-from-']").Any(c => c.TextContent.Contains("một phần", StringComparison.Ordinal)).ShouldBeTrue();
        page.FindAll("[data-testid^='formed-from-']").Any(c => c.TextContent.Contains("chưa xác nhận", StringComparison.Ordinal)).ShouldBeTrue();
    }

    [Fact]
    public async Task An_unknown_reorganisation_is_not_found()
    {
        await SeedAsync();
        UseCulture("vi-VN");
        SignIn(PortalRole.ProvinceAdmin);

        var page = Render<ReorganisationPage>(p => p.Add(x => x.ReorganisationId, 999));

        page.WaitForElement("[data-testid='reorganisation-problem']");
    }

    [Fact]
    public async Task The_wizard_reconciles_waits_for_the_open_links_then_creates_the_plan()
    {
        await SeedAsync();
        UseCulture("vi-VN");
        SignIn(PortalRole.ProvinceAdmin);

        var page = Render<SuccessorPlanPage>(p => p.Add(x => x.ReorganisationId, _reorganisationId));
        var reconciliation = page.WaitForElement("[data-testid='successor-reconciliation']");

        reconciliation.TextContent.ShouldContain("tổng cũ 5.137");
        reconciliation.TextContent.ShouldContain("Không có bản quyền nào phát sinh hay bị mất.");
        page.Find("[data-testid='successor-create']").HasAttribute("disabled").ShouldBeTrue();
        page.Find("[data-testid='open-links-left']");

        page.Find("[data-testid='confirm-all-links']").Click();
        page.WaitForAssertion(() => page.FindAll("[data-testid='open-links-left']").ShouldBeEmpty());
        page.Find("[data-testid='successor-create']").Click();

        page.WaitForElement("[data-testid='successor-created']").TextContent.ShouldContain("Đã tạo kế hoạch");
        var created = await Services.GetRequiredService<Application.Plans.PlanQueries>().ListAsync(new Caller("admin", PortalRole.ProvinceAdmin), Ct);
        var plan = created.Value!.Single(p => p.Id != 1); // the year defaults to this year
        plan.TotalLicenses.ShouldBe(5137);
        page.Find("[data-testid='open-successor-plan']").GetAttribute("href").ShouldBe($"/plans/{plan.Id}");
    }

    [Fact]
    public async Task Dropping_a_link_leaves_the_old_units_licences_with_the_province()
    {
        await SeedAsync();
        UseCulture("vi-VN");
        SignIn(PortalRole.ProvinceAdmin);
        var page = Render<SuccessorPlanPage>(p => p.Add(x => x.ReorganisationId, _reorganisationId));
        page.WaitForElement("[data-testid='successor-reconciliation']");
        var before = page.FindAll("[data-testid^='not-placed-']").Count;

        page.FindAll("[data-testid^='drop-link-']")[0].Click();

        page.WaitForAssertion(() => page.FindAll("[data-testid^='link-decision-']")[0].TextContent.ShouldBe("Không tiếp nhận"));
        page.Find("[data-testid='successor-reconciliation']").TextContent.ShouldContain("Không có bản quyền nào phát sinh hay bị mất.");
        page.FindAll("[data-testid^='not-placed-']").Count.ShouldBeGreaterThanOrEqualTo(before);
    }

    [Fact]
    public async Task A_units_history_leads_to_its_lineage_and_the_lineage_leads_back_to_that_history()
    {
        await SeedAsync();
        UseCulture("vi-VN");
        SignIn(PortalRole.Auditor);
        await using var db = await Database.Factory.CreateDbContextAsync(Ct);
        var caoLanh = await db.Units.Where(u => u.Code == "866").Select(u => u.Id).SingleAsync(Ct);

        var history = Render<UnitHistoryPage>(p => p.Add(h => h.PlanId, 1).Add(h => h.UnitId, caoLanh));
        var toLineage = history.WaitForElement("[data-testid='history-lineage']");
        toLineage.GetAttribute("href").ShouldBe($"/units/{caoLanh}/lineage?planId=1");
        toLineage.TextContent.Trim().ShouldBe("Nguồn gốc và kế thừa");

        var alone = Render<UnitLineagePage>(p => p.Add(x => x.UnitId, caoLanh));
        alone.WaitForElement("[data-testid='lineage-unit']");
        alone.FindAll("[data-testid='lineage-history']").ShouldBeEmpty();

        Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>().NavigateTo($"/units/{caoLanh}/lineage?planId=1");
        var lineage = Render<UnitLineagePage>(p => p.Add(x => x.UnitId, caoLanh));
        lineage.WaitForElement("[data-testid='lineage-history']").GetAttribute("href").ShouldBe($"/plans/1/units/{caoLanh}/history");
    }

    [Fact]
    public async Task A_new_commune_shows_where_it_came_from()
    {
        await SeedAsync();
        UseCulture("vi-VN");
        SignIn(PortalRole.UnitViewer);
        await using var db = await Database.Factory.CreateDbContextAsync(Ct);
        var commune = await db.ReorganisationLinks.Where(l => l.OldUnitId != null).Select(l => l.NewUnitId).FirstAsync(Ct);
        var old = await db.ReorganisationLinks.Where(l => l.NewUnitId == commune && l.OldUnitId != null).Select(l => l.OldUnitId!.Value).FirstAsync(Ct);

        var page = Render<UnitLineagePage>(p => p.Add(x => x.UnitId, commune));
        page.WaitForElement("[data-testid='predecessors']").TextContent.ShouldContain("01/07/2025");
        page.Find("[data-testid='lineage-valid']").TextContent.ShouldContain("từ 01/07/2025");

        var before = Render<UnitLineagePage>(p => p.Add(x => x.UnitId, old));
        before.WaitForElement("[data-testid='successors']").TextContent.ShouldContain(DongThap2025Seeder.LegalBasis);
        before.Find("[data-testid='lineage-valid']").TextContent.ShouldContain("đến 30/06/2025");
    }

    [Theory]
    [InlineData(2025, 6, 30, "Ngày 30/06/2025")]
    [InlineData(2025, 7, 1, "Ngày 01/07/2025: 117 đơn vị")]
    public async Task The_tree_shows_the_units_that_existed_on_the_day(int year, int month, int day, string count)
    {
        await SeedAsync();
        UseCulture("vi-VN");
        var structure = await Services.GetRequiredService<StructureOnDay>().GetAsync(new Caller("kiem-tra", PortalRole.Auditor), new DateOnly(year, month, day), Ct);

        var view = Render<StructureOnDayView>(p => p.Add(x => x.Structure, structure.Value!).Add(x => x.Day, structure.Value!.Day));

        view.Find("[data-testid='structure-count']").TextContent.ShouldContain(count);
        structure.Value!.Provinces.ShouldBe(1);
        view.FindAll("[data-testid^='structure-unit-']").Count.ShouldBeGreaterThan(0);
    }
}
