using System.Text;
using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Import;
using LicenseAllocation.Application.Identity;
using LicenseAllocation.Application.Reorganisations;
using LicenseAllocation.Domain.Allocations;
using LicenseAllocation.Domain.Auditing;
using LicenseAllocation.Domain.Units;
using LicenseAllocation.Testing;
using Microsoft.EntityFrameworkCore;
using Shouldly;

namespace LicenseAllocation.Application.Tests.Reorganisations;

/// <summary>
/// Another reorganisation brought by the administrator as a file: recorded whole through the same recorder as the
/// shipped one, or refused whole with every problem by row, and nothing changed.
/// </summary>
public sealed class ReorganisationImportTests : IAsyncLifetime
{
    private SqliteTestDatabase _database = default!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _database = await SqliteTestDatabase.CreateAsync();
        (await new DongThap2025Seeder(_database.Factory, TimeProvider.System).SeedAsync(Ct)).ShouldBeTrue();
    }

    public async ValueTask DisposeAsync() => await _database.DisposeAsync();

    private ReorganisationImports Imports(long maxFileBytes = 5 * 1024 * 1024) =>
        new(_database.Factory, Microsoft.Extensions.Options.Options.Create(new ImportOptions { MaxFileBytes = maxFileBytes }), TimeProvider.System);

    private async Task<ReorganisationImportReport> ImportAsync(byte[] file, bool dryRun = false, Caller? caller = null)
    {
        var outcome = await Imports().ImportAsync(caller ?? SeededPlan.Admin, file, dryRun, Ct);
        outcome.Succeeded.ShouldBeTrue();
        return outcome.Value!;
    }

    /// <summary>Everything an import could change: units with their dates, reorganisations, links and the trail's length.</summary>
    private async Task<string> StateAsync()
    {
        await using var db = await _database.Factory.CreateDbContextAsync(Ct);
        var units = await db.Units.AsNoTracking().OrderBy(u => u.Id).Select(u => $"{u.Id}|{u.Name}|{u.ValidFrom}|{u.ValidTo}|{u.AgencyCode}").ToListAsync(Ct);
        return string.Join('\n', units)
            + $"\n{await db.Reorganisations.CountAsync(Ct)}|{await db.ReorganisationLinks.CountAsync(Ct)}|{await db.AuditEntries.CountAsync(Ct)}";
    }

    /// <summary>Imports the file, expects it refused with <paramref name="code"/>, and nothing changed.</summary>
    private async Task<ReorganisationIssue> RefusedAsync(byte[] file, string code)
    {
        var before = await StateAsync();
        var report = await ImportAsync(file);

        report.Applied.ShouldBeFalse();
        report.Issues.Select(i => i.ApiCode).ShouldContain(code, string.Join(", ", report.Issues.Select(i => $"{i.Row}:{i.Column}:{i.ApiCode}")));
        (await StateAsync()).ShouldBe(before);
        var issue = report.Issues.First(i => i.ApiCode == code);
        issue.Describe(System.Globalization.CultureInfo.GetCultureInfo("vi-VN")).ShouldNotBe(issue.Describe(System.Globalization.CultureInfo.GetCultureInfo("en-US")));
        return issue;
    }

    private static TestReorganisation WithCommune(TestReorganisation file, int index, TestUnit commune) =>
        file with { Communes = [.. file.Communes.Select((c, i) => i == index ? commune : c)] };

    [Fact]
    public async Task A_valid_json_file_records_the_reorganisation_ends_the_old_structure_and_writes_one_audit_row()
    {
        var report = await ImportAsync(ReorganisationFiles.Json(ReorganisationFiles.Valid()));

        report.Issues.ShouldBeEmpty(string.Join(", ", report.Issues.Select(i => $"{i.Row}:{i.Column}:{i.ApiCode}")));
        var recorded = report.Recorded.ShouldNotBeNull();
        recorded.Summary.Name.ShouldBe(ReorganisationFiles.Name);
        recorded.Summary.EffectiveFrom.ShouldBe(new DateOnly(2026, 1, 1));
        recorded.Units.Select(u => u.Name).ShouldBe(["Tỉnh Đồng Tháp", "Sở Tài chính", "Sở Nội vụ", "Phường Cao Lãnh", "Phường Mỹ Ngãi", "Xã Bình Minh"]);
        recorded.Units[1].AgencyCode.ShouldBe("000.01.00.H20");
        recorded.Units[3].FormedFrom.Select(f => f.Share).ShouldBe([null, 0.6m]);
        recorded.Units[5].FormedFrom.Single().UnitId.ShouldBeNull();

        await using var db = await _database.Factory.CreateDbContextAsync(Ct);
        var old2025 = await db.Reorganisations.Where(r => r.Name == DongThap2025Seeder.Name).Select(r => r.RootUnitId).SingleAsync(Ct);
        (await db.Units.SingleAsync(u => u.Id == old2025, Ct)).ValidTo.ShouldBe(new DateOnly(2025, 12, 31));
        (await db.Units.CountAsync(u => u.ReorganisationId == recorded.Summary.Id && u.ValidFrom == new DateOnly(2026, 1, 1), Ct)).ShouldBe(6);
        var audit = await db.AuditEntries.Where(a => a.Action == AuditAction.ReorganisationRecorded).OrderBy(a => a.Sequence).ToListAsync(Ct);
        audit.Count.ShouldBe(2);
        audit[^1].Actor.ShouldBe("admin");
        audit[^1].Reason.ShouldContain("nhập từ tệp JSON, SHA-256 ");
    }

    [Fact]
    public async Task A_valid_workbook_records_the_same_reorganisation()
    {
        var report = await ImportAsync(ReorganisationFiles.Workbook(ReorganisationFiles.Valid()));

        report.Issues.ShouldBeEmpty(string.Join(", ", report.Issues.Select(i => $"{i.Sheet}!{i.Column}{i.Row}:{i.ApiCode}:{i.Found}")));
        var recorded = report.Recorded.ShouldNotBeNull();
        recorded.Units.Count.ShouldBe(6);
        recorded.Units.Single(u => u.Name == "Phường Mỹ Ngãi").FormedFrom.Select(f => (f.Code, f.Share, f.Partial)).ShouldBe([("29884", (decimal?)null, false), ("29888", 0.4m, true)]);
    }

    [Fact]
    public async Task A_dry_run_previews_the_new_units_with_what_they_are_formed_from_and_changes_nothing()
    {
        var before = await StateAsync();

        var report = await ImportAsync(ReorganisationFiles.Json(ReorganisationFiles.Valid()), dryRun: true);

        report.Applied.ShouldBeFalse();
        report.Issues.ShouldBeEmpty();
        var preview = report.Preview.ShouldNotBeNull();
        preview.Units.Count.ShouldBe(6);
        preview.Units[0].Kind.ShouldBe(UnitKind.Province);
        preview.Units[3].FormedFrom.ShouldAllBe(f => f.OldUnitId != null);
        preview.EndingUnits.ShouldBe(1 + 14 + 102);
        (await StateAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Only_the_administrator_imports_a_reorganisation()
    {
        var outcome = await Imports().ImportAsync(new Caller("kiem-toan", PortalRole.Auditor), ReorganisationFiles.Json(ReorganisationFiles.Valid()), true, Ct);

        outcome.Error!.Code.ShouldBe(AllocationErrorCode.Forbidden);
    }

    [Fact]
    public async Task A_new_unit_formed_from_itself_is_refused_at_its_line()
    {
        var file = WithCommune(ReorganisationFiles.Valid(), 2, new TestUnit("Xã", "90001", "Xã Bình Minh", null, [new TestLink("90001", "Xã Bình Minh")]));
        var json = ReorganisationFiles.Json(file);

        var issue = await RefusedAsync(json, "formed-from-itself");

        issue.Column.ShouldBe("communes[2].formedFrom[0].code");
        var lines = Encoding.UTF8.GetString(json).Split('\n');
        lines[issue.Row!.Value - 1].ShouldContain("\"code\": \"90001\"");
        lines[issue.Row.Value - 2].ShouldContain("{");
    }

    [Fact]
    public async Task A_chain_within_the_file_is_refused()
    {
        var file = WithCommune(ReorganisationFiles.Valid(), 2, new TestUnit("Xã", "90001", "Xã Bình Minh", null, [new TestLink("29884", "Phường Mỹ Ngãi"), new TestLink("29869", null)]));
        file = file with { Communes = [.. file.Communes.Take(2), new TestUnit("Xã", "90002", "Xã Hòa Bình", null, [new TestLink("90001", null)]), file.Communes[2]] };

        var issue = await RefusedAsync(ReorganisationFiles.Json(file), "formed-from-new-unit");

        issue.Found.ShouldBe("Xã Bình Minh");
        issue.OtherRow.ShouldNotBeNull();
    }

    [Fact]
    public async Task An_unknown_old_unit_is_refused()
    {
        var file = WithCommune(ReorganisationFiles.Valid(), 2, new TestUnit("Xã", "90001", "Xã Bình Minh", null, [new TestLink("99999", "Xã Không Có")]));

        (await RefusedAsync(ReorganisationFiles.Json(file), "old-unit-unknown")).Found.ShouldBe("99999");
    }

    [Fact]
    public async Task An_old_unit_that_had_ended_before_the_effective_date_is_refused()
    {
        // 29863, Phường 11 of Cao Lãnh, belongs to the 2020 structure, which ended on 30/06/2025.
        var file = WithCommune(ReorganisationFiles.Valid(), 2, new TestUnit("Xã", "90001", "Xã Bình Minh", null, [new TestLink("29863", "Phường 11")]));

        (await RefusedAsync(ReorganisationFiles.Json(file), "old-unit-not-in-force")).Found!.ShouldContain("30/06/2025");
    }

    [Fact]
    public async Task Shares_of_a_split_old_unit_that_do_not_add_up_are_refused_on_each_of_its_rows()
    {
        var file = ReorganisationFiles.Valid();
        file = WithCommune(file, 1, file.Communes[1] with { From = [file.Communes[1].From[0], new TestLink("29888", "Phường Mỹ Trà", true, 0.3m)] });

        var before = await StateAsync();
        var report = await ImportAsync(ReorganisationFiles.Workbook(file));

        var rows = report.Issues.Where(i => i.ApiCode == "shares-do-not-add-up").ToList();
        rows.Count.ShouldBe(2);
        rows.ShouldAllBe(i => i.Column == "H" && i.Share == 0.9m);
        rows.Select(i => i.Row).ShouldBe([6, 8]);
        rows[0].Describe(System.Globalization.CultureInfo.GetCultureInfo("vi-VN")).ShouldContain("(hiện là 0,9)");
        rows[0].Describe(System.Globalization.CultureInfo.GetCultureInfo("en-US")).ShouldContain("0.9");
        (await StateAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task A_code_given_to_two_new_units_is_refused_with_the_first_row()
    {
        var file = ReorganisationFiles.Valid();
        file = WithCommune(file, 2, file.Communes[2] with { Code = "29884" });

        var issue = await RefusedAsync(ReorganisationFiles.Workbook(file), "unit-code-repeated");

        (issue.Sheet, issue.Row, issue.Column, issue.OtherRow).ShouldBe((ReorganisationWorkbook.UnitsSheet, 9, "B", 7));
    }

    [Fact]
    public async Task An_agency_code_given_to_two_new_units_is_refused()
    {
        var file = ReorganisationFiles.Valid();
        file = file with { Agencies = [file.Agencies[0], file.Agencies[1] with { AgencyCode = "000.01.00.h20" }] };

        (await RefusedAsync(ReorganisationFiles.Json(file), "agency-code-repeated")).Column.ShouldBe("agencies[1].agencyCode");
    }

    [Theory]
    [InlineData("2026-02-30")]
    [InlineData("2026-13-01")]
    [InlineData("1999-12-31")]
    [InlineData("")]
    public async Task A_bad_effective_date_is_refused(string date)
    {
        var file = ReorganisationFiles.Valid() with { EffectiveFrom = date };

        (await RefusedAsync(ReorganisationFiles.Json(file), "effective-date-invalid")).Column.ShouldBe("effectiveFrom");
    }

    [Fact]
    public async Task An_empty_unit_name_is_refused_by_the_unit_name_rule()
    {
        var file = ReorganisationFiles.Valid();
        file = WithCommune(file, 0, file.Communes[0] with { Name = "   " });

        (await RefusedAsync(ReorganisationFiles.Workbook(file), "invalid-name")).Column.ShouldBe("C");
    }

    [Theory]
    [InlineData("Xã Bình\u202EMinh", "invalid-characters")]
    [InlineData("Xã Bình\u0000Minh", "invalid-characters")]
    [InlineData("Xã Bình\u200BMinh", "invalid-characters")]
    [InlineData("Xã Вình Minh", "mixed-script")]
    public async Task Control_bidirectional_and_look_alike_characters_in_a_name_are_refused(string name, string code)
    {
        var file = ReorganisationFiles.Valid();
        file = WithCommune(file, 2, file.Communes[2] with { Name = name });

        (await RefusedAsync(ReorganisationFiles.Json(file), code)).Column.ShouldBe("communes[2].name");
    }

    [Fact]
    public async Task A_file_over_the_upload_limit_is_refused_before_it_is_read()
    {
        var before = await StateAsync();
        var outcome = await Imports(maxFileBytes: 1024).ImportAsync(SeededPlan.Admin, ReorganisationFiles.Json(ReorganisationFiles.Valid()), false, Ct);

        outcome.Value!.Issues.Single().ApiCode.ShouldBe("file-too-large");
        (await StateAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Hostile_and_broken_files_are_refused_with_nothing_changed()
    {
        (await RefusedAsync(HostileFiles.LegacyXls(), "legacy-xls")).Row.ShouldBeNull();
        await RefusedAsync(HostileFiles.Pdf(), "reorganisation-file-unreadable");
        await RefusedAsync(HostileFiles.ZipWithoutWorkbook(), "not-xlsx");
        (await RefusedAsync("{\n  \"name\": \"x\",\n  \"communes\": [ { ] \n}"u8.ToArray(), "reorganisation-file-unreadable")).Row.ShouldBe(3);
        await RefusedAsync(Encoding.UTF8.GetBytes(new string('[', 10) + "{}" + new string(']', 10)), "reorganisation-file-unreadable");
        await RefusedAsync(Encoding.UTF8.GetBytes("{" + string.Concat(Enumerable.Repeat("\"a\":{", 40)) + string.Concat(Enumerable.Repeat("}", 40)) + "}"), "reorganisation-file-unreadable");
        await RefusedAsync("{\"name\": \"a\", \"name\": \"b\"}"u8.ToArray(), "reorganisation-file-unreadable");
    }

    [Fact]
    public async Task A_reorganisation_recorded_already_is_not_recorded_twice()
    {
        (await ImportAsync(ReorganisationFiles.Json(ReorganisationFiles.Valid()))).Applied.ShouldBeTrue();

        await RefusedAsync(ReorganisationFiles.Json(ReorganisationFiles.Valid()), "reorganisation-exists");
    }

    [Fact]
    public async Task Codes_held_by_units_that_stay_in_force_are_refused()
    {
        // The new province takes nothing over from the 2025 one, which therefore stays, with its GSO code and its identifier.
        var file = ReorganisationFiles.Valid();
        file = file with { Province = file.Province with { From = [] } };

        var before = await StateAsync();
        var report = await ImportAsync(ReorganisationFiles.Json(file));

        report.Issues.Single(i => i.ApiCode == "unit-code-in-use").Column.ShouldBe("province.code");
        var agencyCode = report.Issues.Single(i => i.ApiCode == "duplicate-agency-code");
        agencyCode.Column.ShouldBe("province.agencyCode");
        agencyCode.Describe(System.Globalization.CultureInfo.GetCultureInfo("vi-VN")).ShouldContain("Tỉnh Đồng Tháp");
        (await StateAsync()).ShouldBe(before);
    }
}
