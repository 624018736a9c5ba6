using System.Globalization;
using System.Security.Cryptography;
using ClosedXML.Excel;
using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Common;
using LicenseAllocation.Application.Data;
using LicenseAllocation.Application.Identity;
using LicenseAllocation.Application.Import;
using LicenseAllocation.Domain.Allocations;
using LicenseAllocation.Domain.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LicenseAllocation.Application.Users;

/// <summary>One refused row (or the file as a whole, without a row) of a workbook of accounts.</summary>
public sealed record BulkAccountIssue(int? Row, string? Column, AllocationError? Refusal, ImportIssue? FileIssue)
{
    public string ApiCode => Refusal is { } refusal ? refusal.Code.ApiCode() : FileIssue!.ApiCode;

    public string Describe(CultureInfo culture) =>
        Refusal is { } refusal ? RefusalMessages.Describe(refusal, culture) : ImportMessages.Describe(FileIssue!, culture);
}

/// <summary>An account of the workbook as it will be created.</summary>
public sealed record BulkAccountRow(int Row, string UserName, string? FullName, string? Position, string Role, string? UnitName, string? Phone, string? Email);

/// <summary>
/// What a workbook of accounts gives: the rows read, the issues (nothing is created when there is one), and — once
/// created — the initial passwords workbook, delivered once with the answer and never stored.
/// </summary>
public sealed record BulkAccountsReport(IReadOnlyList<BulkAccountRow> Rows, IReadOnlyList<BulkAccountIssue> Issues, bool Created, byte[]? PasswordFile);

/// <summary>
/// Accounts created together from a workbook (the communes' officers): the first sheet, a heading in row 1 and one
/// account a row from row 2, in the columns A user name, B full name, C position, D unit (its code or its name), E role
/// (<c>DistrictOfficer</c>… or its Vietnamese name), F phone, G e-mail. The file passes the import's defences first
/// (<see cref="XlsxPackageGuard"/>, <see cref="WorkbookCells"/>: stored values, never formulas); every row is checked
/// by the rules of <see cref="UserAdministration.CreateAsync"/>; the accounts are created all together or not at all,
/// each with a generated password it must change at first sign-in, listed in a workbook for the administrator.
/// </summary>
public sealed class BulkAccounts(UserAdministration accounts, IDbContextFactory<AllocationDbContext> contextFactory, IOptions<ImportOptions> options)
{
    public const int MaxRows = 1000;
    private static readonly string[] _columns = ["A", "B", "C", "D", "E", "F", "G"];

    public async Task<Outcome<BulkAccountsReport>> ImportAsync(Caller caller, byte[] file, bool dryRun, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(file);
        if (!AccessPolicy.CanManageUsers(caller))
        {
            return AllocationError.Forbidden();
        }

        if (XlsxPackageGuard.Check(file, options.Value) is { } unsafeFile)
        {
            return Refused([], new BulkAccountIssue(null, null, null, unsafeFile));
        }

        var (sheets, unreadable) = WorkbookCells.Read(file, options.Value, cancellationToken);
        if (unreadable is not null || sheets.Count == 0)
        {
            return Refused([], new BulkAccountIssue(null, null, null, unreadable ?? new ImportIssue(ImportErrorCode.EmptyTable)));
        }

        var sheet = sheets[0];
        var units = await UnitsAsync(cancellationToken);
        var rows = new List<BulkAccountRow>();
        var requests = new List<NewUser>();
        var issues = new List<BulkAccountIssue>();
        foreach (var row in sheet.Rows.Where(r => r > 1))
        {
            var cells = _columns.Select((_, i) => sheet[row, i + 1]).ToArray();
            if (cells.All(c => c is null || c.IsBlank))
            {
                continue;
            }

            if (Array.FindIndex(cells, c => c is { IsFormula: true }) is var formula and >= 0)
            {
                issues.Add(new BulkAccountIssue(row, _columns[formula], null, new ImportIssue(ImportErrorCode.FormulaNotAllowed, sheet.Name, row, _columns[formula])));
                continue;
            }

            string? Text(int i) => cells[i] is { } cell && !cell.IsBlank ? cell.DisplayText : null;
            var unit = Text(3) is { } unitText ? FindUnit(units, unitText) : (Id: (int?)null, Name: (string?)null, Found: true);
            var role = RoleName(Text(4));
            if (!unit.Found)
            {
                issues.Add(new BulkAccountIssue(row, "D", AllocationError.InvalidScope(), null));
            }

            rows.Add(new BulkAccountRow(row, Text(0) ?? string.Empty, Text(1), Text(2), role ?? Text(4) ?? string.Empty, unit.Name, Text(5), Text(6)));
            requests.Add(new NewUser(Text(0), GeneratePassword(), role ?? Text(4), unit.Id, Text(1), Text(2), Text(5), Text(6)));
        }

        if (rows.Count == 0 && issues.Count == 0)
        {
            return Refused(rows, new BulkAccountIssue(null, null, null, new ImportIssue(ImportErrorCode.EmptyTable, sheet.Name)));
        }

        if (rows.Count > MaxRows)
        {
            return Refused(rows, new BulkAccountIssue(null, null, null, new ImportIssue(ImportErrorCode.TooManyCells, sheet.Name) { Actual = rows.Count, Limit = MaxRows }));
        }

        var checkedRows = await accounts.CreateManyAsync(caller, requests, dryRun: dryRun || issues.Count > 0, cancellationToken);
        if (!checkedRows.Succeeded)
        {
            return checkedRows.Error;
        }

        issues.AddRange(checkedRows.Value.Select(r => new BulkAccountIssue(rows[r.Index].Row, ColumnOf(r.Refusal.Code), r.Refusal, null)));
        issues.Sort((a, b) => (a.Row ?? 0).CompareTo(b.Row ?? 0));
        if (issues.Count > 0 || dryRun)
        {
            return new BulkAccountsReport(rows, issues, false, null);
        }

        return new BulkAccountsReport(rows, [], true, PasswordWorkbook(rows, requests));
    }

    private static BulkAccountsReport Refused(IReadOnlyList<BulkAccountRow> rows, BulkAccountIssue issue) => new(rows, [issue], false, null);

    /// <summary>Which column a refusal points at, as the administrator sees the sheet.</summary>
    private static string ColumnOf(AllocationErrorCode code) => code switch
    {
        AllocationErrorCode.InvalidUserName or AllocationErrorCode.DuplicateUser or AllocationErrorCode.InvalidCharacters
            or AllocationErrorCode.MixedScript => "A",
        AllocationErrorCode.InvalidFullName => "B",
        AllocationErrorCode.InvalidPosition => "C",
        AllocationErrorCode.InvalidScope or AllocationErrorCode.ScopeRequired or AllocationErrorCode.ScopeNotAllowed => "D",
        AllocationErrorCode.InvalidRole => "E",
        AllocationErrorCode.InvalidPhone => "F",
        AllocationErrorCode.InvalidEmail => "G",
        _ => "A",
    };

    /// <summary>The role's name from its API name or its Vietnamese name, whatever the case and composition.</summary>
    private static string? RoleName(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var key = InputText.CompareKey(text);
        return Enum.GetValues<PortalRole>()
            .Where(r => InputText.CompareKey(r.ToString()) == key || InputText.CompareKey(AccountAuditText.RoleName(r)) == key)
            .Select(r => r.ToString())
            .FirstOrDefault();
    }

    /// <summary>An active unit by its code, or by a name no other active unit has.</summary>
    private static (int? Id, string? Name, bool Found) FindUnit(IReadOnlyList<(int Id, string? Code, string Name)> units, string text)
    {
        var byCode = units.Where(u => string.Equals(u.Code, text.Trim(), StringComparison.OrdinalIgnoreCase)).ToList();
        var key = InputText.CompareKey(text);
        var matches = byCode.Count > 0 ? byCode : units.Where(u => InputText.CompareKey(u.Name) == key).ToList();
        return matches.Count == 1 ? (matches[0].Id, matches[0].Name, true) : (null, null, false);
    }

    private async Task<IReadOnlyList<(int Id, string? Code, string Name)>> UnitsAsync(CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var units = await db.Units.AsNoTracking().Where(u => u.IsActive).Select(u => new { u.Id, u.Code, u.Name }).ToListAsync(cancellationToken);
        return units.Select(u => (u.Id, u.Code, u.Name)).ToList();
    }

    /// <summary>Sixteen characters from an alphabet without look-alikes (no 0/O, 1/l/I), from the system's random generator.</summary>
    internal static string GeneratePassword()
    {
        const string alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        return string.Create(16, alphabet, (chars, letters) =>
        {
            for (var i = 0; i < chars.Length; i++)
            {
                chars[i] = letters[RandomNumberGenerator.GetInt32(letters.Length)];
            }
        });
    }

    /// <summary>The initial passwords, one account a row, for the administrator to hand over; every one must be changed at first sign-in.</summary>
    private static byte[] PasswordWorkbook(List<BulkAccountRow> rows, List<NewUser> requests)
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.AddWorksheet("Mật khẩu ban đầu");
        string[] headings = ["Tên đăng nhập", "Họ và tên", "Đơn vị phụ trách", "Vai trò", "Mật khẩu ban đầu (phải đổi khi đăng nhập lần đầu)"];
        double[] widths = [24, 28, 36, 22, 30];
        for (var c = 0; c < headings.Length; c++)
        {
            sheet.Column(c + 1).Width = widths[c];
            sheet.Cell(1, c + 1).SetValue<string>(headings[c]);
            sheet.Cell(1, c + 1).Style.Font.Bold = true;
        }

        for (var i = 0; i < rows.Count; i++)
        {
            var role = UserAdministration.ParseRole(rows[i].Role) is { } parsed ? AccountAuditText.RoleName(parsed) : rows[i].Role;
            string?[] values = [rows[i].UserName, rows[i].FullName, rows[i].UnitName, role, requests[i].Password];
            for (var c = 0; c < values.Length; c++)
            {
                sheet.Cell(i + 2, c + 1).SetValue<string>(values[c] ?? string.Empty);
            }
        }

        using var output = new MemoryStream();
        workbook.SaveAs(output);
        return output.ToArray();
    }
}
