using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using LicenseAllocation.Application.Auditing;
using LicenseAllocation.Domain.Auditing;
using LicenseAllocation.Testing;
using Microsoft.EntityFrameworkCore;
using Shouldly;

namespace LicenseAllocation.Application.Tests.Auditing;

/// <summary>
/// The trail export is read a page at a time and written row by row (inline strings, no shared-string table held in
/// memory until the end), so a long trail costs one page of memory; every row is there once, newest first.
/// </summary>
public sealed class AuditExportStreamingTests
{
    private const int Added = 2_500;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_trail_longer_than_a_page_is_streamed_into_the_workbook_every_row_once_newest_first()
    {
        await using var database = await SqliteTestDatabase.CreateAsync();
        await AppendAsync(database, Added);
        var audit = new AuditQueries(database.Factory, TimeProvider.System);

        var document = (await audit.ExportAsync(SeededPlan.Admin, new AuditFilter(), Ct)).Value!;
        await using var file = await AuditWorkbook.ToTemporaryFileAsync(document, Ct);
        using var copy = new MemoryStream();
        await file.CopyToAsync(copy, Ct);

        using var package = SpreadsheetDocument.Open(new MemoryStream(copy.ToArray()), isEditable: false);
        package.WorkbookPart!.SharedStringTablePart.ShouldBeNull("text goes out as inline strings, row by row");
        var sheet = package.WorkbookPart.WorksheetParts.Single().Worksheet;
        var ids = sheet.Descendants<Row>().Where(r => r.RowIndex! >= AuditWorkbook.FirstDataRow)
            .Select(r => long.Parse(r.Elements<Cell>().ElementAt(1).CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture))
            .ToList();
        await using var db = await database.Factory.CreateDbContextAsync(Ct);
        var stored = await db.AuditEntries.OrderByDescending(a => a.Sequence).Select(a => a.Id).ToListAsync(Ct);
        document.RowCount.ShouldBe(stored.Count);
        ids.ShouldBe(stored);
        sheet.Descendants<MergeCell>().Select(m => m.Reference!.Value).ShouldBe(["A1:L1", "A2:L2", "A3:L3", "A4:L4", "A5:L5"]);
        var integrity = sheet.Descendants<Row>().Single(r => r.RowIndex! == 5).Elements<Cell>().First().InnerText;
        integrity.ShouldStartWith("Kiểm tra toàn vẹn lúc ");
        integrity.ShouldContain($"đã kiểm tra {stored.Count:N0} dòng".Replace(",", ".", StringComparison.Ordinal));
        sheet.Descendants<Pane>().Single().TopLeftCell!.Value.ShouldBe($"A{AuditWorkbook.FirstDataRow}");
    }

    [Fact]
    public async Task Rows_committed_after_the_export_started_are_not_in_it()
    {
        await using var database = await SqliteTestDatabase.CreateAsync();
        var audit = new AuditQueries(database.Factory, TimeProvider.System);

        var document = (await audit.ExportAsync(SeededPlan.Admin, new AuditFilter(), Ct)).Value!;
        await AppendAsync(database, 3);
        var rows = await document.Rows.ToListAsync(Ct);

        rows.Count.ShouldBe(document.RowCount);
        rows.Count.ShouldBe(SeedFacts.AppendixRows + 1);
    }

    private static async Task AppendAsync(SqliteTestDatabase database, int count)
    {
        await using var db = await database.Factory.CreateDbContextAsync(Ct);
        await using var transaction = await db.Database.BeginTransactionAsync(Ct);
        var now = DateTime.UtcNow;
        await AuditTrail.AppendAsync(
            db, Enumerable.Range(1, count).Select(i => AuditEntry.Event(null, null, "admin", now, AuditAction.UserCreated, $"Tạo tài khoản \"nguoi-{i}\"", Guid.NewGuid())), Ct);
        await transaction.CommitAsync(Ct);
    }
}
