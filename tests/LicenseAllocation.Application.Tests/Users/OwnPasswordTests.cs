using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Identity;
using LicenseAllocation.Application.Users;
using LicenseAllocation.Domain.Allocations;
using LicenseAllocation.Domain.Auditing;
using LicenseAllocation.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace LicenseAllocation.Application.Tests.Users;

/// <summary>Users choose their own password; a password the administrator set must be changed before anything else.</summary>
public sealed class OwnPasswordTests : IAsyncLifetime
{
    private const string Given = "mật khẩu quản trị cấp";
    private const string Chosen = "bến Ninh Kiều chiều mưa";
    private static readonly Caller Viewer = new("xem-cao-lanh", PortalRole.UnitViewer, null);
    private SqliteTestDatabase _database = default!;
    private ServiceProvider _services = default!;
    private UserAdministration _users = default!;
    private UserView _account = default!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _database = await SqliteTestDatabase.CreateAsync();
        _services = IdentityServices.Over(_database);
        await IdentityServices.CreateRolesAsync(_services);
        _users = ActivatorUtilities.CreateInstance<UserAdministration>(_services);
        var caoLanh = await SeededPlan.UnitIdByCodeAsync(_database.Factory, "866");
        _account = (await _users.CreateAsync(SeededPlan.Admin, new NewUser(Viewer.UserName, Given, "UnitViewer", caoLanh), Ct)).Value!;
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public void A_new_account_must_change_the_password_the_administrator_gave_it()
    {
        _account.MustChangePassword.ShouldBeTrue();
    }

    [Fact]
    public async Task An_account_for_a_tool_may_keep_the_password_it_was_given()
    {
        var tool = (await _users.CreateAsync(SeededPlan.Admin, new NewUser("cong-cu", Given, "Auditor", null, MustChangePassword: false), Ct)).Value!;

        tool.MustChangePassword.ShouldBeFalse();
    }

    [Fact]
    public async Task The_users_own_password_replaces_the_given_one_clears_the_obligation_ends_other_sessions_and_is_audited()
    {
        var stampBefore = await StampAsync();

        var changed = (await _users.ChangeOwnPasswordAsync(Viewer, Given, Chosen, Ct)).Value!;

        changed.MustChangePassword.ShouldBeFalse();
        (await StampAsync()).ShouldNotBe(stampBefore);
        (await CheckAsync(Chosen)).ShouldBeTrue();
        (await CheckAsync(Given)).ShouldBeFalse();
        var row = (await AccountRowsAsync()).Last();
        (row.Action, row.Actor, row.Reason).ShouldBe((AuditAction.UserPasswordChanged, "xem-cao-lanh", "Người dùng \"xem-cao-lanh\" tự đổi mật khẩu"));
        row.Reason.ShouldNotContain(Chosen);
    }

    [Fact]
    public async Task A_reset_by_the_administrator_obliges_the_user_to_change_again()
    {
        (await _users.ChangeOwnPasswordAsync(Viewer, Given, Chosen, Ct)).Succeeded.ShouldBeTrue();

        (await _users.ResetPasswordAsync(SeededPlan.Admin, _account.Id, "một mật khẩu đặt lại", Ct)).Value!.MustChangePassword.ShouldBeTrue();
    }

    [Theory]
    [InlineData(Given, "ngắn quá", AllocationErrorCode.WeakPassword)]
    [InlineData(Given, Given, AllocationErrorCode.SamePassword)]
    [InlineData(Given, "123456789012", AllocationErrorCode.CommonPassword)]
    [InlineData(Given, "xem-cao-lanh-2021", AllocationErrorCode.PasswordLikeUserName)]
    [InlineData("không phải mật khẩu này", Chosen, AllocationErrorCode.WrongCurrentPassword)]
    [InlineData("", Chosen, AllocationErrorCode.WrongCurrentPassword)]
    public async Task A_refused_change_keeps_the_password_and_the_obligation(string current, string next, AllocationErrorCode code)
    {
        (await _users.ChangeOwnPasswordAsync(Viewer, current, next, Ct)).Error!.Code.ShouldBe(code);

        (await CheckAsync(Given)).ShouldBeTrue();
        (await _users.GetOwnAsync(Viewer, Ct)).Value!.MustChangePassword.ShouldBeTrue();
        (await AccountRowsAsync()).Select(r => r.Action).ShouldBe([AuditAction.UserCreated]);
    }

    [Fact]
    public async Task Wrong_current_passwords_count_towards_the_lockout()
    {
        for (var i = 0; i < 5; i++)
        {
            (await _users.ChangeOwnPasswordAsync(Viewer, "đoán sai lần " + i, Chosen, Ct)).Error!.Code.ShouldBe(AllocationErrorCode.WrongCurrentPassword);
        }

        // Locked out now: even the right current password is refused until the lockout ends.
        (await _users.ChangeOwnPasswordAsync(Viewer, Given, Chosen, Ct)).Error!.Code.ShouldBe(AllocationErrorCode.WrongCurrentPassword);
        (await CheckAsync(Given)).ShouldBeTrue();
    }

    private async Task<bool> CheckAsync(string password)
    {
        await using var scope = _services.CreateAsyncScope();
        var manager = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        return await manager.CheckPasswordAsync((await manager.FindByIdAsync(_account.Id))!, password);
    }

    private async Task<List<AuditEntry>> AccountRowsAsync()
    {
        await using var db = await _database.Factory.CreateDbContextAsync(Ct);
        return await db.AuditEntries.Where(a => a.PlanId == null).OrderBy(a => a.Sequence).ToListAsync(Ct);
    }

    private async Task<string?> StampAsync()
    {
        await using var db = await _database.Factory.CreateDbContextAsync(Ct);
        return await db.Users.Where(u => u.Id == _account.Id).Select(u => u.SecurityStamp).SingleAsync(Ct);
    }
}
