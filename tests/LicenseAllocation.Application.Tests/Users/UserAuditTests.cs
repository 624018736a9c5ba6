using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Identity;
using LicenseAllocation.Application.Users;
using LicenseAllocation.Domain.Allocations;
using LicenseAllocation.Domain.Auditing;
using LicenseAllocation.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Shouldly;

namespace LicenseAllocation.Application.Tests.Users;

/// <summary>Account changes are audited in the transaction of the Identity change: both are kept, or neither.</summary>
public sealed class UserAuditTests : IAsyncLifetime
{
    private const string GoodPassword = "mười hai ký tự trở lên";
    private const string NewPassword = "một mật khẩu mới hoàn toàn";
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2021, 3, 1, 2, 0, 0, TimeSpan.Zero));
    private SqliteTestDatabase _database = default!;
    private ServiceProvider _services = default!;
    private UserAdministration _users = default!;
    private int _caoLanh;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _database = await SqliteTestDatabase.CreateAsync();
        _services = IdentityServices.Over(_database);
        await IdentityServices.CreateRolesAsync(_services);
        _users = ActivatorUtilities.CreateInstance<UserAdministration>(_services, _clock);
        _caoLanh = await SeededPlan.UnitIdByCodeAsync(_database.Factory, "866");
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Creating_an_account_writes_who_created_which_account_with_what_role_and_unit()
    {
        (await CreateAsync("can-bo-cao-lanh")).Succeeded.ShouldBeTrue();

        var row = (await AccountRowsAsync()).ShouldHaveSingleItem();
        row.ShouldSatisfyAllConditions(
            r => r.Action.ShouldBe(AuditAction.UserCreated),
            r => r.Actor.ShouldBe("admin"),
            r => r.PlanId.ShouldBeNull(),
            r => r.UnitId.ShouldBeNull(),
            r => r.AtUtc.ShouldBe(_clock.GetUtcNow().UtcDateTime),
            r => r.Reason.ShouldBe("Tạo tài khoản \"can-bo-cao-lanh\", vai trò Cán bộ cấp huyện, đơn vị phụ trách \"Thành phố Cao Lãnh\""));
        await AuditChainCheck.ShouldBeIntactAsync(_database.Factory, Ct);
    }

    [Fact]
    public async Task Disabling_and_resetting_a_password_are_audited_without_the_password()
    {
        var user = (await CreateAsync("se-thay-doi")).Value!;

        (await _users.ResetPasswordAsync(SeededPlan.Admin, user.Id, NewPassword, Ct)).Succeeded.ShouldBeTrue();
        (await _users.DisableAsync(SeededPlan.Admin, user.Id, Ct)).Succeeded.ShouldBeTrue();

        var rows = await AccountRowsAsync();
        rows.Select(r => (r.Action, r.Reason)).ShouldBe(
        [
            (AuditAction.UserCreated, "Tạo tài khoản \"se-thay-doi\", vai trò Cán bộ cấp huyện, đơn vị phụ trách \"Thành phố Cao Lãnh\""),
            (AuditAction.UserPasswordReset, "Đặt lại mật khẩu của tài khoản \"se-thay-doi\""),
            (AuditAction.UserDisabled, "Khóa tài khoản \"se-thay-doi\""),
        ]);
        rows.ShouldAllBe(r => !r.Reason.Contains(GoodPassword) && !r.Reason.Contains(NewPassword));
        await AuditChainCheck.ShouldBeIntactAsync(_database.Factory, Ct);
    }

    [Fact]
    public async Task A_refused_creation_leaves_neither_account_nor_audit_row()
    {
        (await CreateAsync("mat-khau-yeu", password: "ngắn")).Error!.Code.ShouldBe(AllocationErrorCode.WeakPassword);
        (await CreateAsync("sai-vai-tro", role: "Superuser")).Error!.Code.ShouldBe(AllocationErrorCode.InvalidRole);

        (await AccountRowsAsync()).ShouldBeEmpty();
        (await AccountExistsAsync("mat-khau-yeu")).ShouldBeFalse();
    }

    [Fact]
    public async Task Refused_changes_to_an_account_leave_no_audit_row()
    {
        var user = (await CreateAsync("giu-nguyen")).Value!;

        (await _users.ResetPasswordAsync(SeededPlan.Admin, user.Id, "ngắn", Ct)).Error!.Code.ShouldBe(AllocationErrorCode.WeakPassword);
        (await _users.DisableAsync(new Caller("giu-nguyen", PortalRole.ProvinceAdmin), user.Id, Ct)).Error!.Code.ShouldBe(AllocationErrorCode.CannotDisableSelf);
        (await _users.DisableAsync(SeededPlan.Admin, "khong-co", Ct)).Error!.Code.ShouldBe(AllocationErrorCode.UserNotFound);

        (await AccountRowsAsync()).Select(r => r.Action).ShouldBe([AuditAction.UserCreated]);
    }

    [Fact]
    public async Task When_the_audit_row_cannot_be_written_the_account_is_not_created()
    {
        await RefuseAuditWritesAsync();

        await Should.ThrowAsync<DbUpdateException>(() => CreateAsync("khong-duoc-ghi"));

        (await AccountExistsAsync("khong-duoc-ghi")).ShouldBeFalse();
        await using var db = await _database.Factory.CreateDbContextAsync(Ct);
        (await db.UserRoles.CountAsync(Ct)).ShouldBe(0);
        (await AccountRowsAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task When_the_audit_row_cannot_be_written_the_account_is_not_disabled()
    {
        var user = (await CreateAsync("van-hoat-dong")).Value!;
        var stampBefore = await StampAsync(user.Id);
        await RefuseAuditWritesAsync();

        await Should.ThrowAsync<DbUpdateException>(() => _users.DisableAsync(SeededPlan.Admin, user.Id, Ct));

        (await _users.GetAsync(SeededPlan.Admin, user.Id, Ct)).Value!.Disabled.ShouldBeFalse();
        (await StampAsync(user.Id)).ShouldBe(stampBefore);
        (await AccountRowsAsync()).Select(r => r.Action).ShouldBe([AuditAction.UserCreated]);
    }

    [Fact]
    public async Task When_the_audit_row_cannot_be_written_the_old_password_stays()
    {
        var user = (await CreateAsync("giu-mat-khau")).Value!;
        await RefuseAuditWritesAsync();

        await Should.ThrowAsync<DbUpdateException>(() => _users.ResetPasswordAsync(SeededPlan.Admin, user.Id, NewPassword, Ct));

        await using var scope = _services.CreateAsyncScope();
        var manager = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<PortalUser>>();
        (await manager.CheckPasswordAsync((await manager.FindByIdAsync(user.Id))!, GoodPassword)).ShouldBeTrue();
    }

    private Task<Common.Outcome<UserView>> CreateAsync(string userName, string role = "DistrictOfficer", string password = GoodPassword) =>
        _users.CreateAsync(SeededPlan.Admin, new NewUser(userName, password, role, role == "DistrictOfficer" ? _caoLanh : null), Ct);

    /// <summary>A database trigger refuses every new audit row: the audit write fails inside the change's transaction.</summary>
    private async Task RefuseAuditWritesAsync()
    {
        await using var db = await _database.Factory.CreateDbContextAsync(Ct);
        await db.Database.ExecuteSqlRawAsync(
            "CREATE TRIGGER refuse_audit BEFORE INSERT ON AuditEntries BEGIN SELECT RAISE(ABORT, 'audit trail unavailable'); END;", Ct);
    }

    private async Task<List<AuditEntry>> AccountRowsAsync()
    {
        await using var db = await _database.Factory.CreateDbContextAsync(Ct);
        return await db.AuditEntries.Where(a => a.PlanId == null).OrderBy(a => a.Sequence).ToListAsync(Ct);
    }

    private async Task<bool> AccountExistsAsync(string userName)
    {
        await using var db = await _database.Factory.CreateDbContextAsync(Ct);
        return await db.Users.AnyAsync(u => u.UserName == userName, Ct);
    }

    private async Task<string?> StampAsync(string userId)
    {
        await using var db = await _database.Factory.CreateDbContextAsync(Ct);
        return await db.Users.Where(u => u.Id == userId).Select(u => u.SecurityStamp).SingleAsync(Ct);
    }
}
