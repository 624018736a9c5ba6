using Bunit;
using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Data;
using LicenseAllocation.Application.Identity;
using LicenseAllocation.Application.Users;
using LicenseAllocation.Web.Components.Account;
using LicenseAllocation.Web.Components.Pages.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Shouldly;

namespace LicenseAllocation.Web.Tests.Components;

/// <summary>The account parts: the administrator's edit row and re-enable button, the user's own details.</summary>
public sealed class AccountPartsTests : ComponentTestContext
{
    private static readonly Caller Admin = new("admin", PortalRole.ProvinceAdmin);

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    protected override void AddServices()
    {
        Services.AddLogging();
        Services.AddDataProtection();
        Services.AddScoped(_ => Database.Factory.CreateDbContext());
        Services.AddIdentityCore<PortalUser>(PortalIdentityOptions.Apply)
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<AllocationDbContext>()
            .AddDefaultTokenProviders();
        AddAuthorization().SetAuthorized("admin").SetRoles(nameof(PortalRole.ProvinceAdmin));
    }

    private UserAdministration Administration => Services.GetRequiredService<UserAdministration>();

    private async Task<UserView> CreateViewerAsync()
    {
        await using (var scope = Services.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope())
        {
            var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
            foreach (var role in Enum.GetNames<PortalRole>())
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }

        var ward = (await Administration.ListScopeUnitsAsync(Admin, Ct)).Value!.First(u => u.Name == "Phường 11");
        return (await Administration.CreateAsync(Admin,
            new NewUser("xem-phuong", "mật khẩu đủ mười hai", "UnitViewer", ward.Id, "Lê Thị Hoa", "Văn thư"), Ct)).Value!;
    }

    [Fact]
    public async Task The_administrator_edits_an_account_a_wrong_email_is_explained_and_the_list_shows_the_saved_details()
    {
        UseCulture("vi-VN");
        await CreateViewerAsync();
        Render<MudPopoverProvider>();
        Render<MudSnackbarProvider>();
        var page = Render<UsersPage>();

        page.WaitForElement("button[data-testid='edit-user-xem-phuong']").Click();
        page.WaitForElement("input[data-testid='edit-user-email']").Input("hoa@@caolanh");
        page.Find("button[data-testid='edit-user-save']").Click();
        page.WaitForAssertion(() => page.Find("[data-testid='edit-user-refusal']").TextContent.ShouldStartWith("Địa chỉ e-mail không hợp lệ"));

        page.Find("input[data-testid='edit-user-email']").Input("hoa@caolanh.gov.vn");
        page.Find("input[data-testid='edit-user-phone']").Input("0277 3851 222");
        page.Find("button[data-testid='edit-user-save']").Click();

        page.WaitForAssertion(() => page.Find("[data-testid='user-contact-xem-phuong']").TextContent.ShouldSatisfyAllConditions(
            text => text.ShouldContain("hoa@caolanh.gov.vn"),
            text => text.ShouldContain("0277 3851 222")));
        page.FindAll("[data-testid='edit-user-form']").ShouldBeEmpty();
        page.Find("[data-testid='user-person-xem-phuong']").TextContent.ShouldContain("Lê Thị Hoa");
        page.Find("[data-testid='user-last-sign-in-xem-phuong']").TextContent.ShouldBe("Chưa đăng nhập");
    }

    [Fact]
    public async Task A_disabled_account_is_re_enabled_from_the_list()
    {
        UseCulture("vi-VN");
        var user = await CreateViewerAsync();
        (await Administration.DisableAsync(Admin, user.Id, Ct)).Succeeded.ShouldBeTrue();
        Render<MudPopoverProvider>();
        Render<MudSnackbarProvider>();
        var page = Render<UsersPage>();

        page.WaitForElement("button[data-testid='enable-xem-phuong']").Click();

        page.WaitForAssertion(() => page.Find("[data-testid='user-status-xem-phuong']").TextContent.ShouldContain("Đang hoạt động"));
        page.FindAll("[data-testid='enable-xem-phuong']").ShouldBeEmpty();
        (await Administration.GetAsync(Admin, user.Id, Ct)).Value!.Disabled.ShouldBeFalse();
    }

    [Fact]
    public async Task Users_save_their_own_phone_and_see_the_position_the_administrator_set()
    {
        UseCulture("vi-VN");
        var user = await CreateViewerAsync();
        var viewer = new Caller("xem-phuong", PortalRole.UnitViewer, user.ScopeUnitId);
        Render<MudPopoverProvider>();
        Render<MudSnackbarProvider>();
        var form = Render<OwnDetailsForm>(p => p.Add(f => f.Caller, viewer).Add(f => f.Account, user));

        form.Find("[data-testid='own-position']").TextContent.ShouldBe("Văn thư");
        form.Find("input[data-testid='own-phone']").Input("0912 345 678");
        form.Find("button[data-testid='own-details-save']").Click();

        form.WaitForAssertion(() => Administration.GetOwnAsync(viewer, Ct).GetAwaiter().GetResult().Value!.Phone.ShouldBe("0912 345 678"));
        form.FindAll("[data-testid='own-details-refusal']").ShouldBeEmpty();
    }
}
