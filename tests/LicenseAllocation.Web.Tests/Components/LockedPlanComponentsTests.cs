using System.Security.Claims;
using Bunit;
using Bunit.TestDoubles;
using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Allocations;
using LicenseAllocation.Application.Decisions;
using LicenseAllocation.Application.Identity;
using LicenseAllocation.Application.Plans;
using LicenseAllocation.Web.Auth;
using LicenseAllocation.Web.Components.Allocation;
using LicenseAllocation.Web.Components.Pages.Districts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Shouldly;

namespace LicenseAllocation.Web.Tests.Components;

/// <summary>Where a plan or a level is locked the editing controls are gone and editors are told why.</summary>
public sealed class LockedPlanComponentsTests : ComponentTestContext
{
    private static readonly Caller Admin = new("admin", PortalRole.ProvinceAdmin);
    private BunitAuthorizationContext _auth = default!;

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    protected override void AddServices() => _auth = AddAuthorization();

    [Fact]
    public async Task The_tree_of_a_locked_plan_has_no_edit_buttons_and_says_why()
    {
        UseCulture("vi-VN");
        Render<MudPopoverProvider>();

        var tree = Render<AllocationTree>(p => p.Add(t => t.PlanId, 1).Add(t => t.Caller, Admin).Add(t => t.Locked, true));
        tree.WaitForAssertion(() => tree.FindAll("tr[data-testid^='row-']").ShouldNotBeEmpty());

        tree.FindAll("button[data-testid^='edit-']").ShouldBeEmpty();
        tree.Find("[data-testid='locked-explanation']").TextContent.ShouldContain("phiên bản mới nhất");
    }

    [Fact]
    public async Task The_tree_of_a_draft_offers_editing_without_the_explanation()
    {
        UseCulture("vi-VN");
        Render<MudPopoverProvider>();

        var tree = Render<AllocationTree>(p => p.Add(t => t.PlanId, 1).Add(t => t.Caller, Admin));
        tree.WaitForAssertion(() => tree.FindAll("tr[data-testid^='row-']").ShouldNotBeEmpty());

        tree.FindAll("button[data-testid^='edit-']").ShouldNotBeEmpty();
        tree.FindAll("[data-testid='locked-explanation']").ShouldBeEmpty();
    }

    [Fact]
    public async Task After_the_provinces_letter_a_district_officer_still_allocates_in_the_workspace()
    {
        var caoLanh = await PublishUpToAsync(districtDecision: false);

        var page = RenderWorkspaceAs(caoLanh);

        page.WaitForAssertion(() => page.Find("[data-testid='begin-bulk-edit']").ShouldNotBeNull());
        page.FindAll("[data-testid='workspace-locked']").ShouldBeEmpty();
        page.Find("[data-testid='district-decision'] [data-testid='decision-status']").TextContent.ShouldBe("Dự thảo");
        page.Find("[data-testid='district-decision'] button[data-testid='publish-decision']").ShouldNotBeNull();
    }

    [Fact]
    public async Task A_district_officer_finds_the_workspace_read_only_with_the_reason_once_the_district_has_published()
    {
        var caoLanh = await PublishUpToAsync(districtDecision: true);

        var page = RenderWorkspaceAs(caoLanh);

        page.WaitForAssertion(() => page.Find("[data-testid='workspace-locked']").TextContent.ShouldContain("Quyết định phân bổ của đơn vị đã ban hành"));
        page.Find("[data-testid='district-decision'] [data-testid='decision-status']").TextContent.ShouldBe("Đã ban hành");
        page.Find("[data-testid='district-decision'] [data-testid='decision-reference']").TextContent.ShouldContain("15/QĐ-UBND");
        page.Find("[data-testid='district-decision'] button[data-testid='amend-decision']").ShouldNotBeNull();
        page.FindAll("[data-testid='begin-bulk-edit']").ShouldBeEmpty();
        page.FindAll("[data-testid='open-add-unit']").ShouldBeEmpty();
        page.FindAll("button[data-testid^='rename-']").ShouldBeEmpty();
        page.Find("[data-testid='district-quota']").TextContent.ShouldBe("300");
    }

    /// <summary>Gives Cao Lãnh 300, publishes the province's letter and its detailed allocation, and (when asked) Cao Lãnh's own decision.</summary>
    private async Task<int> PublishUpToAsync(bool districtDecision)
    {
        UseCulture("vi-VN");
        int caoLanh, group;
        await using (var db = await Database.Factory.CreateDbContextAsync(Ct))
        {
            caoLanh = await db.Units.Where(u => u.Code == "866").Select(u => u.Id).SingleAsync(Ct);
            group = await db.Units.Where(u => u.Kind == LicenseAllocation.Domain.Units.UnitKind.DistrictGroup).Select(u => u.Id).SingleAsync(Ct);
        }

        await Services.GetRequiredService<QuantityService>().ChangeAsync(Admin, new ChangeQuantity(1, caoLanh, 300, "Giao cho thành phố"), Ct);
        (await Services.GetRequiredService<PlanPublication>().PublishAsync(Admin, new PublishPlan(1, "12/STTTT-CNTT", new DateOnly(2021, 1, 5), "Giám đốc"), Ct))
            .Succeeded.ShouldBeTrue();
        var decisions = Services.GetRequiredService<DecisionPublication>();
        (await decisions.PublishAsync(Admin, new PublishDecision(1, group, "20/STTTT-CNTT", new DateOnly(2021, 1, 20), "Giám đốc"), Ct)).Succeeded.ShouldBeTrue();
        if (districtDecision)
        {
            (await decisions.PublishAsync(Admin, new PublishDecision(1, caoLanh, "15/QĐ-UBND", new DateOnly(2021, 2, 1), "Chủ tịch"), Ct)).Succeeded.ShouldBeTrue();
        }

        return caoLanh;
    }

    private IRenderedComponent<DistrictWorkspacePage> RenderWorkspaceAs(int caoLanh)
    {
        _auth.SetAuthorized("caolanh");
        _auth.SetRoles(nameof(PortalRole.DistrictOfficer));
        _auth.SetClaims(new Claim(Callers.ScopeUnitClaim, caoLanh.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Render<MudPopoverProvider>();
        Render<MudSnackbarProvider>();
        return Render<DistrictWorkspacePage>(p => p.Add(w => w.PlanId, 1).Add(w => w.DistrictId, caoLanh));
    }
}
