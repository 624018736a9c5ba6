using System.Globalization;
using System.Security.Claims;
using Bunit;
using Bunit.TestDoubles;
using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Allocations;
using LicenseAllocation.Application.Identity;
using LicenseAllocation.Web.Auth;
using LicenseAllocation.Web.Components.Pages.Requests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Shouldly;

namespace LicenseAllocation.Web.Tests.Components;

/// <summary>
/// Giving back and moving on the requests page: Thành phố Cao Lãnh holds 10 licences and has handed 5 to Phường 11;
/// another of its communes holds none.
/// </summary>
public sealed class RequestTransferFormsTests : ComponentTestContext
{
    private static readonly Caller Admin = new("admin", PortalRole.ProvinceAdmin);
    private BunitAuthorizationContext _auth = default!;
    private int _caoLanh;
    private int _ward11;
    private int _sibling;
    private string _siblingName = "";

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    protected override void AddServices() => _auth = AddAuthorization();

    private async Task GiveTheDistrictTenAndWard11FiveAsync()
    {
        await using (var db = await Database.Factory.CreateDbContextAsync(Ct))
        {
            _caoLanh = await db.Units.Where(u => u.Code == "866").Select(u => u.Id).SingleAsync(Ct);
            _ward11 = await db.Units.Where(u => u.Code == "29863").Select(u => u.Id).SingleAsync(Ct);
            (_sibling, _siblingName) = await db.Units.Where(u => u.ParentId == _caoLanh && u.Id != _ward11 && u.IsActive)
                .OrderBy(u => u.Id).Select(u => ValueTuple.Create(u.Id, u.Name)).FirstAsync(Ct);
        }

        var quantities = Services.GetRequiredService<QuantityService>();
        (await quantities.ChangeAsync(Admin, new ChangeQuantity(1, _caoLanh, 10, "Giao cho thành phố"), Ct)).Succeeded.ShouldBeTrue();
        (await quantities.ChangeAsync(Admin, new ChangeQuantity(1, _ward11, 5, "Giao cho phường"), Ct)).Succeeded.ShouldBeTrue();
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

    private async Task<Dictionary<int, UnitNodeView>> NodesAsync() =>
        (await Services.GetRequiredService<TreeBrowsing>().GetNodesAsync(Admin, 1, [_caoLanh, _ward11, _sibling], Ct)).Value!.ToDictionary(n => n.UnitId);

    private string[] Snackbars() => [.. Services.GetRequiredService<ISnackbar>().ShownSnackbars.Select(s => s.Message ?? "")];

    private static string Id(int unitId) => unitId.ToString(CultureInfo.InvariantCulture);

    private static void Move(IRenderedComponent<RequestsPage> page, int from, int to, string quantity)
    {
        page.WaitForElement($"select[data-testid='move-from'] option[value='{Id(from)}']");
        page.Find("select[data-testid='move-from']").Change(Id(from));
        page.Find("select[data-testid='move-to']").Change(Id(to));
        page.Find("input[data-testid='move-quantity']").Change(quantity);
        page.Find("textarea[data-testid='move-reason']").Change("Cân đối giữa hai phường");
        page.Find("button[data-testid='submit-move']").Click();
    }

    [Fact]
    public async Task The_district_officer_moves_three_from_one_commune_to_another_and_both_quantities_change()
    {
        await GiveTheDistrictTenAndWard11FiveAsync();
        var page = RenderAs("caolanh", PortalRole.DistrictOfficer, _caoLanh);

        page.WaitForElement($"select[data-testid='move-from'] option[value='{Id(_ward11)}']");
        page.Find("select[data-testid='move-from']").Change(Id(_ward11));
        page.Find("[data-testid='move-source-figures']").TextContent.ShouldBe("Hiện có 5 bản quyền; còn 5 bản quyền chưa phân bổ cho đơn vị trực thuộc.");
        Move(page, _ward11, _sibling, "3");

        page.WaitForAssertion(() => Snackbars().ShouldContain($"Đã chuyển 3 bản quyền từ Phường 11 sang {_siblingName}; Phường 11 nay có 2, {_siblingName} nay có 3 bản quyền."));
        page.WaitForAssertion(() => page.Find("[data-testid='move-source-figures']").TextContent.ShouldStartWith("Hiện có 2 bản quyền; còn 2"));
        page.FindAll("[data-testid='move-refusal']").ShouldBeEmpty();
        var nodes = await NodesAsync();
        (nodes[_ward11].Quantity, nodes[_sibling].Quantity, nodes[_caoLanh].Quantity, nodes[_caoLanh].HandedOn).ShouldBe((2, 3, 10, 5));
    }

    [Fact]
    public async Task Moving_more_than_the_source_has_free_is_refused_with_the_numbers_and_changes_nothing()
    {
        await GiveTheDistrictTenAndWard11FiveAsync();
        var page = RenderAs("caolanh", PortalRole.DistrictOfficer, _caoLanh);

        Move(page, _ward11, _sibling, "7");

        var refusal = page.WaitForElement("[data-testid='move-refusal']").TextContent;
        refusal.ShouldBe("Đơn vị chuyển chỉ còn 5 bản quyền chưa phân bổ, không đủ để chuyển 7.");
        Snackbars().ShouldBeEmpty();
        var nodes = await NodesAsync();
        (nodes[_ward11].Quantity, nodes[_sibling].Quantity, nodes[_caoLanh].HandedOn).ShouldBe((5, 0, 5));
    }

    [Fact]
    public async Task A_communes_officer_returns_two_to_the_district_and_the_communes_quantity_drops_by_two()
    {
        await GiveTheDistrictTenAndWard11FiveAsync();
        var page = RenderAs("phuong11", PortalRole.UnitViewer, _ward11);

        page.WaitForElement("select[data-testid='return-unit'] option").TextContent.ShouldBe("Phường 11");
        page.Find("[data-testid='return-unit-figures']").TextContent.ShouldStartWith("Hiện có 5 bản quyền; còn 5");
        page.FindAll("[data-testid='move-form']").ShouldBeEmpty("a unit's viewer does not move licences between units");
        page.Find("input[data-testid='return-quantity']").Change("2");
        page.Find("textarea[data-testid='return-reason']").Change("Phường thanh lý 2 máy tính");
        page.Find("button[data-testid='submit-return']").Click();

        page.WaitForAssertion(() => Snackbars().ShouldContain("Đã trả lại 2 bản quyền của Phường 11 cho đơn vị cấp trên; Phường 11 nay có 3 bản quyền, còn 3 chưa phân bổ."));
        page.WaitForAssertion(() => page.Find("[data-testid='return-unit-figures']").TextContent.ShouldStartWith("Hiện có 3 bản quyền; còn 3"));
        var nodes = await NodesAsync();
        (nodes[_ward11].Quantity, nodes[_caoLanh].Quantity, nodes[_caoLanh].HandedOn).ShouldBe((3, 10, 3));
    }

    [Fact]
    public async Task Returning_without_a_reason_is_refused_and_changes_nothing()
    {
        await GiveTheDistrictTenAndWard11FiveAsync();
        var page = RenderAs("phuong11", PortalRole.UnitViewer, _ward11);

        page.WaitForElement("input[data-testid='return-quantity']").Change("2");
        page.Find("button[data-testid='submit-return']").Click();

        page.WaitForElement("[data-testid='return-refusal']").TextContent.ShouldNotBeNullOrWhiteSpace();
        Snackbars().ShouldBeEmpty();
        (await NodesAsync())[_ward11].Quantity.ShouldBe(5);
    }
}
