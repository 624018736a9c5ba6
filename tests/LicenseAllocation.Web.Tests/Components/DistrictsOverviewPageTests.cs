using Bunit;
using Bunit.TestDoubles;
using LicenseAllocation.Application.Identity;
using LicenseAllocation.Web.Components.Pages.Districts;
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
    public void A_district_officer_is_told_the_overview_is_not_for_them()
    {
        UseCulture("vi-VN");
        _auth.SetAuthorized("caolanh");
        _auth.SetRoles(nameof(PortalRole.DistrictOfficer));

        var page = Render<DistrictsOverviewPage>(p => p.Add(o => o.PlanId, 1));

        page.WaitForAssertion(() => page.Find("[data-testid='districts-problem']").TextContent.ShouldContain("không có quyền"));
        page.FindAll("[data-testid='districts-overview']").ShouldBeEmpty();
    }
}
