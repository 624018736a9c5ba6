using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Identity;
using LicenseAllocation.Application.Users;
using LicenseAllocation.Domain.Allocations;
using LicenseAllocation.Domain.Auditing;
using LicenseAllocation.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Shouldly;

namespace LicenseAllocation.Application.Tests.Users;

/// <summary>Setting up two-factor sign-in with an authenticator app, with codes computed as the app computes them.</summary>
public sealed class TwoFactorEnrolmentTests : IAsyncLifetime
{
    private const string Password = "mật khẩu quản trị cấp";
    private static readonly Caller Viewer = new("xem-cao-lanh", PortalRole.UnitViewer, null);
    private SqliteTestDatabase _database = default!;
    private ServiceProvider _services = default!;
    private UserAdministration _users = default!;
    private readonly TwoFactorOptions _options = new();
    private TwoFactorEnrolment _twoFactor = default!;
    private UserView _account = default!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _database = await SqliteTestDatabase.CreateAsync();
        _services = IdentityServices.Over(_database);
        await IdentityServices.CreateRolesAsync(_services);
        _users = ActivatorUtilities.CreateInstance<UserAdministration>(_services);
        _twoFactor = ActivatorUtilities.CreateInstance<TwoFactorEnrolment>(_services, _users, Options.Create(_options));
        var caoLanh = await SeededPlan.UnitIdByCodeAsync(_database.Factory, "866");
        _account = (await _users.CreateAsync(SeededPlan.Admin, new NewUser(Viewer.UserName, Password, "UnitViewer", caoLanh), Ct)).Value!;
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task The_setup_gives_a_key_and_an_otpauth_address_that_carry_the_same_secret_and_keeps_it_until_used()
    {
        var setup = (await _twoFactor.GetSetupAsync(Viewer, Ct)).Value!;

        setup.Enabled.ShouldBeFalse();
        setup.AuthenticatorUri!.ShouldStartWith("otpauth://totp/Phan%20bo%20ban%20quyen:xem-cao-lanh?secret=");
        setup.SharedKey!.Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant().ShouldBe(Totp.SecretOf(setup.AuthenticatorUri));
        (await _twoFactor.GetSetupAsync(Viewer, Ct)).Value!.SharedKey.ShouldBe(setup.SharedKey);
    }

    [Fact]
    public async Task Showing_the_key_does_not_end_the_users_session()
    {
        var before = await StampAsync();

        await _twoFactor.GetSetupAsync(Viewer, Ct);

        (await StampAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task A_wrong_code_turns_nothing_on_and_writes_no_audit_row()
    {
        var key = await KeyAsync();

        var refused = await _twoFactor.EnableAsync(Viewer, Totp.WrongCode(key), Ct);

        refused.Error!.Code.ShouldBe(AllocationErrorCode.InvalidTwoFactorCode);
        (await _users.GetOwnAsync(Viewer, Ct)).Value!.TwoFactorEnabled.ShouldBeFalse();
        (await AccountRowsAsync()).ShouldNotContain(r => r.Action == AuditAction.UserTwoFactorEnabled);
    }

    [Fact]
    public async Task The_apps_code_turns_it_on_gives_ten_distinct_recovery_codes_ends_other_sessions_and_is_audited()
    {
        var key = await KeyAsync();
        var stamp = await StampAsync();

        var done = (await _twoFactor.EnableAsync(Viewer, Totp.Code(key), Ct)).Value!;

        done.Account.TwoFactorEnabled.ShouldBeTrue();
        done.RecoveryCodes.Count.ShouldBe(10);
        done.RecoveryCodes.Distinct().Count().ShouldBe(10);
        (await StampAsync()).ShouldNotBe(stamp);
        var row = (await AccountRowsAsync()).Last();
        (row.Action, row.Actor, row.Reason).ShouldBe((AuditAction.UserTwoFactorEnabled, "xem-cao-lanh", "Người dùng \"xem-cao-lanh\" bật đăng nhập hai lớp"));
        row.Reason.ShouldNotContain(done.RecoveryCodes[0]);
        var setup = (await _twoFactor.GetSetupAsync(Viewer, Ct)).Value!;
        (setup.Enabled, setup.SharedKey, setup.RecoveryCodesLeft).ShouldBe((true, null, 10));
        (await _twoFactor.EnableAsync(Viewer, Totp.Code(key), Ct)).Error!.Code.ShouldBe(AllocationErrorCode.TwoFactorAlreadyEnabled);
    }

    [Fact]
    public async Task Renewed_recovery_codes_replace_the_old_ones()
    {
        var key = await KeyAsync();
        var first = (await _twoFactor.EnableAsync(Viewer, Totp.Code(key), Ct)).Value!.RecoveryCodes;

        (await _twoFactor.RenewRecoveryCodesAsync(Viewer, Totp.WrongCode(key), Ct)).Error!.Code.ShouldBe(AllocationErrorCode.InvalidTwoFactorCode);
        var second = (await _twoFactor.RenewRecoveryCodesAsync(Viewer, Totp.Code(key), Ct)).Value!.RecoveryCodes;

        second.Count.ShouldBe(10);
        second.Intersect(first).ShouldBeEmpty();
        (await AccountRowsAsync()).Last().Action.ShouldBe(AuditAction.UserRecoveryCodesRenewed);
    }

    [Fact]
    public async Task Turning_it_off_takes_a_current_code_and_a_new_set_up_uses_a_new_key()
    {
        var key = await KeyAsync();
        await _twoFactor.EnableAsync(Viewer, Totp.Code(key), Ct);

        (await _twoFactor.DisableAsync(Viewer, Totp.WrongCode(key), Ct)).Error!.Code.ShouldBe(AllocationErrorCode.InvalidTwoFactorCode);
        (await _twoFactor.DisableAsync(Viewer, Totp.Code(key), Ct)).Value!.TwoFactorEnabled.ShouldBeFalse();

        (await AccountRowsAsync()).Last().Action.ShouldBe(AuditAction.UserTwoFactorDisabled);
        (await KeyAsync()).ShouldNotBe(key);
        (await _twoFactor.DisableAsync(Viewer, Totp.Code(key), Ct)).Error!.Code.ShouldBe(AllocationErrorCode.TwoFactorNotEnabled);
    }

    [Fact]
    public async Task An_administrator_cannot_turn_it_off_when_the_portal_requires_it_for_administrators()
    {
        (await _users.CreateAsync(SeededPlan.Admin, new NewUser("quan-tri-2", Password, "ProvinceAdmin", null), Ct)).Succeeded.ShouldBeTrue();
        var second = new Caller("quan-tri-2", PortalRole.ProvinceAdmin);
        var key = Totp.SecretOf((await _twoFactor.GetSetupAsync(second, Ct)).Value!.AuthenticatorUri!);
        await _twoFactor.EnableAsync(second, Totp.Code(key), Ct);
        _options.RequireTwoFactorForAdmins = true;

        (await _twoFactor.GetSetupAsync(second, Ct)).Value!.Mandatory.ShouldBeTrue();
        (await _twoFactor.DisableAsync(second, Totp.Code(key), Ct)).Error!.Code.ShouldBe(AllocationErrorCode.TwoFactorMandatory);
    }

    [Fact]
    public async Task The_administrator_removes_it_from_an_account_whose_phone_was_lost_and_no_one_else_may()
    {
        var key = await KeyAsync();
        await _twoFactor.EnableAsync(Viewer, Totp.Code(key), Ct);

        (await _twoFactor.ResetAsync(Viewer, _account.Id, Ct)).Error!.Code.ShouldBe(AllocationErrorCode.Forbidden);
        (await _twoFactor.ResetAsync(SeededPlan.Admin, _account.Id, Ct)).Value!.TwoFactorEnabled.ShouldBeFalse();

        var row = (await AccountRowsAsync()).Last();
        (row.Action, row.Actor, row.Reason).ShouldBe((AuditAction.UserTwoFactorDisabled, SeededPlan.Admin.UserName,
            "Gỡ đăng nhập hai lớp của tài khoản \"xem-cao-lanh\" (mất thiết bị xác thực)"));
        (await KeyAsync()).ShouldNotBe(key);
    }

    private async Task<string> KeyAsync() => Totp.SecretOf((await _twoFactor.GetSetupAsync(Viewer, Ct)).Value!.AuthenticatorUri!);

    private async Task<string?> StampAsync()
    {
        await using var db = await _database.Factory.CreateDbContextAsync(Ct);
        return await db.Users.Where(u => u.Id == _account.Id).Select(u => u.SecurityStamp).SingleAsync(Ct);
    }

    private async Task<List<AuditEntry>> AccountRowsAsync()
    {
        await using var db = await _database.Factory.CreateDbContextAsync(Ct);
        return await db.AuditEntries.Where(a => a.PlanId == null).OrderBy(a => a.Sequence).ToListAsync(Ct);
    }
}
