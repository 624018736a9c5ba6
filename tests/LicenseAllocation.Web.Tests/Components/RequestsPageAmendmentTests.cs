using System.Globalization;
using Bunit;
using Bunit.TestDoubles;
using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Identity;
using LicenseAllocation.Application.Plans;
using LicenseAllocation.Domain.Plans;
using LicenseAllocation.Web.Components.Pages.Requests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Shouldly;

namespace LicenseAllocation.Web.Tests.Components;

/// <summary>The requests page of a published plan that is being amended sends its readers to the amendment's requests.</summary>
public sealed class RequestsPageAmendmentTests : ComponentTestContext
{
    private static readonly Caller Admin = new("admin", PortalRole.ProvinceAdmin);
    private BunitAuthorizationContext _auth = default!;

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    protected override void AddServices() => _auth = AddAuthorization();

    private IRenderedComponent<RequestsPage> RenderForTheAdministrator()
    {
        UseCulture("vi-VN");
        _auth.SetAuthorized(Admin.UserName);
        _auth.SetRoles(nameof(PortalRole.ProvinceAdmin));
        Render<MudPopoverProvider>();
        Render<MudSnackbarProvider>();
        return Render<RequestsPage>(p => p.Add(x => x.PlanId, 1));
    }

    [Fact]
    public async Task A_plan_under_amendment_says_its_requests_moved_and_links_to_the_amendments_requests()
    {
        await using (var db = await Database.Factory.CreateDbContextAsync(Ct))
        {
            await db.Plans.Where(p => p.Id == 1).ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, PlanStatus.Published), Ct);
        }

        var amendment = (await Services.GetRequiredService<PlanVersions>().CreateAmendmentAsync(Admin, 1, Ct)).Value!;

        var page = RenderForTheAdministrator();

        var note = page.WaitForElement("[data-testid='requests-amendment-note']");
        note.TextContent.ShouldContain("các đề nghị chưa quyết định đã chuyển sang bản điều chỉnh");
        page.Find("[data-testid='requests-amendment-link']").GetAttribute("href")
            .ShouldBe(string.Create(CultureInfo.InvariantCulture, $"/plans/{amendment.Id}/requests"));
    }

    [Fact]
    public void A_draft_plan_shows_no_amendment_note()
    {
        var page = RenderForTheAdministrator();

        page.WaitForElement("[data-testid='requests-title']");
        page.FindAll("[data-testid='requests-amendment-note']").ShouldBeEmpty();
    }
}
