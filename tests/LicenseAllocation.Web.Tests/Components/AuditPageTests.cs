using System.Globalization;
using System.Security.Claims;
using Bunit;
using Bunit.TestDoubles;
using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Allocations;
using LicenseAllocation.Application.Allocations.Batches;
using LicenseAllocation.Application.Identity;
using LicenseAllocation.Application.Units;
using LicenseAllocation.Domain.Units;
using LicenseAllocation.Web.Auth;
using LicenseAllocation.Web.Components.Pages.Auditing;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Shouldly;

namespace LicenseAllocation.Web.Tests.Components;

/// <summary>The trail page over the seeded plan: its filters, the change-set link, the scope of an officer, the integrity check.</summary>
public sealed class AuditPageTests : ComponentTestContext
{
    private const string Letter = "Công văn số 123/UBND-VX ngày 05/01/2021";
    private static readonly Caller Admin = new("admin", PortalRole.ProvinceAdmin);
    private BunitAuthorizationContext _auth = default!;
    private int _caoLanh;
    private int _ward11;

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    protected override void AddServices() => _auth = AddAuthorization();

    private async Task PrepareAsync()
    {
        UseCulture("vi-VN");
        await using var db = await Database.Factory.CreateDbContextAsync(Ct);
        _caoLanh = await db.Units.Where(u => u.Code == "866").Select(u => u.Id).SingleAsync(Ct);
        _ward11 = await db.Units.Where(u => u.Code == "29863").Select(u => u.Id).SingleAsync(Ct);
    }

    private IRenderedComponent<AuditPage> RenderAs(string userName, PortalRole role, int? scope = null, string uri = "/audit")
    {
        _auth.SetAuthorized(userName);
        _auth.SetRoles(role.ToString());
        if (scope is { } unit)
        {
            _auth.SetClaims(new Claim(Callers.ScopeUnitClaim, unit.ToString(CultureInfo.InvariantCulture)));
        }

        Services.GetRequiredService<NavigationManager>().NavigateTo(uri);
        Render<MudPopoverProvider>();
        return Render<AuditPage>();
    }

    /// <summary>The texts of a column counted as before the plan column came in third place: 0 time, 1 actor, 2 action, 3 unit…</summary>
    private static IReadOnlyList<string> Cells(IRenderedComponent<AuditPage> page, int column) =>
        [.. page.FindAll("[data-testid='audit-table'] tbody tr").Select(r => r.QuerySelectorAll("td")[column >= 2 ? column + 1 : column].TextContent.Trim())];

    [Fact]
    public void Every_row_names_its_plan_and_version()
    {
        var page = RenderAs("admin", PortalRole.ProvinceAdmin);

        page.WaitForAssertion(() => Cells(page, 2).ShouldNotBeEmpty());
        page.FindAll("[data-testid='audit-table'] td[data-testid^='plan-']").Select(c => c.TextContent.Trim()).Distinct()
            .ShouldBe(["Trang bị phần mềm phòng chống mã độc thống nhất trên toàn tỉnh — phiên bản 1"]);
    }

    [Fact]
    public async Task The_trail_opens_newest_first_with_Vietnamese_names_figures_and_the_letter()
    {
        await PrepareAsync();
        await Services.GetRequiredService<QuantityService>().ChangeAsync(Admin, new ChangeQuantity(1, 2, 60, "Chuyển bớt về dự phòng", DocumentRef: Letter), Ct);

        var page = RenderAs("admin", PortalRole.ProvinceAdmin);

        page.WaitForAssertion(() => Cells(page, 2).Count.ShouldBe(25));
        Cells(page, 2)[0].ShouldBe("Thay đổi số lượng");
        Cells(page, 4)[0].ShouldBe("65 → 60");
        Cells(page, 5)[0].ShouldBe("Chuyển bớt về dự phòng");
        Cells(page, 6)[0].ShouldBe(Letter);
        Cells(page, 2)[^1].ShouldBe("Nạp số liệu ban đầu");
        page.Find("[data-testid='audit-total']").TextContent.ShouldContain("25 dòng phù hợp");
    }

    [Fact]
    public async Task A_link_with_an_action_opens_the_trail_on_that_action_alone()
    {
        await PrepareAsync();
        await Services.GetRequiredService<UnitAdministration>().AddUnitAsync(Admin, 1, _caoLanh, "Phòng Văn hóa và Thông tin", UnitKind.DistrictAgency, cancellationToken: Ct);

        var page = RenderAs("admin", PortalRole.ProvinceAdmin, uri: "/audit?action=UnitCreated");

        page.WaitForAssertion(() => Cells(page, 2).ShouldBe(["Thêm đơn vị"]));
        Cells(page, 5).ShouldBe(["Thêm đơn vị \"Phòng Văn hóa và Thông tin\""]);
    }

    [Fact]
    public async Task Typing_a_user_name_keeps_that_users_rows_and_the_export_follows()
    {
        await PrepareAsync();
        var officer = new Caller("caolanh", PortalRole.DistrictOfficer, _caoLanh);
        await Services.GetRequiredService<QuantityService>().ChangeAsync(Admin, new ChangeQuantity(1, _caoLanh, 300, "Giao cho thành phố"), Ct);
        await Services.GetRequiredService<QuantityService>().ChangeAsync(officer, new ChangeQuantity(1, _ward11, 20, "Giao cho phường"), Ct);
        var page = RenderAs("admin", PortalRole.ProvinceAdmin);
        page.WaitForAssertion(() => Cells(page, 1).Count.ShouldBe(26));

        page.Find("input[data-testid='filter-user']").Change("CAOLANH");

        page.WaitForAssertion(() => Cells(page, 1).ShouldBe(["caolanh"]));
        page.Find("a[data-testid='export-audit']").GetAttribute("href").ShouldBe("/api/v1/audit.xlsx?userName=CAOLANH");
    }

    [Fact]
    public async Task A_from_date_after_every_change_leaves_no_row()
    {
        await PrepareAsync();
        var page = RenderAs("admin", PortalRole.ProvinceAdmin);
        page.WaitForAssertion(() => Cells(page, 1).Count.ShouldBe(24));
        var tomorrow = DateTime.UtcNow.AddHours(7).AddDays(1);

        page.Find("[data-testid='filter-from'] input, input[data-testid='filter-from']").Change(tomorrow.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture));

        page.WaitForAssertion(() => page.Find("[data-testid='audit-empty']").TextContent.ShouldBe("Không có dòng nhật ký nào phù hợp."));
        page.Find("a[data-testid='export-audit']").GetAttribute("href").ShouldBe($"/api/v1/audit.xlsx?from={tomorrow:yyyy-MM-dd}");
    }

    [Fact]
    public async Task Clicking_a_change_set_shows_that_bulk_edit_and_closing_its_chip_shows_everything_again()
    {
        await PrepareAsync();
        var batch = await Services.GetRequiredService<QuantityBatchService>().ApplyAsync(
            Admin, new QuantityBatch(1, "Giao cho thành phố", [new(_caoLanh, 300), new(_ward11, 20)], Letter), Ct);
        var shortId = batch.ChangeSetId.ShouldNotBeNull().ToString("N")[..8];
        var page = RenderAs("admin", PortalRole.ProvinceAdmin);
        page.WaitForAssertion(() => Cells(page, 1).Count.ShouldBe(26));

        page.Find("a[data-testid^='change-set-']").Click();

        page.WaitForAssertion(() => Cells(page, 7).ShouldBe([shortId, shortId]));
        page.Find("[data-testid='filter-change-set']").TextContent.ShouldContain(shortId);

        page.Find("[data-testid='filter-change-set'] .mud-chip-close-button").Click();
        page.WaitForAssertion(() => Cells(page, 1).Count.ShouldBe(26));
    }

    [Fact]
    public async Task A_district_officer_sees_the_districts_rows_and_no_integrity_check()
    {
        await PrepareAsync();
        await Services.GetRequiredService<QuantityService>().ChangeAsync(Admin, new ChangeQuantity(1, _caoLanh, 300, "Giao cho thành phố"), Ct);
        await Services.GetRequiredService<QuantityService>().ChangeAsync(Admin, new ChangeQuantity(1, 2, 60, "Ngoài huyện"), Ct);

        var page = RenderAs("caolanh", PortalRole.DistrictOfficer, _caoLanh);

        page.WaitForAssertion(() => Cells(page, 3).ShouldBe(["Thành phố Cao Lãnh"]));
        page.FindAll("[data-testid='integrity-panel']").ShouldBeEmpty();
    }

    [Fact]
    public async Task The_integrity_check_shows_its_verdict_and_the_head_hash_to_record()
    {
        await PrepareAsync();
        var page = RenderAs("kiem-tra", PortalRole.Auditor);

        page.WaitForElement("button[data-testid='verify-audit']").Click();

        page.WaitForAssertion(() => page.Find("[data-testid='verify-verdict']").TextContent.ShouldContain("Nhật ký toàn vẹn: đã kiểm tra 24 dòng"));
        page.Find("[data-testid='head-hash']").TextContent.ShouldMatch("^[0-9a-f]{64}$");
    }

    [Fact]
    public async Task Each_row_shows_its_hash_short_with_the_whole_on_hover_and_the_page_shows_the_head_to_record()
    {
        await PrepareAsync();
        await using var db = await Database.Factory.CreateDbContextAsync(Ct);
        var last = await db.AuditEntries.OrderByDescending(a => a.Sequence).FirstAsync(Ct);

        var page = RenderAs("kiem-tra", PortalRole.Auditor);

        page.WaitForAssertion(() => page.Find($"[data-testid='row-hash-{last.Id}']").TextContent.ShouldBe(last.Hash[..12]));
        page.Find($"[data-testid='row-hash-{last.Id}']").GetAttribute("title").ShouldBe(last.Hash);
        page.Find("[data-testid='current-head']").TextContent.ShouldBe($"{last.Sequence}:{last.Hash}");
    }
}
