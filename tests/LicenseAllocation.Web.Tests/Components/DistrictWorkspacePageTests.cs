using System.Security.Claims;
using Bunit;
using Bunit.TestDoubles;
using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Allocations;
using LicenseAllocation.Application.Identity;
using LicenseAllocation.Web.Auth;
using LicenseAllocation.Web.Components.Pages.Districts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Shouldly;

namespace LicenseAllocation.Web.Tests.Components;

public sealed class DistrictWorkspacePageTests : ComponentTestContext
{
    private int _caoLanh;
    private BunitAuthorizationContext _auth = default!;

    protected override void AddServices() => _auth = AddAuthorization();

    private async Task<IRenderedComponent<DistrictWorkspacePage>> RenderAsOfficerAsync()
    {
        UseCulture("vi-VN");
        await using (var db = await Database.Factory.CreateDbContextAsync(Xunit.TestContext.Current.CancellationToken))
        {
            _caoLanh = await db.Units.Where(u => u.Code == "866").Select(u => u.Id).SingleAsync(Xunit.TestContext.Current.CancellationToken);
        }

        await Services.GetRequiredService<QuantityService>().ChangeAsync(
            new Caller("admin", PortalRole.ProvinceAdmin), new ChangeQuantity(1, _caoLanh, 300, "Giao cho thành phố"), Xunit.TestContext.Current.CancellationToken);
        _auth.SetAuthorized("caolanh");
        _auth.SetRoles(nameof(PortalRole.DistrictOfficer));
        _auth.SetClaims(new Claim(Callers.ScopeUnitClaim, _caoLanh.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Render<MudPopoverProvider>();
        Render<MudSnackbarProvider>();
        return Render<DistrictWorkspacePage>(p => p.Add(w => w.PlanId, 1).Add(w => w.DistrictId, _caoLanh));
    }

    [Fact]
    public async Task An_officer_adds_an_agency_of_their_own_and_it_appears_at_0()
    {
        var page = await RenderAsOfficerAsync();
        page.WaitForElement("[data-testid='open-add-unit']").Click();

        page.Find("input[data-testid='new-unit-name']").Input("Trung tâm Y tế thành phố");
        page.Find("button[data-testid='save-new-unit']").Click();

        page.WaitForAssertion(() => page.Find("[data-unit-name='Trung tâm Y tế thành phố']").TextContent.ShouldContain("Cơ quan cấp huyện"));
    }

    [Fact]
    public async Task An_officer_deactivates_a_commune_that_holds_nothing()
    {
        var page = await RenderAsOfficerAsync();
        var ward11 = page.WaitForElement("[data-unit-name='Phường 11']").GetAttribute("data-testid")!["unit-".Length..];

        page.Find($"button[data-testid='toggle-active-{ward11}']").Click();

        page.WaitForAssertion(() => page.Find($"[data-testid='unit-{ward11}'] [data-testid='inactive-chip']").TextContent.ShouldContain("Ngừng hoạt động"));
    }
}
