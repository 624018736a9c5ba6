using Bunit;
using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Data;
using LicenseAllocation.Application.Identity;
using LicenseAllocation.Application.Users;
using LicenseAllocation.Web.Components.Pages.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace LicenseAllocation.Web.Tests.Components;

public sealed class UsersPageTests : ComponentTestContext
{
    private static readonly Caller Admin = new("admin", PortalRole.ProvinceAdmin);

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    protected override void AddServices()
    {
        Services.AddLogging();
        Services.AddDataProtection();
        Services.AddScoped(_ => Database.Factory.CreateDbContext());
        Services.AddIdentityCore<PortalUser>(o => (o.Password.RequiredLength, o.Password.RequireDigit, o.Password.RequireLowercase,
                o.Password.RequireUppercase, o.Password.RequireNonAlphanumeric) = (12, false, false, false, false))
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<AllocationDbContext>()
            .AddDefaultTokenProviders();
        AddAuthorization().SetAuthorized("admin").SetRoles(nameof(PortalRole.ProvinceAdmin));
    }

    private async Task<IRenderedComponent<UsersPage>> RenderPageWithAViewerAsync()
    {
        UseCulture("vi-VN");
        await using (var scope = Services.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope())
        {
            var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
            foreach (var role in Enum.GetNames<PortalRole>())
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }

        var ward = (await Services.GetRequiredService<UserAdministration>().ListScopeUnitsAsync(Admin, Ct)).Value!.First(u => u.Name == "Phường 11");
        (await Services.GetRequiredService<UserAdministration>().CreateAsync(Admin, new NewUser("xem-phuong", "mật khẩu đủ mười hai", "UnitViewer", ward.Id), Ct))
            .Succeeded.ShouldBeTrue();
        return Render<UsersPage>();
    }

    [Fact]
    public async Task The_page_lists_accounts_with_their_role_unit_and_status()
    {
        var page = await RenderPageWithAViewerAsync();

        page.WaitForAssertion(() => page.Find("[data-testid='user-row-xem-phuong']").TextContent
            .ShouldSatisfyAllConditions(
                text => text.ShouldContain("Người xem của đơn vị"),
                text => text.ShouldContain("Phường 11"),
                text => text.ShouldContain("Đang hoạt động")));
    }

    [Fact]
    public async Task A_refused_account_is_explained_under_the_form()
    {
        var page = await RenderPageWithAViewerAsync();
        page.WaitForElement("[data-testid='create-user']");

        page.Find("input[data-testid='new-user-name']").Input("nguoi-moi");
        page.Find("input[data-testid='new-user-password']").Input("mật khẩu đủ mười hai");
        page.Find("button[data-testid='create-user']").Click();

        page.WaitForAssertion(() => page.Find("[data-testid='create-user-refusal']").TextContent.ShouldContain("Vai trò không hợp lệ"));
    }

    [Fact]
    public async Task A_password_reset_is_refused_when_short_and_closes_the_form_when_accepted()
    {
        var page = await RenderPageWithAViewerAsync();
        page.WaitForElement("[data-testid='reset-password-xem-phuong']").Click();

        page.WaitForElement("input[data-testid='reset-password-input']").Input("ngắn");
        page.Find("button[data-testid='reset-password-save']").Click();
        page.WaitForAssertion(() => page.Find("[data-testid='reset-password-refusal']").TextContent.ShouldBe("Mật khẩu phải có ít nhất 12 ký tự."));

        page.Find("input[data-testid='reset-password-input']").Input("một mật khẩu mới đủ dài");
        page.Find("button[data-testid='reset-password-save']").Click();
        page.WaitForAssertion(() => page.FindAll("[data-testid='reset-password-form']").ShouldBeEmpty());
    }
}
