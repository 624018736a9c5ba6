using ClosedXML.Excel;
using LicenseAllocation.Application.Identity;
using LicenseAllocation.Application.Users;
using LicenseAllocation.Domain.Auditing;
using LicenseAllocation.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace LicenseAllocation.Application.Tests.Users;

/// <summary>The communes' officers created from one workbook: previewed, all or none, each row checked, passwords given once.</summary>
public sealed class BulkAccountsTests : IAsyncLifetime
{
    private SqliteTestDatabase _database = default!;
    private ServiceProvider _services = default!;
    private BulkAccounts _bulk = default!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _database = await SqliteTestDatabase.CreateAsync();
        _services = IdentityServices.Over(_database);
        await IdentityServices.CreateRolesAsync(_services);
        _bulk = _services.CreateScope().ServiceProvider.GetRequiredService<BulkAccounts>();
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await _database.DisposeAsync();
    }

    private static byte[] Workbook(params string?[][] rows) => WorkbookFiles.Create(workbook =>
    {
        var sheet = workbook.AddWorksheet("Tài khoản");
        string[] heading = ["Tên đăng nhập", "Họ và tên", "Chức vụ", "Đơn vị", "Vai trò", "Số điện thoại", "E-mail"];
        for (var c = 0; c < heading.Length; c++)
        {
            sheet.Cell(1, c + 1).SetValue<string>(heading[c]);
        }

        for (var r = 0; r < rows.Length; r++)
        {
            for (var c = 0; c < rows[r].Length; c++)
            {
                if (rows[r][c] is { } value)
                {
                    sheet.Cell(r + 2, c + 1).SetValue<string>(value);
                }
            }
        }
    });

    private static readonly string?[] Ward11Viewer = ["xem-phuong-11", "Lê Văn Cường", "Văn thư", "29863", "Người xem của đơn vị", "0277 3851 111", "cuong@caolanh.gov.vn"];
    private static readonly string?[] CaoLanhOfficer = ["cb-cao-lanh", "Phạm Thị Dung", "Chuyên viên", "Thành phố Cao Lãnh", "DistrictOfficer", null, null];

    [Fact]
    public async Task A_dry_run_lists_the_accounts_and_creates_none()
    {
        var report = (await _bulk.ImportAsync(SeededPlan.Admin, Workbook(Ward11Viewer, CaoLanhOfficer), dryRun: true, Ct)).Value!;

        report.Issues.ShouldBeEmpty();
        report.Created.ShouldBeFalse();
        report.PasswordFile.ShouldBeNull();
        report.Rows.Select(r => (r.Row, r.UserName, r.UnitName, r.Role)).ShouldBe(
            [(2, "xem-phuong-11", "Phường 11", "UnitViewer"), (3, "cb-cao-lanh", "Thành phố Cao Lãnh", "DistrictOfficer")]);
        (await UserCountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task The_accounts_are_created_with_their_details_each_must_change_the_password_in_the_file_and_each_is_audited()
    {
        var report = (await _bulk.ImportAsync(SeededPlan.Admin, Workbook(Ward11Viewer, CaoLanhOfficer), dryRun: false, Ct)).Value!;

        report.Created.ShouldBeTrue();
        using var file = new XLWorkbook(new MemoryStream(report.PasswordFile.ShouldNotBeNull()));
        var sheet = file.Worksheets.First();
        sheet.Cell(2, 1).GetString().ShouldBe("xem-phuong-11");
        sheet.Cell(3, 3).GetString().ShouldBe("Thành phố Cao Lãnh");
        var password = sheet.Cell(2, 5).GetString();
        password.Length.ShouldBe(16);
        sheet.Cell(3, 5).GetString().ShouldNotBe(password);

        await using var scope = _services.CreateAsyncScope();
        var manager = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var viewer = (await manager.FindByNameAsync("xem-phuong-11")).ShouldNotBeNull();
        (await manager.CheckPasswordAsync(viewer, password)).ShouldBeTrue();
        (await manager.IsInRoleAsync(viewer, "UnitViewer")).ShouldBeTrue();
        viewer.ShouldSatisfyAllConditions(
            v => v.MustChangePassword.ShouldBeTrue(),
            v => v.FullName.ShouldBe("Lê Văn Cường"),
            v => v.Email.ShouldBe("cuong@caolanh.gov.vn"),
            v => v.ScopeUnitId.ShouldBe(SeededPlan.UnitIdByCodeAsync(_database.Factory, "29863").Result));
        await using var db = await _database.Factory.CreateDbContextAsync(Ct);
        (await db.AuditEntries.Where(a => a.Action == AuditAction.UserCreated).CountAsync(Ct)).ShouldBe(2);
        await AuditChainCheck.ShouldBeIntactAsync(_database.Factory, Ct);
    }

    [Fact]
    public async Task One_bad_row_creates_no_account_and_each_refusal_names_its_row_and_column()
    {
        string?[] badEmail = ["cb-sai-email", "Ngô Văn E", null, "29863", "UnitViewer", null, "khong-phai-email"];
        string?[] unknownUnit = ["cb-khong-don-vi", "Ngô Văn G", null, "Xã Không Có", "UnitViewer", null, null];
        string?[] communeOfficer = ["cb-xa", "Ngô Văn H", null, "29863", "DistrictOfficer", null, null];
        string?[] twice = ["XEM-PHUONG-11", "Ngô Văn K", null, "29863", "UnitViewer", null, null];
        string?[] unknownRole = ["cb-vai-tro", "Ngô Văn L", null, "29863", "Trưởng ban", null, null];

        var report = (await _bulk.ImportAsync(SeededPlan.Admin, Workbook(Ward11Viewer, badEmail, unknownUnit, communeOfficer, twice, unknownRole), dryRun: false, Ct)).Value!;

        report.Created.ShouldBeFalse();
        report.PasswordFile.ShouldBeNull();
        report.Issues.Select(i => (i.Row, i.Column, i.ApiCode)).ShouldBe(
        [
            (3, "G", "invalid-email"),
            (4, "D", "invalid-scope"),
            (4, "D", "scope-required"),
            (5, "D", "invalid-scope"),
            (6, "A", "duplicate-user"),
            (7, "E", "invalid-role"),
        ]);
        report.Issues[0].Describe(System.Globalization.CultureInfo.GetCultureInfo("vi")).ShouldStartWith("Địa chỉ e-mail không hợp lệ");
        (await UserCountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task A_user_name_already_taken_is_refused_and_nothing_is_created()
    {
        (await _bulk.ImportAsync(SeededPlan.Admin, Workbook(Ward11Viewer), dryRun: false, Ct)).Value!.Created.ShouldBeTrue();

        var again = (await _bulk.ImportAsync(SeededPlan.Admin, Workbook(CaoLanhOfficer, Ward11Viewer), dryRun: false, Ct)).Value!;

        again.Issues.Select(i => (i.Row, i.ApiCode)).ShouldBe([(3, "duplicate-user")]);
        (await UserCountAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task A_hostile_or_foreign_file_is_refused_before_it_is_read()
    {
        (await _bulk.ImportAsync(SeededPlan.Admin, HostileFiles.Zeros(64 * 1024 * 1024 + 1), dryRun: true, Ct)).Value!.Issues.ShouldHaveSingleItem().FileIssue.ShouldNotBeNull();
        (await _bulk.ImportAsync(SeededPlan.Admin, HostileFiles.LegacyXls(), dryRun: true, Ct)).Value!.Issues.ShouldHaveSingleItem().ApiCode.ShouldBe("legacy-xls");
        (await _bulk.ImportAsync(SeededPlan.Admin, HostileFiles.PlainText(), dryRun: true, Ct)).Value!.Issues.ShouldHaveSingleItem().Row.ShouldBeNull();
    }

    [Fact]
    public async Task A_formula_is_refused_where_it_is()
    {
        var file = WorkbookFiles.Edit(Workbook(Ward11Viewer), workbook => workbook.Worksheets.First().Cell(2, 2).FormulaA1 = "=\"Lê\"&\" Văn\"");

        var report = (await _bulk.ImportAsync(SeededPlan.Admin, file, dryRun: false, Ct)).Value!;

        report.Issues.Select(i => (i.Row, i.Column, i.ApiCode)).ShouldBe([(2, "B", "formula-not-allowed")]);
        (await UserCountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task Only_the_province_administrator_may()
    {
        var officer = new LicenseAllocation.Application.Access.Caller("cb", PortalRole.DistrictOfficer, null);

        (await _bulk.ImportAsync(officer, Workbook(Ward11Viewer), dryRun: true, Ct)).Error!.Code.ShouldBe(Domain.Allocations.AllocationErrorCode.Forbidden);
    }

    private async Task<int> UserCountAsync()
    {
        await using var db = await _database.Factory.CreateDbContextAsync(Ct);
        return await db.Users.CountAsync(Ct);
    }
}
