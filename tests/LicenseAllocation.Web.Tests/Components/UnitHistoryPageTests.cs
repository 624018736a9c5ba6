using System.Globalization;
using System.Security.Claims;
using Bunit;
using Bunit.TestDoubles;
using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Allocations;
using LicenseAllocation.Application.Identity;
using LicenseAllocation.Application.Plans;
using LicenseAllocation.Web.Auth;
using LicenseAllocation.Web.Components.Pages.Auditing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace LicenseAllocation.Web.Tests.Components;

/// <summary>"Who changed this unit's quantity, when, why and under which letter": one unit's history, from the portal alone.</summary>
public sealed class UnitHistoryPageTests : ComponentTestContext
{
    private const string Letter = "Công văn số 123/UBND-VX ngày 05/01/2021";
    private static readonly Caller Admin = new("admin", PortalRole.ProvinceAdmin);
    private BunitAuthorizationContext _auth = default!;
    private int _caoLanh;
    private int _saDec;

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    protected override void AddServices() => _auth = AddAuthorization();

    private async Task PrepareAsync()
    {
        UseCulture("vi-VN");
        await using var db = await Database.Factory.CreateDbContextAsync(Ct);
        _caoLanh = await db.Units.Where(u => u.Code == "866").Select(u => u.Id).SingleAsync(Ct);
        _saDec = await db.Units.Where(u => u.Code == "867").Select(u => u.Id).SingleAsync(Ct);
        var quantities = Services.GetRequiredService<QuantityService>();
        (await quantities.ChangeAsync(Admin, new ChangeQuantity(1, _caoLanh, 300, "Giao cho thành phố", DocumentRef: Letter), Ct)).Succeeded.ShouldBeTrue();
        (await quantities.ChangeAsync(Admin, new ChangeQuantity(1, _caoLanh, 250, "Điều chuyển 50 bản quyền cho Sa Đéc"), Ct)).Succeeded.ShouldBeTrue();
    }

    private IRenderedComponent<UnitHistoryPage> RenderAs(string userName, PortalRole role, int unitId, int? scope = null, int planId = 1)
    {
        _auth.SetAuthorized(userName);
        _auth.SetRoles(role.ToString());
        if (scope is { } unit)
        {
            _auth.SetClaims(new Claim(Callers.ScopeUnitClaim, unit.ToString(CultureInfo.InvariantCulture)));
        }

        return Render<UnitHistoryPage>(p => p.Add(h => h.PlanId, planId).Add(h => h.UnitId, unitId));
    }

    private static IReadOnlyList<string> Column(IRenderedComponent<UnitHistoryPage> page, int column) =>
        [.. page.FindAll("[data-testid='history-table'] tbody tr").Select(r => r.QuerySelectorAll("td")[column].TextContent.Trim())];

    [Fact]
    public async Task Each_change_shows_who_when_why_the_letter_and_the_quantity_after_it()
    {
        await PrepareAsync();

        var page = RenderAs("kiem-tra", PortalRole.Auditor, _caoLanh);

        page.WaitForAssertion(() => page.Find("[data-testid='history-unit']").TextContent.ShouldBe("Lịch sử thay đổi: Thành phố Cao Lãnh"));
        Column(page, 1).ShouldBe(["admin", "admin"]);
        Column(page, 3).ShouldBe(["0 → 300", "300 → 250"]);
        Column(page, 4).ShouldBe(["300", "250"]);
        Column(page, 5).ShouldBe(["Giao cho thành phố", "Điều chuyển 50 bản quyền cho Sa Đéc"]);
        Column(page, 6).ShouldBe([Letter, string.Empty]);
        Column(page, 0).ShouldAllBe(time => System.Text.RegularExpressions.Regex.IsMatch(time, @"^\d{2}/\d{2}/\d{4} \d{2}:\d{2}$"));
        page.Find("[data-testid='history-current']").TextContent.ShouldBe("250");
        page.Find("[data-testid='history-trail']").TextContent.ShouldBe("250");
        page.FindAll("[data-testid='history-reconciles']").ShouldHaveSingleItem();
    }

    [Fact]
    public async Task In_an_amendment_the_history_starts_with_the_copy_and_the_figure_carried_from_version_1()
    {
        await PrepareAsync();
        await Services.GetRequiredService<PlanPublication>().PublishAsync(Admin, new PublishPlan(1, "12/STTTT-CNTT", new DateOnly(2021, 1, 5), "Giám đốc"), Ct);
        var amendment = (await Services.GetRequiredService<PlanVersions>().CreateAmendmentAsync(Admin, 1, Ct)).Value!;
        (await Services.GetRequiredService<QuantityService>().ChangeAsync(Admin, new ChangeQuantity(amendment.Id, _caoLanh, 240, "Điều chỉnh"), Ct)).Succeeded.ShouldBeTrue();

        var page = RenderAs("kiem-tra", PortalRole.Auditor, _caoLanh, planId: amendment.Id);

        page.WaitForAssertion(() => Column(page, 2).ShouldBe(["Tạo kế hoạch", "Thay đổi số lượng"]));
        Column(page, 3).ShouldBe([string.Empty, "250 → 240"]);
        Column(page, 4).ShouldBe(["250", "240"]);
        Column(page, 5)[0].ShouldContain("5.137 bản quyền từ phiên bản 1");
        page.Find("[data-testid='history-trail']").TextContent.ShouldBe("240");
        page.FindAll("[data-testid='history-reconciles']").ShouldHaveSingleItem();
    }

    [Fact]
    public async Task A_change_that_does_not_start_from_the_figure_before_it_is_flagged()
    {
        await PrepareAsync();
        await using (var db = await Database.Factory.CreateDbContextAsync(Ct))
        {
            await db.AuditEntries.Where(a => a.UnitId == _caoLanh && a.NewValue == 250).ExecuteUpdateAsync(s => s.SetProperty(a => a.OldValue, 280), Ct);
        }

        var page = RenderAs("admin", PortalRole.ProvinceAdmin, _caoLanh);

        page.WaitForAssertion(() => page.FindAll("[data-testid='history-mismatch']").ShouldHaveSingleItem());
        Column(page, 4).ShouldBe(["300", "270"]);
        page.FindAll("[data-testid^='gap-']").ShouldHaveSingleItem();
    }

    [Fact]
    public async Task A_district_officer_cannot_open_another_districts_history()
    {
        await PrepareAsync();

        var page = RenderAs("caolanh", PortalRole.DistrictOfficer, _saDec, scope: _caoLanh);

        page.WaitForAssertion(() => page.Find("[data-testid='history-problem']").TextContent.ShouldBe("Đơn vị này nằm ngoài phạm vi được giao cho tài khoản của bạn."));
    }
}
