using Bunit;
using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Data;
using LicenseAllocation.Application.Identity;
using LicenseAllocation.Application.Users;
using LicenseAllocation.Domain.Units;
using LicenseAllocation.Web.Components.Pages.Users;
using LicenseAllocation.Web.Components.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Shouldly;

namespace LicenseAllocation.Web.Tests.Components;

/// <summary>The parts of the user management page: the new-account form, the list and its disable confirmation.</summary>
public sealed class UserPartsTests : ComponentTestContext
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

    private UserAdministration Administration => Services.GetRequiredService<UserAdministration>();

    private async Task CreateRolesAsync()
    {
        await using var scope = Services.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Enum.GetNames<PortalRole>())
        {
            await roles.CreateAsync(new IdentityRole(role));
        }
    }

    private async Task<IReadOnlyList<ScopeUnitOption>> ScopeUnitsAsync() => (await Administration.ListScopeUnitsAsync(Admin, Ct)).Value!;

    private static Task ChooseAsync<T>(IRenderedComponent<CreateUserForm> form, int index, T value)
    {
        var select = form.FindComponents<MudSelect<T>>()[index];
        return form.InvokeAsync(() => select.Instance.ValueChanged.InvokeAsync(value));
    }

    [Fact]
    public async Task A_district_officer_without_a_unit_is_refused_in_Vietnamese_and_nothing_is_created()
    {
        UseCulture("vi-VN");
        await CreateRolesAsync();
        var units = await ScopeUnitsAsync();
        var created = new List<UserView>();
        var form = Render<CreateUserForm>(p => p.Add(f => f.Caller, Admin).Add(f => f.Units, units)
            .Add(f => f.OnCreated, (UserView user) => created.Add(user)));

        form.Find("input[data-testid='new-user-name']").Input("can-bo-huyen");
        form.Find("input[data-testid='new-user-password']").Input("mật khẩu đủ mười hai");
        await ChooseAsync<PortalRole?>(form, 0, PortalRole.DistrictOfficer);
        form.WaitForElement("[data-testid='new-user-scope']");
        form.Find("button[data-testid='create-user']").Click();

        form.WaitForAssertion(() => form.Find("[data-testid='create-user-refusal']").TextContent.ShouldBe("Vai trò này cần chọn đơn vị phụ trách."));
        created.ShouldBeEmpty();
        (await Administration.ListAsync(Admin, Ct)).Value!.ShouldNotContain(u => u.UserName == "can-bo-huyen");
    }

    [Fact]
    public async Task A_district_officer_put_in_charge_of_a_district_committee_is_created_and_the_form_is_emptied()
    {
        UseCulture("vi-VN");
        await CreateRolesAsync();
        var units = await ScopeUnitsAsync();
        var district = units.First(u => u.Kind == UnitKind.DistrictCommittee);
        var created = new List<UserView>();
        Render<MudSnackbarProvider>();
        var form = Render<CreateUserForm>(p => p.Add(f => f.Caller, Admin).Add(f => f.Units, units)
            .Add(f => f.OnCreated, (UserView user) => created.Add(user)));

        form.Find("input[data-testid='new-user-name']").Input("can-bo-huyen");
        form.Find("input[data-testid='new-user-password']").Input("mật khẩu đủ mười hai");
        await ChooseAsync<PortalRole?>(form, 0, PortalRole.DistrictOfficer);
        await ChooseAsync<int?>(form, 0, district.Id);
        form.Find("button[data-testid='create-user']").Click();

        form.WaitForAssertion(() => created.ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            user => user.UserName.ShouldBe("can-bo-huyen"),
            user => user.Role.ShouldBe(PortalRole.DistrictOfficer),
            user => user.ScopeUnitId.ShouldBe(district.Id)));
        form.FindAll("[data-testid='create-user-refusal']").ShouldBeEmpty();
        form.FindAll("[data-testid='new-user-scope']").ShouldBeEmpty("the role is cleared with the rest of the form");
    }

    [Fact]
    public async Task Disabling_an_account_asks_first_and_the_list_then_shows_it_disabled()
    {
        UseCulture("vi-VN");
        await CreateRolesAsync();
        var ward = (await ScopeUnitsAsync()).First(u => u.Name == "Phường 11");
        (await Administration.CreateAsync(Admin, new NewUser("xem-phuong", "mật khẩu đủ mười hai", "UnitViewer", ward.Id), Ct)).Succeeded.ShouldBeTrue();
        Render<MudPopoverProvider>();
        Render<MudSnackbarProvider>();
        var dialogs = Render<MudDialogProvider>();
        var page = Render<UsersPage>();

        page.WaitForElement("button[data-testid='disable-xem-phuong']").Click();
        dialogs.WaitForAssertion(() => dialogs.Find("[data-testid='disable-user-question']").TextContent.ShouldContain("Khóa tài khoản xem-phuong?"));
        dialogs.Find("button[data-testid='confirm-disable-user']").Click();

        page.WaitForAssertion(() => page.Find("[data-testid='user-status-xem-phuong']").TextContent.ShouldContain("Đã khóa"));
        page.FindAll("[data-testid='disable-xem-phuong']").ShouldBeEmpty();
        dialogs.FindAll("[data-testid='disable-user-dialog']").ShouldBeEmpty();
    }

    [Fact]
    public async Task Cancelling_the_confirmation_leaves_the_account_active()
    {
        UseCulture("vi-VN");
        await CreateRolesAsync();
        var ward = (await ScopeUnitsAsync()).First(u => u.Name == "Phường 11");
        (await Administration.CreateAsync(Admin, new NewUser("xem-phuong", "mật khẩu đủ mười hai", "UnitViewer", ward.Id), Ct)).Succeeded.ShouldBeTrue();
        Render<MudPopoverProvider>();
        var dialogs = Render<MudDialogProvider>();
        var page = Render<UsersPage>();

        page.WaitForElement("button[data-testid='disable-xem-phuong']").Click();
        dialogs.WaitForElement("button[data-testid='cancel-disable-user']").Click();

        dialogs.WaitForAssertion(() => dialogs.FindAll("[data-testid='disable-user-dialog']").ShouldBeEmpty());
        (await Administration.ListAsync(Admin, Ct)).Value!.Single(u => u.UserName == "xem-phuong").Disabled.ShouldBeFalse();
        page.Find("[data-testid='user-status-xem-phuong']").TextContent.ShouldContain("Đang hoạt động");
    }

    [Fact]
    public void The_administrator_cannot_disable_their_own_account_from_the_list()
    {
        UseCulture("vi-VN");
        var accounts = new[]
        {
            new UserView("1", "admin", PortalRole.ProvinceAdmin, null, null, false),
            new UserView("2", "kiem-tra", PortalRole.Auditor, null, null, false),
            new UserView("3", "cu", null, null, null, true),
        };

        var list = Render<UserList>(p => p.Add(l => l.Caller, Admin).Add(l => l.Accounts, accounts));

        list.FindAll("[data-testid='disable-admin']").ShouldBeEmpty();
        list.Find("[data-testid='disable-kiem-tra']").ShouldNotBeNull();
        list.FindAll("[data-testid='disable-cu']").ShouldBeEmpty("a disabled account has nothing left to disable");
        list.Find("[data-testid='user-row-cu']").TextContent.ShouldContain("(chưa có vai trò)");
        list.Find("[data-testid='user-row-kiem-tra']").TextContent.ShouldContain("Kiểm tra viên");
    }

    [Fact]
    public async Task The_page_reads_in_English()
    {
        UseCulture("en-US");
        await CreateRolesAsync();
        var ward = (await ScopeUnitsAsync()).First(u => u.Name == "Phường 11");
        (await Administration.CreateAsync(Admin, new NewUser("xem-phuong", "mật khẩu đủ mười hai", "UnitViewer", ward.Id), Ct)).Succeeded.ShouldBeTrue();

        var page = Render<UsersPage>();

        page.WaitForAssertion(() => page.Find("[data-testid='user-row-xem-phuong']").TextContent.ShouldSatisfyAllConditions(
            text => text.ShouldContain("Unit viewer"),
            text => text.ShouldContain("Active"),
            text => text.ShouldContain("Reset password"),
            text => text.ShouldContain("Disable account")));
        page.Find("h1").TextContent.ShouldBe("User management");
        page.Find("[data-testid='create-user']").TextContent.Trim().ShouldBe("Create account");
        page.Find("[data-testid='user-list'] thead").TextContent.ShouldContain("Unit in charge");
    }
}
