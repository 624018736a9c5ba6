using System.Security.Claims;
using Bunit;
using Bunit.TestDoubles;
using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Allocations;
using LicenseAllocation.Application.Identity;
using LicenseAllocation.Domain.Allocations;
using LicenseAllocation.Domain.Units;
using LicenseAllocation.Web.Auth;
using LicenseAllocation.Web.Components.Districts;
using LicenseAllocation.Web.Components.Pages.Districts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Shouldly;

namespace LicenseAllocation.Web.Tests.Components;

/// <summary>The parts of a district's workspace: the bulk allocation, the list of units, the unit forms.</summary>
public sealed class DistrictWorkspacePartsTests : ComponentTestContext
{
    private static readonly Caller Admin = new("admin", PortalRole.ProvinceAdmin);
    private BunitAuthorizationContext _auth = default!;
    private int _caoLanh;

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    protected override void AddServices() => _auth = AddAuthorization();

    [Fact]
    public async Task A_bulk_allocation_over_the_quota_is_explained_with_the_numbers()
    {
        var page = await RenderAsOfficerAsync();
        var (ward1, ward11) = (await UnitIdAsync("29866"), await UnitIdAsync("29863"));
        page.WaitForElement("[data-testid='begin-bulk-edit']").Click();

        page.Find($"input[data-testid='draft-{ward1}']").Input("250");
        page.Find($"input[data-testid='draft-{ward11}']").Input("100");

        page.Find("[data-testid='draft-remaining']").TextContent.ShouldContain("-50");
        page.Find("[data-testid='bulk-over-quota']").TextContent.ShouldBe("Tổng 350 vượt 300 được giao — thừa 50.");
    }

    [Fact]
    public async Task A_bulk_allocation_over_the_quota_is_refused_as_a_total_and_no_row_is_blamed()
    {
        var page = await RenderAsOfficerAsync();
        var (ward1, ward11) = (await UnitIdAsync("29866"), await UnitIdAsync("29863"));
        page.WaitForElement("[data-testid='begin-bulk-edit']").Click();
        page.Find($"input[data-testid='draft-{ward1}']").Input("250");
        page.Find($"input[data-testid='draft-{ward11}']").Input("100");
        page.Find("input[data-testid='bulk-reason']").Input("Phân bổ đợt 1");

        page.Find("button[data-testid='save-bulk']").Click();

        page.WaitForAssertion(() => page.Find("[data-testid='bulk-problem']").TextContent.Trim().ShouldBe("Tổng 350 vượt 300 được giao — thừa 50."));
        page.FindAll("[data-testid^='refusal-']").ShouldBeEmpty();
        page.FindAll("[data-testid='bulk-refusals']").ShouldBeEmpty();
        page.Find($"input[data-testid='draft-{ward1}']").GetAttribute("value").ShouldBe("250");
        (await QuantityAsync(ward1)).ShouldBe(0);
    }

    [Fact]
    public async Task While_figures_are_typed_the_card_the_chips_and_the_running_total_beside_the_list_follow_them()
    {
        var page = await RenderAsOfficerAsync();
        var ward11 = await UnitIdAsync("29863");
        page.WaitForElement("[data-testid='begin-bulk-edit']").Click();

        page.Find($"input[data-testid='draft-{ward11}']").Input("40");

        page.Find("[data-testid='district-handed-on']").TextContent.ShouldBe("40");
        page.Find("[data-testid='district-remaining']").TextContent.ShouldBe("260");
        page.Find("[data-testid='draft-handed-on']").TextContent.ShouldContain("Giao xuống sau khi lưu: 40 / 300 được giao");
        page.Find($"[data-testid='unit-{ward11}'] [data-testid='status-chip']").GetAttribute("data-status").ShouldBe("FullyAllocated");
        page.Find($"[data-testid='subtree-{ward11}']").TextContent.ShouldBe("40");
        // The district's own chip, in the header before the list.
        page.FindAll("[data-testid='status-chip']")[0].GetAttribute("data-status").ShouldBe("PartlyAllocated");

        // The editor stands beside the list, in the same row, not under it.
        var row = page.Find("[data-testid='bulk-editor']").ParentElement!;
        row.QuerySelector("[data-testid='workspace-table']").ShouldNotBeNull();
    }

    [Fact]
    public async Task Leaving_with_unsaved_figures_asks_first_and_stays_when_the_officer_says_no()
    {
        var page = await RenderAsOfficerAsync();
        var ward11 = await UnitIdAsync("29863");
        var navigation = Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>();
        var here = navigation.Uri;
        var confirm = JSInterop.Setup<bool>("confirm", _ => true);
        page.WaitForElement("[data-testid='begin-bulk-edit']").Click();
        page.Find($"input[data-testid='draft-{ward11}']").Input("40");

        confirm.SetResult(false);
        await page.InvokeAsync(() => navigation.NavigateTo("/"));

        navigation.Uri.ShouldBe(here);
        confirm.Invocations.Single().Arguments.Single().ShouldBe("Các số vừa nhập chưa được lưu. Rời trang và bỏ các số này?");
        page.Find($"input[data-testid='draft-{ward11}']").GetAttribute("value").ShouldBe("40");
    }

    [Fact]
    public async Task A_saved_bulk_allocation_shows_the_services_new_figures()
    {
        var page = await RenderAsOfficerAsync();
        var ward11 = await UnitIdAsync("29863");
        page.WaitForElement("[data-testid='begin-bulk-edit']").Click();
        page.Find($"input[data-testid='draft-{ward11}']").Input("40");
        page.Find("input[data-testid='bulk-reason']").Input("Phân bổ đợt 1");

        page.Find("button[data-testid='save-bulk']").Click();

        page.WaitForAssertion(() => page.Find("[data-testid='district-handed-on']").TextContent.ShouldBe("40"));
        page.Find("[data-testid='district-remaining']").TextContent.ShouldBe("260");
        page.Find($"[data-testid='quantity-{ward11}']").TextContent.ShouldBe("40");
        page.FindAll("[data-testid='bulk-editor']").ShouldBeEmpty();
    }

    [Fact]
    public async Task A_ward_typed_without_diacritics_narrows_the_list_and_a_draft_typed_before_is_kept()
    {
        var page = await RenderAsOfficerAsync();
        var (ward1, ward11) = (await UnitIdAsync("29866"), await UnitIdAsync("29863"));
        page.WaitForElement("[data-testid='begin-bulk-edit']").Click();
        page.Find($"input[data-testid='draft-{ward1}']").Input("25");

        page.Find("input[data-testid='tree-search']").Input("phuong 11");

        page.WaitForAssertion(() => page.FindAll("tr[data-testid^='unit-']").Select(r => r.GetAttribute("data-unit-name")).ShouldBe(["Phường 11"]));
        page.Find("[data-testid='tree-match-count']").TextContent.ShouldBe("Tìm thấy 1 đơn vị");
        page.FindAll($"input[data-testid='draft-{ward11}']").ShouldHaveSingleItem();

        page.Find("button[data-testid='tree-filter-clear']").Click();
        page.WaitForAssertion(() => page.Find($"input[data-testid='draft-{ward1}']").GetAttribute("value").ShouldBe("25"));
    }

    [Fact]
    public async Task A_unit_is_renamed_from_the_form_above_the_list()
    {
        var page = await RenderAsOfficerAsync();
        var ward11 = await UnitIdAsync("29863");
        page.WaitForElement($"button[data-testid='rename-{ward11}']").Click();

        page.Find("input[data-testid='rename-input']").Input("Phường 11 mới");
        page.Find("button[data-testid='save-rename']").Click();

        page.WaitForAssertion(() => page.Find($"[data-testid='unit-{ward11}']").GetAttribute("data-unit-name").ShouldBe("Phường 11 mới"));
        page.FindAll("[data-testid='rename-form']").ShouldBeEmpty();
    }

    [Fact]
    public async Task The_list_of_a_district_with_1500_units_renders_only_a_window_of_rows()
    {
        UseCulture("vi-VN");
        _caoLanh = await UnitIdAsync("866");
        await AddAgenciesUntilAsync(_caoLanh, 1500);

        _auth.SetAuthorized("admin");
        _auth.SetRoles(nameof(PortalRole.ProvinceAdmin));
        Render<MudPopoverProvider>();
        var page = Render<DistrictWorkspacePage>(p => p.Add(w => w.PlanId, 1).Add(w => w.DistrictId, _caoLanh));

        page.WaitForElement("[data-testid='workspace-table'] tbody tr[data-testid^='unit-']");
        var rendered = page.FindAll("tr[data-testid^='unit-']").Count;
        rendered.ShouldBeInRange(1, 100 + (2 * DistrictUnitList.Overscan));
        page.FindAll("tr[aria-hidden='true']")[^1].GetAttribute("style")!.ShouldNotStartWith("height: 0px");
    }

    private async Task<IRenderedComponent<DistrictWorkspacePage>> RenderAsOfficerAsync()
    {
        UseCulture("vi-VN");
        _caoLanh = await UnitIdAsync("866");
        await Services.GetRequiredService<QuantityService>().ChangeAsync(Admin, new ChangeQuantity(1, _caoLanh, 300, "Giao cho thành phố"), Ct);
        _auth.SetAuthorized("caolanh");
        _auth.SetRoles(nameof(PortalRole.DistrictOfficer));
        _auth.SetClaims(new Claim(Callers.ScopeUnitClaim, _caoLanh.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Render<MudPopoverProvider>();
        Render<MudSnackbarProvider>();
        return Render<DistrictWorkspacePage>(p => p.Add(w => w.PlanId, 1).Add(w => w.DistrictId, _caoLanh));
    }

    private async Task<int> QuantityAsync(int unitId)
    {
        await using var db = await Database.Factory.CreateDbContextAsync(Ct);
        return await db.Nodes.Where(n => n.PlanId == 1 && n.UnitId == unitId).Select(n => n.Quantity).SingleAsync(Ct);
    }

    private async Task<int> UnitIdAsync(string code)
    {
        await using var db = await Database.Factory.CreateDbContextAsync(Ct);
        return await db.Units.Where(u => u.Code == code).Select(u => u.Id).SingleAsync(Ct);
    }

    /// <summary>
    /// Fills the district up to <paramref name="count"/> units in one write, as a synthetic plan is made: adding 1,500
    /// through the service one by one (each with its audit entry) would make this the slowest test of the suite.
    /// </summary>
    private async Task AddAgenciesUntilAsync(int districtId, int count)
    {
        await using var db = await Database.Factory.CreateDbContextAsync(Ct);
        var district = await db.Units.SingleAsync(u => u.Id == districtId, Ct);
        var existing = await db.Units.CountAsync(u => u.ParentId == districtId, Ct);
        var units = Enumerable.Range(existing + 1, count - existing)
            .Select(i => OrganisationUnit.CreateChild(district, $"Tổ công tác số {i}", UnitKind.DistrictAgency, null, i))
            .ToList();
        db.Units.AddRange(units);
        await db.SaveChangesAsync(Ct);
        db.Nodes.AddRange(units.Select(u => AllocationNode.Create(1, u.Id)));
        await db.SaveChangesAsync(Ct);
    }
}
