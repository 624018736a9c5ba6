using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Identity;
using LicenseAllocation.Application.Users;
using LicenseAllocation.Domain.Allocations;
using LicenseAllocation.Domain.Auditing;
using LicenseAllocation.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Shouldly;

namespace LicenseAllocation.Application.Tests.Users;

/// <summary>Who an account belongs to: the administrator sets it, users keep their own name, phone and e-mail; re-enabling; last sign-in.</summary>
public sealed class AccountDetailsTests : IAsyncLifetime
{
    private const string GoodPassword = "mười hai ký tự trở lên";
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2021, 3, 1, 2, 0, 0, TimeSpan.Zero));
    private SqliteTestDatabase _database = default!;
    private ServiceProvider _services = default!;
    private UserAdministration _users = default!;
    private int _caoLanh;
    private int _saDec;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _database = await SqliteTestDatabase.CreateAsync();
        _services = IdentityServices.Over(_database);
        await IdentityServices.CreateRolesAsync(_services);
        _users = ActivatorUtilities.CreateInstance<UserAdministration>(_services, _clock);
        _caoLanh = await SeededPlan.UnitIdByCodeAsync(_database.Factory, "866");
        _saDec = await SeededPlan.UnitIdByCodeAsync(_database.Factory, "867");
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await _database.DisposeAsync();
    }

    private async Task<UserView> CreateOfficerAsync(string userName = "can-bo-cao-lanh") =>
        (await _users.CreateAsync(SeededPlan.Admin, new NewUser(userName, GoodPassword, "DistrictOfficer", _caoLanh,
            "Nguyễn Văn An", "Chuyên viên", "0277 3851 234", "an.nv@caolanh.dongthap.gov.vn"), Ct)).Value.ShouldNotBeNull();

    private static Caller Officer(string userName = "can-bo-cao-lanh") => new(userName, PortalRole.DistrictOfficer, null);

    [Fact]
    public async Task A_new_account_keeps_the_persons_name_position_phone_and_email_with_the_email_where_identity_keeps_it()
    {
        var user = await CreateOfficerAsync();

        user.ShouldSatisfyAllConditions(
            u => u.FullName.ShouldBe("Nguyễn Văn An"),
            u => u.Position.ShouldBe("Chuyên viên"),
            u => u.Phone.ShouldBe("0277 3851 234"),
            u => u.Email.ShouldBe("an.nv@caolanh.dongthap.gov.vn"),
            u => u.LastSignInAt.ShouldBeNull());
        await using var scope = _services.CreateAsyncScope();
        var manager = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var stored = (await manager.FindByEmailAsync("AN.NV@caolanh.dongthap.gov.vn")).ShouldNotBeNull();
        stored.UserName.ShouldBe("can-bo-cao-lanh");
        (await manager.GetPhoneNumberAsync(stored)).ShouldBe("0277 3851 234");
    }

    [Fact]
    public async Task The_administrator_edits_the_details_normalised_and_the_trail_names_the_fields_that_changed()
    {
        var user = await CreateOfficerAsync();

        var edited = (await _users.UpdateAsync(SeededPlan.Admin, user.Id,
            new AccountEdit("  Nguyễn   Văn An ", "Phó Trưởng phòng", "0277 3851 234", "An.NV@CaoLanh.DongThap.gov.vn", _caoLanh), Ct)).Value!;

        edited.Position.ShouldBe("Phó Trưởng phòng");
        edited.FullName.ShouldBe("Nguyễn Văn An");
        edited.Email.ShouldBe("An.NV@caolanh.dongthap.gov.vn");
        var row = (await AccountRowsAsync()).Last();
        row.Action.ShouldBe(AuditAction.UserDetailsChanged);
        row.Reason.ShouldBe("Sửa thông tin tài khoản \"can-bo-cao-lanh\": chức vụ, e-mail");
        await AuditChainCheck.ShouldBeIntactAsync(_database.Factory, Ct);
    }

    [Fact]
    public async Task An_edit_that_changes_nothing_writes_no_audit_row()
    {
        var user = await CreateOfficerAsync();

        (await _users.UpdateAsync(SeededPlan.Admin, user.Id, new AccountEdit(user.FullName, user.Position, user.Phone, user.Email, _caoLanh), Ct)).Succeeded.ShouldBeTrue();

        (await AccountRowsAsync()).Select(r => r.Action).ShouldBe([AuditAction.UserCreated]);
    }

    [Fact]
    public async Task Moving_an_officer_to_another_district_is_audited_with_the_unit_and_ends_their_sessions()
    {
        var user = await CreateOfficerAsync();
        var stampBefore = await StampAsync(user.Id);

        var moved = (await _users.UpdateAsync(SeededPlan.Admin, user.Id, new AccountEdit(user.FullName, user.Position, user.Phone, user.Email, _saDec), Ct)).Value!;

        moved.ScopeUnitId.ShouldBe(_saDec);
        (await StampAsync(user.Id)).ShouldNotBe(stampBefore);
        (await AccountRowsAsync()).Last().Reason.ShouldBe("Sửa thông tin tài khoản \"can-bo-cao-lanh\": đơn vị phụ trách \"Thành phố Sa Đéc\"");
    }

    [Fact]
    public async Task An_officer_cannot_be_moved_to_a_commune_or_out_of_any_unit()
    {
        var user = await CreateOfficerAsync();
        var ward11 = await SeededPlan.UnitIdByCodeAsync(_database.Factory, "29863");

        (await _users.UpdateAsync(SeededPlan.Admin, user.Id, new AccountEdit(null, null, null, null, ward11), Ct)).Error!.Code.ShouldBe(AllocationErrorCode.InvalidScope);
        (await _users.UpdateAsync(SeededPlan.Admin, user.Id, new AccountEdit(null, null, null, null, null), Ct)).Error!.Code.ShouldBe(AllocationErrorCode.ScopeRequired);
        (await _users.GetAsync(SeededPlan.Admin, user.Id, Ct)).Value!.FullName.ShouldBe("Nguyễn Văn An");
    }

    [Theory]
    [InlineData("khong-co-a-cong", AllocationErrorCode.InvalidEmail)]
    [InlineData("hai@@dongthap.gov.vn", AllocationErrorCode.InvalidEmail)]
    [InlineData("co khoang@dongthap.gov.vn", AllocationErrorCode.InvalidEmail)]
    [InlineData("\"Ten\" <a@dongthap.gov.vn>", AllocationErrorCode.InvalidEmail)]
    [InlineData("a@localhost", AllocationErrorCode.InvalidEmail)]
    [InlineData("a@dong_thap.gov.vn", AllocationErrorCode.InvalidEmail)]
    public async Task An_address_that_is_not_an_email_is_refused_and_the_old_one_stays(string email, AllocationErrorCode code)
    {
        var user = await CreateOfficerAsync();

        (await _users.SetEmailAsync(SeededPlan.Admin, user.Id, email, Ct)).Error!.Code.ShouldBe(code);

        (await _users.GetAsync(SeededPlan.Admin, user.Id, Ct)).Value!.Email.ShouldBe("an.nv@caolanh.dongthap.gov.vn");
    }

    [Theory]
    [InlineData("0277 3851 234", null)]
    [InlineData("+84 (277) 385-1234", null)]
    [InlineData("12345", AllocationErrorCode.InvalidPhone)]
    [InlineData("0277 385 abc", AllocationErrorCode.InvalidPhone)]
    [InlineData("0277+3851234", AllocationErrorCode.InvalidPhone)]
    public async Task A_phone_is_digits_with_the_usual_separators(string phone, AllocationErrorCode? refusal)
    {
        var user = await CreateOfficerAsync();

        var outcome = await _users.UpdateOwnAsync(Officer(), new OwnDetails(user.FullName, phone, user.Email), Ct);

        (outcome.Succeeded ? (AllocationErrorCode?)null : outcome.Error!.Code).ShouldBe(refusal);
    }

    [Fact]
    public async Task A_name_with_invisible_characters_or_too_long_is_refused()
    {
        var user = await CreateOfficerAsync();

        (await _users.UpdateOwnAsync(Officer(), new OwnDetails("Nguyễn\u200BVăn", null, null), Ct)).Error!.Code.ShouldBe(AllocationErrorCode.InvalidCharacters);
        (await _users.UpdateOwnAsync(Officer(), new OwnDetails(new string('A', 101), null, null), Ct)).Error!.Code.ShouldBe(AllocationErrorCode.InvalidFullName);
        (await _users.UpdateAsync(SeededPlan.Admin, user.Id, new AccountEdit(null, new string('B', 151), null, null, _caoLanh), Ct)).Error!.Code.ShouldBe(AllocationErrorCode.InvalidPosition);
    }

    [Fact]
    public async Task Users_change_their_own_email_and_name_but_not_their_position_and_the_trail_says_they_did()
    {
        await CreateOfficerAsync();

        var own = (await _users.UpdateOwnAsync(Officer(), new OwnDetails("Nguyễn Văn Ân", "0912 345 678", "an@dongthap.gov.vn"), Ct)).Value!;

        own.ShouldSatisfyAllConditions(
            u => u.FullName.ShouldBe("Nguyễn Văn Ân"),
            u => u.Phone.ShouldBe("0912 345 678"),
            u => u.Email.ShouldBe("an@dongthap.gov.vn"),
            u => u.Position.ShouldBe("Chuyên viên"));
        var row = (await AccountRowsAsync()).Last();
        row.Actor.ShouldBe("can-bo-cao-lanh");
        row.Reason.ShouldBe("Sửa thông tin tài khoản \"can-bo-cao-lanh\": họ và tên, số điện thoại, e-mail");
    }

    [Fact]
    public async Task A_user_sets_their_own_email_but_not_another_accounts_whether_it_exists_or_not()
    {
        var user = await CreateOfficerAsync();
        var other = await CreateOfficerAsync("can-bo-khac");

        (await _users.SetEmailAsync(Officer(), user.Id, "moi@dongthap.gov.vn", Ct)).Value!.Email.ShouldBe("moi@dongthap.gov.vn");
        (await _users.SetEmailAsync(Officer(), other.Id, "chiem@dongthap.gov.vn", Ct)).Error!.Code.ShouldBe(AllocationErrorCode.Forbidden);
        (await _users.SetEmailAsync(Officer(), "khong-co", "chiem@dongthap.gov.vn", Ct)).Error!.Code.ShouldBe(AllocationErrorCode.Forbidden);
        (await _users.UpdateAsync(Officer(), user.Id, new AccountEdit(null, "Giám đốc", null, null, _caoLanh), Ct)).Error!.Code.ShouldBe(AllocationErrorCode.Forbidden);
        (await _users.GetAsync(SeededPlan.Admin, other.Id, Ct)).Value!.Email.ShouldBe("an.nv@caolanh.dongthap.gov.vn");
    }

    [Fact]
    public async Task Changing_ones_own_email_keeps_ones_sessions()
    {
        var user = await CreateOfficerAsync();
        var stampBefore = await StampAsync(user.Id);

        (await _users.SetEmailAsync(Officer(), user.Id, "moi@dongthap.gov.vn", Ct)).Succeeded.ShouldBeTrue();

        (await StampAsync(user.Id)).ShouldBe(stampBefore);
    }

    [Fact]
    public async Task A_disabled_account_is_re_enabled_signs_in_again_and_the_trail_records_it()
    {
        var user = await CreateOfficerAsync();
        (await _users.DisableAsync(SeededPlan.Admin, user.Id, Ct)).Succeeded.ShouldBeTrue();

        var enabled = (await _users.EnableAsync(SeededPlan.Admin, user.Id, Ct)).Value!;

        enabled.Disabled.ShouldBeFalse();
        await using var scope = _services.CreateAsyncScope();
        var manager = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var stored = (await manager.FindByIdAsync(user.Id))!;
        (await manager.IsLockedOutAsync(stored)).ShouldBeFalse();
        (await manager.CheckPasswordAsync(stored, GoodPassword)).ShouldBeTrue();
        (await AccountRowsAsync()).Select(r => (r.Action, r.Reason)).TakeLast(2).ShouldBe(
        [
            (AuditAction.UserDisabled, "Khóa tài khoản \"can-bo-cao-lanh\""),
            (AuditAction.UserEnabled, "Mở khóa tài khoản \"can-bo-cao-lanh\""),
        ]);
    }

    [Fact]
    public async Task Re_enabling_an_active_account_is_refused_and_only_the_administrator_may()
    {
        var user = await CreateOfficerAsync();

        (await _users.EnableAsync(SeededPlan.Admin, user.Id, Ct)).Error!.Code.ShouldBe(AllocationErrorCode.UserNotDisabled);
        (await _users.EnableAsync(Officer(), user.Id, Ct)).Error!.Code.ShouldBe(AllocationErrorCode.Forbidden);
        (await AccountRowsAsync()).Select(r => r.Action).ShouldBe([AuditAction.UserCreated]);
    }

    [Fact]
    public async Task The_last_sign_in_is_the_moment_it_was_recorded()
    {
        var user = await CreateOfficerAsync();
        _clock.Advance(TimeSpan.FromHours(3));

        await _users.RecordSignInAsync(user.Id, Ct);

        (await _users.GetAsync(SeededPlan.Admin, user.Id, Ct)).Value!.LastSignInAt.ShouldBe(new DateTime(2021, 3, 1, 5, 0, 0, DateTimeKind.Utc));
        (await _users.GetOwnAsync(Officer(), Ct)).Value!.LastSignInAt.ShouldBe(new DateTime(2021, 3, 1, 5, 0, 0, DateTimeKind.Utc));
    }

    private async Task<List<AuditEntry>> AccountRowsAsync()
    {
        await using var db = await _database.Factory.CreateDbContextAsync(Ct);
        return await db.AuditEntries.Where(a => a.PlanId == null).OrderBy(a => a.Sequence).ToListAsync(Ct);
    }

    private async Task<string?> StampAsync(string userId)
    {
        await using var db = await _database.Factory.CreateDbContextAsync(Ct);
        return await db.Users.Where(u => u.Id == userId).Select(u => u.SecurityStamp).SingleAsync(Ct);
    }
}
