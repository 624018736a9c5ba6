using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Data;
using LicenseAllocation.Application.Identity;
using LicenseAllocation.Application.Users;
using LicenseAllocation.Domain.Allocations;
using LicenseAllocation.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace LicenseAllocation.Application.Tests.Users;

/// <summary>The administrator's accounts, decided by the service over Identity and the seeded units.</summary>
public sealed class UserAdministrationTests : IAsyncLifetime
{
    private const string GoodPassword = "mười hai ký tự trở lên";
    private SqliteTestDatabase _database = default!;
    private ServiceProvider _services = default!;
    private UserAdministration _users = default!;
    private int _caoLanhCity;
    private int _ward11;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _database = await SqliteTestDatabase.CreateAsync();
        _services = IdentityServices.Over(_database);
        await IdentityServices.CreateRolesAsync(_services);
        _users = ActivatorUtilities.CreateInstance<UserAdministration>(_services);
        _caoLanhCity = await SeededPlan.UnitIdByCodeAsync(_database.Factory, "866");
        _ward11 = await SeededPlan.UnitIdByCodeAsync(_database.Factory, "29863");
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await _database.DisposeAsync();
    }

    private Task<Common.Outcome<UserView>> CreateAsync(string userName, string role, int? scope, string password = GoodPassword) =>
        _users.CreateAsync(SeededPlan.Admin, new NewUser(userName, password, role, scope), Ct);

    [Fact]
    public async Task A_district_officer_is_created_with_their_district_committee_as_scope()
    {
        var outcome = await CreateAsync("can-bo-cao-lanh", "DistrictOfficer", _caoLanhCity);

        var user = outcome.Value.ShouldNotBeNull();
        user.ShouldSatisfyAllConditions(
            u => u.UserName.ShouldBe("can-bo-cao-lanh"),
            u => u.Role.ShouldBe(PortalRole.DistrictOfficer),
            u => u.ScopeUnitId.ShouldBe(_caoLanhCity),
            u => u.ScopeUnitName.ShouldBe("Thành phố Cao Lãnh"),
            u => u.Disabled.ShouldBeFalse());
        await using var scope = _services.CreateAsyncScope();
        var manager = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var stored = (await manager.FindByNameAsync("can-bo-cao-lanh")).ShouldNotBeNull();
        (await manager.CheckPasswordAsync(stored, GoodPassword)).ShouldBeTrue();
        (await manager.IsInRoleAsync(stored, "DistrictOfficer")).ShouldBeTrue();
    }

    [Fact]
    public async Task A_district_officer_scoped_to_a_commune_is_refused_invalid_scope()
    {
        (await CreateAsync("sai-pham-vi", "DistrictOfficer", _ward11)).Error!.Code.ShouldBe(AllocationErrorCode.InvalidScope);
    }

    [Theory]
    [InlineData("DistrictOfficer")]
    [InlineData("UnitViewer")]
    public async Task A_scoped_role_without_a_scope_is_refused_scope_required(string role)
    {
        (await CreateAsync("khong-pham-vi", role, null)).Error!.Code.ShouldBe(AllocationErrorCode.ScopeRequired);
    }

    [Fact]
    public async Task A_scope_unit_that_does_not_exist_is_refused_invalid_scope()
    {
        (await CreateAsync("don-vi-ma", "UnitViewer", 99999)).Error!.Code.ShouldBe(AllocationErrorCode.InvalidScope);
    }

    [Fact]
    public async Task A_unit_viewer_may_be_scoped_to_any_unit()
    {
        (await CreateAsync("xem-phuong-11", "UnitViewer", _ward11)).Value!.ScopeUnitId.ShouldBe(_ward11);
    }

    [Theory]
    [InlineData("ProvinceAdmin")]
    [InlineData("Auditor")]
    public async Task A_province_wide_role_is_created_without_a_scope(string role)
    {
        (await CreateAsync("toan-tinh-" + role.ToLowerInvariant(), role, null)).Value!.Role.ShouldBe(Enum.Parse<PortalRole>(role));
    }

    [Theory]
    [InlineData("ProvinceAdmin")]
    [InlineData("Auditor")]
    public async Task A_province_wide_role_with_a_scope_is_refused_scope_not_allowed(string role)
    {
        (await CreateAsync("co-pham-vi", role, _caoLanhCity)).Error!.Code.ShouldBe(AllocationErrorCode.ScopeNotAllowed);
    }

    [Theory]
    [InlineData("Superuser")]
    [InlineData("1")]
    [InlineData("")]
    [InlineData(null)]
    public async Task An_unknown_role_is_refused_invalid_role(string? role)
    {
        (await _users.CreateAsync(SeededPlan.Admin, new NewUser("vai-tro-la", GoodPassword, role, null), Ct)).Error!.Code.ShouldBe(AllocationErrorCode.InvalidRole);
    }

    [Theory]
    [InlineData("ngắn quá")]
    [InlineData("12345678901")]
    [InlineData("")]
    public async Task A_password_under_12_characters_is_refused_weak_password_and_creates_nothing(string password)
    {
        var error = (await CreateAsync("mat-khau-yeu", "Auditor", null, password)).Error!;

        error.Code.ShouldBe(AllocationErrorCode.WeakPassword);
        error.Limit.ShouldBe(12);
        (await _users.ListAsync(SeededPlan.Admin, Ct)).Value!.ShouldNotContain(u => u.UserName == "mat-khau-yeu");
    }

    [Fact]
    public async Task Twelve_characters_without_any_composition_rule_are_enough()
    {
        (await CreateAsync("mat-khau-du", "Auditor", null, "aaaaaaaaaaab")).Succeeded.ShouldBeTrue();
    }

    [Fact]
    public async Task A_taken_user_name_is_refused_duplicate_user_whatever_its_case()
    {
        (await CreateAsync("kiem-toan", "Auditor", null)).Succeeded.ShouldBeTrue();

        (await CreateAsync("Kiem-Toan", "Auditor", null)).Error!.Code.ShouldBe(AllocationErrorCode.DuplicateUser);
    }

    [Fact]
    public async Task A_user_name_with_spaces_is_refused_invalid_user_name()
    {
        (await CreateAsync("cán bộ", "Auditor", null)).Error!.Code.ShouldBe(AllocationErrorCode.InvalidUserName);
    }

    [Theory]
    [InlineData(PortalRole.DistrictOfficer)]
    [InlineData(PortalRole.UnitViewer)]
    [InlineData(PortalRole.Auditor)]
    public async Task Only_the_province_administrator_manages_users(PortalRole role)
    {
        var caller = new Caller("khac", role, _caoLanhCity);
        (await _users.CreateAsync(caller, new NewUser("x-nguoi-moi", GoodPassword, "Auditor", null), Ct)).Error!.Code.ShouldBe(AllocationErrorCode.Forbidden);
        (await _users.ListAsync(caller, Ct)).Error!.Code.ShouldBe(AllocationErrorCode.Forbidden);
        (await _users.ListScopeUnitsAsync(caller, Ct)).Error!.Code.ShouldBe(AllocationErrorCode.Forbidden);
        var someone = (await CreateAsync("nan-nhan", "Auditor", null)).Value!;
        (await _users.DisableAsync(caller, someone.Id, Ct)).Error!.Code.ShouldBe(AllocationErrorCode.Forbidden);
        (await _users.ResetPasswordAsync(caller, someone.Id, "mật khẩu mới đủ dài", Ct)).Error!.Code.ShouldBe(AllocationErrorCode.Forbidden);
        (await _users.GetAsync(SeededPlan.Admin, someone.Id, Ct)).Value!.Disabled.ShouldBeFalse();
    }

    [Fact]
    public async Task Disabling_locks_the_user_out_for_good_and_changes_the_security_stamp()
    {
        var officer = (await CreateAsync("se-bi-khoa", "DistrictOfficer", _caoLanhCity)).Value!;
        var stampBefore = await StampAsync(officer.Id);

        var outcome = await _users.DisableAsync(SeededPlan.Admin, officer.Id, Ct);

        outcome.Value!.Disabled.ShouldBeTrue();
        await using var scope = _services.CreateAsyncScope();
        var manager = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var stored = (await manager.FindByIdAsync(officer.Id))!;
        (await manager.IsLockedOutAsync(stored)).ShouldBeTrue();
        UserAdministration.IsDisabled(stored.LockoutEnd).ShouldBeTrue();
        (await StampAsync(officer.Id)).ShouldNotBe(stampBefore);
        (await _users.ListAsync(SeededPlan.Admin, Ct)).Value!.Single(u => u.Id == officer.Id).Disabled.ShouldBeTrue();
    }

    [Fact]
    public async Task The_administrator_cannot_disable_themselves()
    {
        var admin = (await CreateAsync("quan-tri-2", "ProvinceAdmin", null)).Value!;

        var outcome = await _users.DisableAsync(new Caller("Quan-Tri-2", PortalRole.ProvinceAdmin), admin.Id, Ct);

        outcome.Error!.Code.ShouldBe(AllocationErrorCode.CannotDisableSelf);
        (await _users.GetAsync(SeededPlan.Admin, admin.Id, Ct)).Value!.Disabled.ShouldBeFalse();
    }

    [Fact]
    public async Task Disabling_an_unknown_user_is_refused_user_not_found()
    {
        (await _users.DisableAsync(SeededPlan.Admin, "khong-co", Ct)).Error!.Code.ShouldBe(AllocationErrorCode.UserNotFound);
    }

    [Fact]
    public async Task A_reset_password_replaces_the_old_one_and_changes_the_security_stamp()
    {
        var viewer = (await CreateAsync("quen-mat-khau", "UnitViewer", _ward11)).Value!;
        var stampBefore = await StampAsync(viewer.Id);

        (await _users.ResetPasswordAsync(SeededPlan.Admin, viewer.Id, "một mật khẩu mới hoàn toàn", Ct)).Succeeded.ShouldBeTrue();

        await using var scope = _services.CreateAsyncScope();
        var manager = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var stored = (await manager.FindByIdAsync(viewer.Id))!;
        (await manager.CheckPasswordAsync(stored, "một mật khẩu mới hoàn toàn")).ShouldBeTrue();
        (await manager.CheckPasswordAsync(stored, GoodPassword)).ShouldBeFalse();
        (await StampAsync(viewer.Id)).ShouldNotBe(stampBefore);
    }

    [Fact]
    public async Task A_weak_reset_password_is_refused_and_the_old_one_still_works()
    {
        var viewer = (await CreateAsync("giu-mat-khau", "UnitViewer", _ward11)).Value!;

        (await _users.ResetPasswordAsync(SeededPlan.Admin, viewer.Id, "ngắn", Ct)).Error!.Code.ShouldBe(AllocationErrorCode.WeakPassword);

        await using var scope = _services.CreateAsyncScope();
        var manager = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        (await manager.CheckPasswordAsync((await manager.FindByIdAsync(viewer.Id))!, GoodPassword)).ShouldBeTrue();
    }

    [Fact]
    public async Task District_committees_are_among_the_scope_units()
    {
        var units = (await _users.ListScopeUnitsAsync(SeededPlan.Admin, Ct)).Value!;

        units.Count(u => u.Kind == Domain.Units.UnitKind.DistrictCommittee).ShouldBe(12);
        units.ShouldContain(u => u.Id == _ward11 && u.ParentName == "Thành phố Cao Lãnh");
    }

    private async Task<string?> StampAsync(string userId)
    {
        await using var db = await _database.Factory.CreateDbContextAsync(Ct);
        return await db.Users.Where(u => u.Id == userId).Select(u => u.SecurityStamp).SingleAsync(Ct);
    }
}

/// <summary>Identity over a test database, registered as the portal registers it (length 12, no composition rules).</summary>
internal static class IdentityServices
{
    public static ServiceProvider Over(SqliteTestDatabase database) => Over(database.Factory);

    /// <summary>Identity over <paramref name="factory"/>: two calls over one database are two instances of the portal.</summary>
    public static ServiceProvider Over(IDbContextFactory<AllocationDbContext> factory)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddDataProtection();
        services.AddSingleton(factory);
        services.AddScoped(_ => factory.CreateDbContext());
        services.AddIdentityCore<PortalUser>(PortalIdentityOptions.Apply)
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<AllocationDbContext>()
            .AddDefaultTokenProviders();
        services.AddLicenseAllocationApplication();
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    public static async Task CreateRolesAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Enum.GetNames<PortalRole>())
        {
            (await roles.CreateAsync(new IdentityRole(role))).Succeeded.ShouldBeTrue();
        }
    }
}
