using Bunit;
using Bunit.TestDoubles;
using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Identity;
using LicenseAllocation.Application.Plans;
using LicenseAllocation.Web.Components.Pages.Plans;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace LicenseAllocation.Web.Tests.Components;

public sealed class PlanListPageTests : ComponentTestContext
{
    private static readonly Caller Admin = new("admin", PortalRole.ProvinceAdmin);
    private BunitAuthorizationContext _auth = default!;

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    protected override void AddServices() => _auth = AddAuthorization();

    /// <summary>The 2020 plan published (version 1) and its amendment as a draft (version 2).</summary>
    private async Task<int> PublishAndAmendAsync()
    {
        (await Services.GetRequiredService<PlanPublication>().PublishAsync(Admin, new PublishPlan(1, "12/STTTT-CNTT", new DateOnly(2021, 1, 5), "Giám đốc"), Ct))
            .Succeeded.ShouldBeTrue();
        var amendment = await Services.GetRequiredService<PlanVersions>().CreateAmendmentAsync(Admin, 1, Ct);
        amendment.Succeeded.ShouldBeTrue();
        return amendment.Value!.Id;
    }

    private IRenderedComponent<PlanListPage> RenderAs(string user, PortalRole role)
    {
        _auth.SetAuthorized(user);
        _auth.SetRoles(role.ToString());
        var page = Render<PlanListPage>();
        page.WaitForElement("[data-testid='plan-list']");
        return page;
    }

    [Theory]
    [InlineData("vi-VN", "Đã ban hành", "Dự thảo", "có điều chỉnh", "Phiên bản 2", "Kế hoạch phân bổ bản quyền")]
    [InlineData("en-US", "Published", "Draft", "amended by", "Version 2", "Licence allocation plans")]
    public async Task Each_plan_is_listed_with_its_status_and_its_versions(
        string culture, string published, string draft, string amendedBy, string version2, string title)
    {
        UseCulture(culture);
        var amendment = await PublishAndAmendAsync();

        var page = RenderAs("admin", PortalRole.ProvinceAdmin);

        page.FindAll("[data-testid^='plan-row-']").Count.ShouldBe(2);
        page.Find("[data-testid='plan-status-1']").TextContent.ShouldBe(published);
        page.Find($"[data-testid='plan-status-{amendment}']").TextContent.ShouldBe(draft);
        page.Find("[data-testid='plan-version-1']").TextContent.ShouldSatisfyAllConditions(
            text => text.ShouldContain(amendedBy),
            text => text.ShouldContain(version2));
        page.Find($"[data-testid='amends-{amendment}']").GetAttribute("href").ShouldBe("/plans/1");
        page.Find("h1").TextContent.ShouldBe(title);
    }

    [Fact]
    public void The_figures_are_written_the_Vietnamese_way()
    {
        UseCulture("vi-VN");

        var page = RenderAs("admin", PortalRole.ProvinceAdmin);

        page.Find("[data-testid='plan-row-1']").TextContent.ShouldContain("5.137");
        page.Find("[data-testid='plan-link-1']").GetAttribute("href").ShouldBe("/plans/1");
    }
}
