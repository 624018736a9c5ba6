using System.Globalization;
using System.Security.Claims;
using Bunit;
using Bunit.TestDoubles;
using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Allocations;
using LicenseAllocation.Application.Identity;
using LicenseAllocation.Application.Plans;
using LicenseAllocation.Application.Requests;
using LicenseAllocation.Domain.Plans;
using LicenseAllocation.Domain.Requests;
using LicenseAllocation.Web.Auth;
using LicenseAllocation.Web.Components.Pages.Requests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Shouldly;

namespace LicenseAllocation.Web.Tests.Components;

/// <summary>The requests page: Phường 11 asks its district, Thành phố Cao Lãnh (10 licences to give), for more.</summary>
public sealed class RequestsPageTests : ComponentTestContext
{
    private static readonly Caller Admin = new("admin", PortalRole.ProvinceAdmin);
    private BunitAuthorizationContext _auth = default!;
    private int _caoLanh;
    private int _ward11;

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    private Caller Ward11Viewer => new("phuong11", PortalRole.UnitViewer, _ward11);

    protected override void AddServices() => _auth = AddAuthorization();

    private async Task GiveTheDistrictTenAsync()
    {
        await using (var db = await Database.Factory.CreateDbContextAsync(Ct))
        {
            _caoLanh = await db.Units.Where(u => u.Code == "866").Select(u => u.Id).SingleAsync(Ct);
            _ward11 = await db.Units.Where(u => u.Code == "29863").Select(u => u.Id).SingleAsync(Ct);
        }

        (await Services.GetRequiredService<QuantityService>().ChangeAsync(Admin, new ChangeQuantity(1, _caoLanh, 10, "Giao cho thành phố"), Ct)).Succeeded.ShouldBeTrue();
    }

    private IRenderedComponent<RequestsPage> RenderAs(string userName, PortalRole role, int scopeUnitId)
    {
        UseCulture("vi-VN");
        _auth.SetAuthorized(userName);
        _auth.SetRoles(role.ToString());
        _auth.SetClaims(new Claim(Callers.ScopeUnitClaim, scopeUnitId.ToString(CultureInfo.InvariantCulture)));
        Render<MudPopoverProvider>();
        Render<MudSnackbarProvider>();
        return Render<RequestsPage>(p => p.Add(x => x.PlanId, 1));
    }

    private async Task<RequestView> AskForFiveAsync() =>
        (await Services.GetRequiredService<RequestService>().SubmitAsync(Ward11Viewer, new SubmitRequest(1, _ward11, 5, "Phường có thêm 5 máy tính"), Ct)).Value!;

    private async Task<int> Ward11QuantityAsync() =>
        (await Services.GetRequiredService<TreeBrowsing>().GetNodesAsync(Admin, 1, [_ward11], Ct)).Value!.Single().Quantity;

    [Fact]
    public async Task A_communes_officer_asks_for_five_and_sees_the_request_waiting_for_a_decision()
    {
        await GiveTheDistrictTenAsync();
        var page = RenderAs("phuong11", PortalRole.UnitViewer, _ward11);

        page.WaitForElement("select[data-testid='request-unit'] option").TextContent.ShouldBe("Phường 11");
        page.Find("[data-testid='request-unit-figures']").TextContent.ShouldContain("Hiện được phân bổ 0 bản quyền");
        page.Find("input[data-testid='request-quantity']").Change("5");
        page.Find("textarea[data-testid='request-justification']").Change("Phường có thêm 5 máy tính");
        page.Find("button[data-testid='submit-request']").Click();

        page.WaitForAssertion(() => page.Find("[data-testid='request'] [data-testid='request-status']").GetAttribute("data-status").ShouldBe(nameof(RequestStatus.Submitted)));
        var item = page.Find("[data-testid='request']");
        item.QuerySelector("[data-testid='request-status']")!.TextContent.ShouldBe("Chờ quyết định");
        item.QuerySelector("[data-testid='request-requested']")!.TextContent.ShouldBe("5");
        item.QuerySelector("[data-testid='request-justification']")!.TextContent.ShouldContain("Phường có thêm 5 máy tính");
        item.QuerySelector("[data-testid='request-asked-by']")!.TextContent.ShouldContain("phuong11");
        page.FindAll("[data-testid='decision-form']").ShouldBeEmpty("the commune does not decide its own request");
        page.FindAll("[data-testid='withdraw']").Count.ShouldBe(1);
        var stored = (await Services.GetRequiredService<RequestService>().ListAsync(Admin, 1, new RequestFilter(), 1, Ct)).Value!.Items.ShouldHaveSingleItem();
        (stored.Requested, stored.Status, stored.RequestedBy).ShouldBe((5, RequestStatus.Submitted, "phuong11"));
    }

    [Fact]
    public async Task The_district_officer_approves_three_with_a_comment_and_exactly_three_are_posted()
    {
        await GiveTheDistrictTenAsync();
        var asked = await AskForFiveAsync();
        var before = await Ward11QuantityAsync();
        var page = RenderAs("caolanh", PortalRole.DistrictOfficer, _caoLanh);

        page.WaitForElement("button[data-testid='request-filter-todecide']").Click();
        page.WaitForElement("input[data-testid='decision-quantity']").GetAttribute("value").ShouldBe("5", "the approved quantity starts at the requested one");
        page.Find("input[data-testid='decision-quantity']").Change("3");
        page.Find("input[data-testid='decision-comment']").Change("Thành phố cân đối 3 bản quyền");
        page.Find("button[data-testid='decide']").Click();

        page.WaitForAssertion(() => page.FindAll("[data-testid='requests-empty']").Count.ShouldBe(1, "nothing is left to decide"));
        page.Find("button[data-testid='request-filter-all']").Click();
        page.WaitForAssertion(() => page.Find("[data-testid='request-status']").GetAttribute("data-status").ShouldBe(nameof(RequestStatus.PartiallyApproved)));
        page.Find("[data-testid='request-approved']").TextContent.ShouldBe("3");
        page.Find("[data-testid='request-posted']").TextContent.ShouldBe("3");
        page.Find("[data-testid='request-comment']").TextContent.ShouldContain("Thành phố cân đối 3 bản quyền");
        page.Find("[data-testid='request-decided-by']").TextContent.ShouldContain("caolanh");
        (await Ward11QuantityAsync()).ShouldBe(before + 3);
        (await Services.GetRequiredService<RequestService>().GetAsync(Admin, asked.Id, Ct)).Value!.Posted.ShouldBe(3);
    }

    [Fact]
    public async Task Rejecting_without_a_comment_is_refused_with_the_reason_and_changes_nothing()
    {
        await GiveTheDistrictTenAsync();
        var asked = await AskForFiveAsync();
        var before = await Ward11QuantityAsync();
        var page = RenderAs("caolanh", PortalRole.DistrictOfficer, _caoLanh);

        page.WaitForElement("button[data-testid='reject']").Click();

        page.WaitForElement("[data-testid='decision-refusal']").TextContent.ShouldContain("vui lòng ghi ý kiến cho đơn vị đề nghị");
        page.Find("[data-testid='request-status']").GetAttribute("data-status").ShouldBe(nameof(RequestStatus.Submitted));
        (await Services.GetRequiredService<RequestService>().GetAsync(Admin, asked.Id, Ct)).Value!.Status.ShouldBe(RequestStatus.Submitted);
        (await Ward11QuantityAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Approving_more_than_the_district_has_left_is_refused_with_the_numbers()
    {
        await GiveTheDistrictTenAsync();
        (await Services.GetRequiredService<RequestService>().SubmitAsync(Ward11Viewer, new SubmitRequest(1, _ward11, 12, "Phường có thêm 12 máy tính"), Ct)).Succeeded.ShouldBeTrue();
        var page = RenderAs("caolanh", PortalRole.DistrictOfficer, _caoLanh);

        page.WaitForElement("button[data-testid='decide']").Click();

        var refusal = page.WaitForElement("[data-testid='decision-refusal']").TextContent;
        refusal.ShouldContain("12");
        refusal.ShouldContain("10");
        (await Ward11QuantityAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task After_the_letter_is_published_the_district_officer_still_decides_returns_and_moves_inside_the_district()
    {
        await GiveTheDistrictTenAsync();
        await AskForFiveAsync();
        var before = await Ward11QuantityAsync();
        (await Services.GetRequiredService<PlanPublication>().PublishAsync(Admin, new PublishPlan(1, "12/STTTT-CNTT", new DateOnly(2021, 1, 5), "Giám đốc"), Ct))
            .Succeeded.ShouldBeTrue();
        var page = RenderAs("caolanh", PortalRole.DistrictOfficer, _caoLanh);

        page.WaitForElement("select[data-testid='return-unit']");
        page.WaitForElement("select[data-testid='move-from']");
        page.FindAll("[data-testid='requests-locked-note']").ShouldBeEmpty();
        page.Find("button[data-testid='request-filter-todecide']").Click();
        page.WaitForElement("input[data-testid='decision-quantity']").Change("2");
        page.Find("input[data-testid='decision-comment']").Change("Thành phố bổ sung 2 bản quyền");
        page.Find("button[data-testid='decide']").Click();

        page.WaitForAssertion(() => page.FindAll("[data-testid='requests-empty']").Count.ShouldBe(1, "the decision was taken"));
        (await Ward11QuantityAsync()).ShouldBe(before + 2);
    }

    [Fact]
    public async Task A_superseded_plan_shows_no_decision_return_or_move_form_and_says_so()
    {
        await GiveTheDistrictTenAsync();
        var asked = await AskForFiveAsync();
        await using (var db = await Database.Factory.CreateDbContextAsync(Ct))
        {
            await db.Plans.Where(p => p.Id == 1).ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, PlanStatus.Superseded), Ct);
        }

        var page = RenderAs("caolanh", PortalRole.DistrictOfficer, _caoLanh);

        page.WaitForElement("[data-testid='request']");
        page.Find("[data-testid='requests-locked-note']").TextContent.ShouldContain("Kế hoạch đã được thay thế");
        page.FindAll("[data-testid='decision-form']").ShouldBeEmpty();
        page.FindAll("[data-testid='return-form']").ShouldBeEmpty();
        page.FindAll("[data-testid='move-form']").ShouldBeEmpty();
        (await Services.GetRequiredService<RequestService>().GetAsync(Admin, asked.Id, Ct)).Value!.Status.ShouldBe(RequestStatus.Submitted);
    }

    [Fact]
    public async Task A_draft_plan_shows_the_decision_return_and_move_forms_and_no_published_note()
    {
        await GiveTheDistrictTenAsync();
        await AskForFiveAsync();
        var page = RenderAs("caolanh", PortalRole.DistrictOfficer, _caoLanh);

        page.WaitForElement("[data-testid='decision-form']");
        page.WaitForElement("select[data-testid='return-unit']");
        page.WaitForElement("select[data-testid='move-from']");
        page.FindAll("[data-testid='requests-locked-note']").ShouldBeEmpty();
    }

    [Fact]
    public async Task The_district_officer_takes_three_from_a_sibling_with_free_licences_instead_of_the_districts_remaining()
    {
        await GiveTheDistrictTenAsync();
        int sibling;
        await using (var db = await Database.Factory.CreateDbContextAsync(Ct))
        {
            sibling = await db.Units.Where(u => u.ParentId == _caoLanh && u.Id != _ward11 && u.IsActive).OrderBy(u => u.Id).Select(u => u.Id).FirstAsync(Ct);
        }

        (await Services.GetRequiredService<QuantityService>().ChangeAsync(Admin, new ChangeQuantity(1, sibling, 4, "Giao cho đơn vị"), Ct)).Succeeded.ShouldBeTrue();
        var asked = await AskForFiveAsync();
        var page = RenderAs("caolanh", PortalRole.DistrictOfficer, _caoLanh);

        page.WaitForElement($"select[data-testid='decision-source'] option[value='{sibling}']").TextContent.ShouldContain("còn 4 chưa phân bổ");
        page.Find("select[data-testid='decision-source']").Change(sibling.ToString(CultureInfo.InvariantCulture));
        page.Find("input[data-testid='decision-quantity']").Change("3");
        page.Find("input[data-testid='decision-comment']").Change("Lấy từ đơn vị còn dư");
        page.Find("button[data-testid='decide']").Click();

        page.WaitForAssertion(() => page.Find("[data-testid='request-posted']").TextContent.ShouldBe("3"));
        page.Find("[data-testid='request-source']").TextContent.ShouldStartWith("Lấy từ ");
        var nodes = (await Services.GetRequiredService<TreeBrowsing>().GetNodesAsync(Admin, 1, [_ward11, sibling, _caoLanh], Ct)).Value!.ToDictionary(n => n.UnitId);
        (nodes[_ward11].Quantity, nodes[sibling].Quantity, nodes[_caoLanh].HandedOn).ShouldBe((3, 1, 4), "the district's remaining is untouched");
        (await Services.GetRequiredService<RequestService>().GetAsync(Admin, asked.Id, Ct)).Value!.SourceUnitId.ShouldBe(sibling);
    }
}
