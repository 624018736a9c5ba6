using Bunit;
using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Allocations;
using LicenseAllocation.Application.Identity;
using LicenseAllocation.Application.Plans;
using LicenseAllocation.Web.Components.Pages.Plans;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Shouldly;

namespace LicenseAllocation.Web.Tests.Components;

public sealed class ComparePageTests : ComponentTestContext
{
    private static readonly Caller Admin = new("admin", PortalRole.ProvinceAdmin);

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    protected override void AddServices() => AddAuthorization().SetAuthorized("admin").SetRoles(nameof(PortalRole.ProvinceAdmin));

    [Fact]
    public async Task The_page_lists_the_changed_units_with_signed_differences_and_the_totals()
    {
        UseCulture("vi-VN");
        await Services.GetRequiredService<PlanPublication>().PublishAsync(Admin, new PublishPlan(1, "12/STTTT-CNTT", new DateOnly(2021, 1, 5), "Giám đốc"), Ct);
        var amendment = (await Services.GetRequiredService<PlanVersions>().CreateAmendmentAsync(Admin, 1, Ct)).Value!;
        var quantities = Services.GetRequiredService<QuantityService>();
        await quantities.ChangeAsync(Admin, new ChangeQuantity(amendment.Id, 2, 60, "Giảm"), Ct);
        await quantities.ChangeAsync(Admin, new ChangeQuantity(amendment.Id, 3, 29, "Tăng"), Ct);
        Render<MudPopoverProvider>();

        var page = Render<ComparePage>(p => p.Add(c => c.PlanId, amendment.Id).Add(c => c.OtherPlanId, 1));

        page.WaitForAssertion(() => page.FindAll("tr[data-testid^='compare-row-']").Count.ShouldBe(2));
        page.Find("[data-testid='difference-2']").TextContent.ShouldBe("−5");
        page.Find("[data-testid='difference-3']").TextContent.ShouldBe("+5");
        page.Find("[data-testid='compare-total']").TextContent.ShouldBe("5.137");
        page.Find("[data-testid='compare-count']").TextContent.ShouldBe("2");
        page.Find("[data-testid='export-comparison']").GetAttribute("href").ShouldBe($"/api/v1/plans/{amendment.Id}/compare/1/export.xlsx");
    }
}
