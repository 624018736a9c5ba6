using Bunit;
using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Identity;
using LicenseAllocation.Application.Plans;
using LicenseAllocation.Domain.Plans;
using LicenseAllocation.Web.Components.Allocation;
using Shouldly;

namespace LicenseAllocation.Web.Tests.Components;

public sealed class PlanFiguresTests : ComponentTestContext
{
    private static readonly PlanSummary Plan = new(1, "Kế hoạch", 2020, null, PlanStatus.Draft, null, 1, 5137, 5130);
    private static readonly Caller Admin = new("admin", PortalRole.ProvinceAdmin);

    [Fact]
    public void Figures_use_the_Vietnamese_thousands_separator()
    {
        UseCulture("vi-VN");

        var figures = Render<PlanFigures>(p => p.Add(f => f.Plan, Plan).Add(f => f.Caller, Admin));

        figures.Find("[data-testid='plan-total']").TextContent.ShouldBe("5.137");
        figures.Find("[data-testid='plan-allocated']").TextContent.ShouldBe("5.130");
        figures.Find("[data-testid='plan-remaining']").TextContent.ShouldBe("7");
    }

    [Fact]
    public void Figures_use_the_English_separator_and_labels_in_English()
    {
        UseCulture("en-US");

        var figures = Render<PlanFigures>(p => p.Add(f => f.Plan, Plan).Add(f => f.Caller, Admin));

        figures.Find("[data-testid='plan-total']").TextContent.ShouldBe("5,137");
        figures.Markup.ShouldContain("Total licences");
    }

    [Fact]
    public void What_the_district_group_holds_is_shown_as_not_yet_handed_on_with_the_districts_still_open()
    {
        UseCulture("vi-VN");

        var figures = Render<PlanFigures>(p => p.Add(f => f.Plan, Plan).Add(f => f.Caller, Admin));

        figures.WaitForAssertion(() => figures.Find("[data-testid='plan-not-handed-on']").TextContent.ShouldBe("3.960"));
        figures.Markup.ShouldContain("Chưa giao xuống");
        figures.Markup.ShouldContain("12/12 huyện chưa phân bổ chi tiết");
    }
}
