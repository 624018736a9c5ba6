using System.Globalization;
using ClosedXML.Excel;
using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Common;
using LicenseAllocation.Application.Identity;
using LicenseAllocation.Application.Import;
using LicenseAllocation.Testing;
using Shouldly;

namespace LicenseAllocation.Application.Tests.Import;

/// <summary>
/// A corpus of broken and hostile files, each built here, each with the code it must be refused with. Whatever the
/// file, the import refuses clearly and the database is exactly as before: every node's figures and version, and the
/// length of the audit trail.
/// </summary>
public sealed class HostileFileTests : IAsyncLifetime
{
    private const string Ward11 = "Phường 11";
    private const string Ward1 = "Phường 1";

    private static readonly Dictionary<string, HostileCase> _corpus = new()
    {
        ["oversize"] = new("file-too-large", bed => Officer(bed, new byte[(int)new ImportOptions().MaxFileBytes + 1])),
        ["many zip entries"] = new("too-many-parts", bed => Officer(bed, HostileFiles.ManyEntries(5000))),
        ["huge uncompressed size"] = new("content-too-large", bed => Officer(bed, HostileFiles.Zeros(80L * 1024 * 1024))),
        ["absurd compression ratio"] = new("suspicious-compression", bed => Officer(bed, HostileFiles.Zeros(8L * 1024 * 1024))),
        ["part longer than its directory entry says"] = new("damaged-file", async bed => (bed.CaoLanhOfficer, HostileFiles.UnderstatedSize(await Template(bed), "xl/sharedStrings.xml"), null)),
        ["plain text named .xlsx"] = new("not-xlsx", bed => Officer(bed, HostileFiles.PlainText())),
        ["PDF named .xlsx"] = new("not-xlsx", bed => Officer(bed, HostileFiles.Pdf())),
        ["empty file"] = new("not-xlsx", bed => Officer(bed, [])),
        ["legacy .xls"] = new("legacy-xls", bed => Officer(bed, HostileFiles.LegacyXls())),
        ["password-protected .xlsx"] = new("password-protected", bed => Officer(bed, HostileFiles.EncryptedXlsx())),
        ["zip without workbook parts"] = new("not-xlsx", bed => Officer(bed, HostileFiles.ZipWithoutWorkbook())),
        ["word document named .xlsx"] = new("not-xlsx", bed => Officer(bed, HostileFiles.WordDocument())),
        ["truncated zip"] = new("damaged-file", async bed => (bed.CaoLanhOfficer, HostileFiles.Truncated(await Template(bed), 0.6), null)),
        ["DOCTYPE in the sheet"] = new("forbidden-xml", bed => Part(bed, "xl/worksheets/sheet1.xml")),
        ["ENTITY in the shared strings"] = new("forbidden-xml", bed => Part(bed, "xl/sharedStrings.xml")),
        ["DOCTYPE in the content types"] = new("forbidden-xml", bed => Part(bed, "[Content_Types].xml")),
        ["formula in a quantity"] = new("formula-not-allowed", bed => Filled(bed, sheet => WorkbookFiles.QuantityCell(sheet, Ward11).FormulaA1 = "20+20")),
        ["text in a quantity"] = new("quantity-not-a-number", bed => Filled(bed, sheet => WorkbookFiles.QuantityCell(sheet, Ward11).SetValue<string>("bốn mươi"))),
        ["decimal quantity"] = new("quantity-not-whole", bed => Filled(bed, sheet => WorkbookFiles.QuantityCell(sheet, Ward11).SetValue(12.5))),
        ["negative quantity"] = new("quantity-negative", bed => Filled(bed, sheet => WorkbookFiles.QuantityCell(sheet, Ward11).SetValue(-5))),
        ["blank quantity"] = new("quantity-required", bed => Filled(bed, sheet => WorkbookFiles.QuantityCell(sheet, Ward11).Clear())),
        ["duplicate unit row"] = new("duplicate-item", bed => Filled(bed, sheet => CopyUnit(sheet, from: Ward11, onto: Ward1))),
        ["unknown code"] = new("unknown-unit", bed => Filled(bed, sheet => CodeCell(sheet, Ward11).SetValue<string>("99999"))),
        ["unknown name"] = new("unknown-unit", bed => Filled(bed, sheet =>
        {
            CodeCell(sheet, Ward11).Clear();
            WorkbookFiles.TextCell(sheet, Ward11).SetValue<string>("Phường 99");
        })),
        ["code and name of different units"] = new("code-name-mismatch", bed => Filled(bed, sheet => WorkbookFiles.TextCell(sheet, Ward11).SetValue<string>("Phường 2"))),
        ["total over the quota"] = new("exceeds-parent", bed => Filled(bed, sheet => WorkbookFiles.QuantityCell(sheet, Ward11).SetValue(ImportBed.CaoLanhQuota + 1))),
        ["quantity for a deactivated unit"] = new("unit-inactive", async bed =>
        {
            var file = WorkbookFiles.Edit(await Template(bed), workbook => WorkbookFiles.QuantityCell(workbook.Worksheet(1), Ward11).SetValue(5));
            (await bed.Units.UpdateUnitAsync(ImportBed.Admin, bed.PlanId, await bed.UnitIdAsync("29863"), null, null, false, default)).Succeeded.ShouldBeTrue();
            return (bed.CaoLanhOfficer, file, null);
        }),
        ["another district's template (out of scope)"] = new("out-of-scope", async bed => (bed.CaoLanhOfficer, await bed.TemplateAsync(ImportBed.Admin, bed.SaDec), null)),
        ["another plan's template"] = new("wrong-plan", bed => Filled(bed, sheet => Beside(sheet, TemplateLayout.PlanCodeLabel).SetValue(99))),
        ["another unit's template"] = new("wrong-unit", async bed => (ImportBed.Admin, await bed.TemplateAsync(ImportBed.Admin, bed.SaDec), bed.CaoLanh)),
        ["unknown allocating unit"] = new("wrong-unit", bed => Filled(bed, sheet => Beside(sheet, TemplateLayout.UnitCodeLabel).SetValue(999_999))),
        ["missing header"] = new("missing-header", bed => Filled(bed, sheet => WorkbookFiles.TextCell(sheet, "Tên đơn vị").SetValue<string>("Đơn vị"))),
        ["empty table"] = new("empty-table", bed => Filled(bed, sheet =>
        {
            var header = WorkbookFiles.TextCell(sheet, "Tên đơn vị").Address.RowNumber;
            var total = WorkbookFiles.TextCell(sheet, TemplateLayout.TotalLabel).Address.RowNumber;
            sheet.Range(header + 1, 1, total - 1, 4).Clear();
        })),
        ["an auditor uploads"] = new("forbidden", async bed => (new Caller("auditor", PortalRole.Auditor), await Template(bed), null)),
    };

    private ImportBed _bed = default!;

    public static TheoryData<string> Cases() => [.. _corpus.Keys];

    public async ValueTask InitializeAsync() => _bed = await ImportBed.CreateAsync();

    public async ValueTask DisposeAsync() => await _bed.DisposeAsync();

    [Fact]
    public void The_corpus_holds_at_least_25_files() => _corpus.Count.ShouldBeGreaterThanOrEqualTo(25);

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_broken_or_hostile_file_is_refused_with_its_code_and_changes_nothing(string name)
    {
        var hostile = _corpus[name];
        var (caller, file, expectedUnit) = await hostile.Build(_bed);
        var before = await _bed.StateAsync();

        var preview = await _bed.PreviewAsync(caller, file, expectedUnit);
        var applied = await _bed.ApplyAsync(caller, file, "Nhập tệp thử", expectedUnit);

        Codes(preview).ShouldContain(hostile.Code);
        Codes(applied).ShouldContain(hostile.Code);
        applied.Applied.ShouldBeFalse();
        applied.ChangeSetId.ShouldBeNull();
        foreach (var error in applied.Errors)
        {
            ImportMessages.Describe(error, CultureInfo.GetCultureInfo("vi-VN")).ShouldNotBeNullOrWhiteSpace();
            ImportMessages.Describe(error, CultureInfo.GetCultureInfo("en-US")).ShouldNotBeNullOrWhiteSpace();
        }

        var after = await _bed.StateAsync();
        after.Nodes.ShouldBe(before.Nodes);
        after.AuditRows.ShouldBe(before.AuditRows);
    }

    [Fact]
    public async Task A_refused_row_is_located_by_sheet_row_and_column_and_explained_in_Vietnamese()
    {
        var (caller, file, _) = await Filled(_bed, sheet => WorkbookFiles.QuantityCell(sheet, Ward11).SetValue(12.5));

        var report = await _bed.PreviewAsync(caller, file);

        var error = report.Errors.ShouldHaveSingleItem();
        (error.Sheet, error.Row, error.Column).ShouldBe((TemplateLayout.SheetName, TemplateWorkbook.FirstDataRow, "D"));
        ImportMessages.Describe(error, CultureInfo.GetCultureInfo("vi-VN")).ShouldBe("Số lượng phải là số nguyên, ô đang chứa 12,5.");
        ImportMessages.Describe(error, CultureInfo.GetCultureInfo("en-US")).ShouldBe("The quantity must be a whole number; the cell holds 12.5.");
    }

    [Fact]
    public async Task A_quota_refusal_points_at_the_quantity_with_the_numbers_of_the_batch_service()
    {
        var (caller, file, _) = await Filled(_bed, sheet => WorkbookFiles.QuantityCell(sheet, Ward11).SetValue(350));

        var report = await _bed.PreviewAsync(caller, file);

        var error = report.Errors.ShouldHaveSingleItem();
        (error.Row, error.Column, error.ApiCode).ShouldBe((TemplateWorkbook.FirstDataRow, "D", "exceeds-parent"));
        ImportMessages.Describe(error, CultureInfo.GetCultureInfo("vi-VN")).ShouldBe(
            "Phường 11: " + RefusalMessages.Describe(Domain.Allocations.AllocationError.ExceedsParent(350, 300, 300), CultureInfo.GetCultureInfo("vi-VN")));
        report.Changes.Select(c => (c.Name, c.Old, c.New)).ShouldBe([(Ward11, 0, 350)]);
    }

    private static IReadOnlyList<string> Codes(ImportReport report) =>
        report.Refusal is { } refusal ? [refusal.Code.ApiCode()] : [.. report.Errors.Select(e => e.ApiCode)];

    private static Task<byte[]> Template(ImportBed bed) => bed.TemplateAsync(bed.CaoLanhOfficer, bed.CaoLanh);

    private static Task<(Caller, byte[], int?)> Officer(ImportBed bed, byte[] file) => Task.FromResult<(Caller, byte[], int?)>((bed.CaoLanhOfficer, file, null));

    private static async Task<(Caller, byte[], int?)> Filled(ImportBed bed, Action<IXLWorksheet> edit) =>
        (bed.CaoLanhOfficer, WorkbookFiles.Edit(await Template(bed), workbook => edit(workbook.Worksheet(1))), null);

    private static async Task<(Caller, byte[], int?)> Part(ImportBed bed, string part) =>
        (bed.CaoLanhOfficer, WorkbookFiles.ReplacePart(await Template(bed), part, HostileFiles.WithExternalEntity), null);

    private static IXLCell CodeCell(IXLWorksheet sheet, string unitName) =>
        sheet.Cell(WorkbookFiles.TextCell(sheet, unitName).Address.RowNumber, WorkbookFiles.TextCell(sheet, "Mã đơn vị").Address.ColumnNumber);

    private static IXLCell Beside(IXLWorksheet sheet, string label)
    {
        var cell = WorkbookFiles.TextCell(sheet, label);
        return sheet.Cell(cell.Address.RowNumber, 4);
    }

    private static void CopyUnit(IXLWorksheet sheet, string from, string onto)
    {
        var source = WorkbookFiles.TextCell(sheet, from).Address.RowNumber;
        var target = WorkbookFiles.TextCell(sheet, onto).Address.RowNumber;
        sheet.Cell(target, 2).SetValue<string>(sheet.Cell(source, 2).GetString());
        sheet.Cell(target, 3).SetValue<string>(from);
    }

    private sealed record HostileCase(string Code, Func<ImportBed, Task<(Caller Caller, byte[] File, int? ExpectedUnit)>> Build);
}
