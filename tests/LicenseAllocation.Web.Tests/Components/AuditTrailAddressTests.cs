using Bunit;
using Bunit.TestDoubles;
using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Allocations;
using LicenseAllocation.Application.Identity;
using LicenseAllocation.Web.Components.Pages.Auditing;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Shouldly;

namespace LicenseAllocation.Web.Tests.Components;

/// <summary>The trail page keeps its filters and its page in its address, read as the API reads them, so a copied link opens the same rows.</summary>
public sealed class AuditTrailAddressTests : ComponentTestContext
{
    private static readonly Caller Admin = new("admin", PortalRole.ProvinceAdmin);
    private BunitAuthorizationContext _auth = default!;

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    private NavigationManager Navigation => Services.GetRequiredService<NavigationManager>();

    protected override void AddServices() => _auth = AddAuthorization();

    private IRenderedComponent<AuditPage> Open(string uri)
    {
        UseCulture("vi-VN");
        _auth.SetAuthorized("admin");
        _auth.SetRoles(nameof(PortalRole.ProvinceAdmin));
        Navigation.NavigateTo(uri);
        Render<MudPopoverProvider>();
        return Render<AuditPage>();
    }

    private static IReadOnlyList<string> Actors(IRenderedComponent<AuditPage> page) =>
        [.. page.FindAll("[data-testid='audit-table'] tbody tr").Select(r => r.QuerySelectorAll("td")[1].TextContent.Trim())];

    [Fact]
    public async Task A_filter_typed_on_the_page_lands_in_the_address_and_the_same_address_opened_fresh_restores_it()
    {
        await Services.GetRequiredService<QuantityService>().ChangeAsync(new Caller("caolanh", PortalRole.ProvinceAdmin), new ChangeQuantity(1, 2, 60, "Chuyển bớt"), Ct);
        var page = Open("/audit?planId=1");
        page.WaitForAssertion(() => Actors(page).Count.ShouldBe(25));

        page.Find("input[data-testid='filter-user']").Change("caolanh");

        page.WaitForAssertion(() => Navigation.Uri.ShouldEndWith("/audit?planId=1&userName=caolanh"));
        page.WaitForAssertion(() => Actors(page).ShouldBe(["caolanh"]));
        var link = Navigation.Uri;
        await DisposeComponentsAsync();

        var fresh = Open(link);

        fresh.WaitForAssertion(() => Actors(fresh).ShouldBe(["caolanh"]));
        fresh.Find("input[data-testid='filter-user']").GetAttribute("value").ShouldBe("caolanh");
        fresh.Find("a[data-testid='export-audit']").GetAttribute("href").ShouldBe("/api/v1/plans/1/audit.xlsx?userName=caolanh");
    }

    [Fact]
    public void A_date_in_the_address_that_is_not_understood_is_explained_and_the_trail_shows_unfiltered()
    {
        var page = Open("/audit?from=05/01/2021");

        page.WaitForAssertion(() => page.Find("[data-testid='filter-problem']").TextContent
            .ShouldBe("Tham số from không hợp lệ: giá trị phải là một ngày dạng yyyy-MM-dd, ví dụ 2021-01-05."));
        page.WaitForAssertion(() => Actors(page).Count.ShouldBe(24));
    }

    [Fact]
    public void A_start_date_after_the_end_date_is_explained()
    {
        var page = Open("/audit?from=2021-01-06&to=2021-01-05");

        page.WaitForAssertion(() => page.Find("[data-testid='filter-problem']").TextContent
            .ShouldBe("Ngày bắt đầu (from) phải trước hoặc trùng ngày kết thúc (to)."));
        page.Find("[data-testid='audit-empty']").ShouldNotBeNull();
    }

    [Fact]
    public async Task Turning_to_the_next_page_puts_the_page_in_the_address_and_shows_the_older_rows()
    {
        var quantities = Services.GetRequiredService<QuantityService>();
        for (var i = 0; i < 30; i++)
        {
            (await quantities.ChangeAsync(Admin, new ChangeQuantity(1, 2, 60 + (i % 2), $"Lần {i + 1}"), Ct)).Succeeded.ShouldBeTrue();
        }

        var page = Open("/audit");
        page.WaitForAssertion(() => Actors(page).Count.ShouldBe(50));
        page.Find("[data-testid='audit-shown']").TextContent.ShouldBe("1–50 / 54");

        page.Find("[data-testid='audit-pager'] button[aria-label='Next page'], [data-testid='audit-pager'] .mud-pagination-item:last-child button").Click();

        page.WaitForAssertion(() => Navigation.Uri.ShouldEndWith("/audit?page=2"));
        page.WaitForAssertion(() => Actors(page).Count.ShouldBe(4));
        page.Find("[data-testid='audit-shown']").TextContent.ShouldBe("51–54 / 54");
    }

    [Fact]
    public void Clicking_a_change_set_keeps_the_other_filters_in_the_address()
    {
        var page = Open("/audit?action=Seeded");
        page.WaitForAssertion(() => Actors(page).Count.ShouldBe(24));
        var link = page.Find("a[data-testid^='change-set-']");
        var expected = link.GetAttribute("href").ShouldNotBeNull();

        link.Click();

        expected.ShouldStartWith("/audit?action=Seeded&changeSetId=");
        page.WaitForAssertion(() => Navigation.Uri.ShouldEndWith(expected));
        page.WaitForAssertion(() => page.FindAll("[data-testid='filter-change-set']").ShouldHaveSingleItem());
    }
}
