using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using LicenseAllocation.Application.Appendix;
using LicenseAllocation.Application.Auditing;
using LicenseAllocation.Application.Districts;
using LicenseAllocation.Application.Exports;
using LicenseAllocation.Application.Import;
using LicenseAllocation.Application.Plans;
using LicenseAllocation.Domain.Auditing;
using LicenseAllocation.Domain.Plans;
using LicenseAllocation.Testing;
using Shouldly;

namespace LicenseAllocation.Application.Tests.Exports;

/// <summary>
/// Every workbook the portal hands out, saved and read back with the OpenXml SDK: each sets its pages up through the one
/// print kit (<see cref="OfficialPrint"/>), so each has its margins to the millimetre, A4, its orientation and its table's
/// header row repeated on every page (as an absolute reference, which LibreOffice needs).
/// </summary>
public sealed class EveryWorkbookPrintSetupTests : IAsyncLifetime
{
    private const double MillimetresPerInch = 25.4;
    private SqliteTestDatabase _database = default!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _database = await SqliteTestDatabase.CreateAsync();

    public async ValueTask DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task The_appendix()
    {
        var document = (await new AppendixQuery(_database.Factory).GetAsync(SeededPlan.Admin, 1, Ct)).Value!;

        var file = Saved(output => AppendixWorkbook.Write(document, output));

        ShouldBeSetUpByTheKit(file, AppendixWorkbook.SheetName, AppendixWorkbook.HeaderRow, landscape: false);
        OfficialPrintChecks.ShouldPrintOfficially(file, AppendixWorkbook.SheetName, AppendixWorkbook.HeaderRow);
    }

    [Fact]
    public async Task The_districts_workbook_on_every_sheet()
    {
        var report = (await new DistrictQueries(_database.Factory).GetReportAsync(SeededPlan.Admin, 1, cancellationToken: Ct)).Value!;

        var file = Saved(output => DistrictsWorkbook.Write(report, output));

        foreach (var sheet in SheetNames(file))
        {
            ShouldBeSetUpByTheKit(file, sheet, DistrictsWorkbook.HeaderRow, landscape: false);
        }
    }

    [Fact]
    public async Task The_flat_list_of_units()
    {
        await using var stream = (await new UnitListExport(_database.Factory).ExportAsync(SeededPlan.Admin, 1, Ct)).Value!;
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy, Ct);

        ShouldBeSetUpByTheKit(copy.ToArray(), UnitListWorkbook.SheetName, headerRow: 1, landscape: true);
    }

    [Fact]
    public void The_sub_allocation_template()
    {
        var document = new TemplateDocument(1, "Kế hoạch 2020", 30, "UBND thành phố Cao Lãnh", "866", 300,
            [.. Enumerable.Range(1, 60).Select(i => new TemplateRow(i, (30000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture), $"Phường {i}", i))]);

        var file = Saved(output => TemplateWorkbook.Write(document, output));

        ShouldBeSetUpByTheKit(file, SheetNames(file).Single(), TemplateWorkbook.HeaderRow, landscape: false);
        OfficialPrintChecks.ShouldPrintOfficially(file, SheetNames(file).Single(), TemplateWorkbook.HeaderRow);
    }

    [Fact]
    public void The_audit_trail()
    {
        var at = new DateTimeOffset(2021, 1, 6, 9, 0, 0, TimeSpan.FromHours(7));
        var rows = Enumerable.Range(1, 80)
            .Select(i => new AuditRow(i, i, 1, at, "admin", AuditAction.QuantityChanged, 2, "VP. UBND tỉnh", i, i + 1, "Điều chỉnh", Guid.NewGuid(), null))
            .ToList();
        var document = new AuditDocument("NHẬT KÝ THAY ĐỔI", "Kế hoạch: Kế hoạch 2020", "không lọc", at, "admin", rows.Count, rows.ToAsyncEnumerable());

        var file = Saved(output => AuditWorkbook.WriteAsync(document, output, TestContext.Current.CancellationToken).GetAwaiter().GetResult());

        ShouldBeSetUpByTheKit(file, AuditWorkbook.SheetName, AuditWorkbook.HeaderRow, landscape: true);
        OfficialPrintChecks.ShouldPrintOfficially(file, AuditWorkbook.SheetName, AuditWorkbook.HeaderRow, landscape: true);
    }

    [Fact]
    public void The_comparison_of_two_plans()
    {
        var amendment = new PlanSummary(2, "Kế hoạch 2020", 2020, null, PlanStatus.Draft, null, 1, 5137, 5137, Version: 2, AmendmentOfId: 1);
        var published = new PlanSummary(1, "Kế hoạch 2020", 2020, null, PlanStatus.Published, null, 1, 5137, 5137);
        var comparison = new PlanComparisonResult(amendment, published,
            [.. Enumerable.Range(1, 80).Select(i => new ComparisonItem(i, null, $"Đơn vị {i}", 2, i, i + 1))]);

        var file = Saved(output => ComparisonWorkbook.Write(comparison, output));

        ShouldBeSetUpByTheKit(file, ComparisonWorkbook.SheetName, ComparisonWorkbook.HeaderRow, landscape: true);
        OfficialPrintChecks.ShouldPrintOfficially(file, ComparisonWorkbook.SheetName, ComparisonWorkbook.HeaderRow, landscape: true);
    }

    /// <summary>The kit's own numbers, exactly: margins, A4, orientation, the page number, and the header row as print titles.</summary>
    private static void ShouldBeSetUpByTheKit(byte[] file, string sheetName, int headerRow, bool landscape)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(file), isEditable: false);
        var workbookPart = document.WorkbookPart!;
        var sheets = workbookPart.Workbook.Sheets!.Elements<Sheet>().ToList();
        var sheet = sheets.Single(s => s.Name == sheetName);
        var worksheet = ((WorksheetPart)workbookPart.GetPartById(sheet.Id!)).Worksheet;

        var margins = worksheet.GetFirstChild<PageMargins>().ShouldNotBeNull($"{sheetName}: margins");
        (margins.Top!.Value * MillimetresPerInch).ShouldBe(OfficialPrint.TopCentimetres * 10, 0.01, $"{sheetName}: top");
        (margins.Bottom!.Value * MillimetresPerInch).ShouldBe(OfficialPrint.BottomCentimetres * 10, 0.01, $"{sheetName}: bottom");
        (margins.Left!.Value * MillimetresPerInch).ShouldBe(OfficialPrint.LeftCentimetres * 10, 0.01, $"{sheetName}: left");
        (margins.Right!.Value * MillimetresPerInch).ShouldBe(OfficialPrint.RightCentimetres * 10, 0.01, $"{sheetName}: right");
        (margins.Header!.Value * MillimetresPerInch).ShouldBe(OfficialPrint.HeaderCentimetres * 10, 0.01, $"{sheetName}: header");
        (margins.Footer!.Value * MillimetresPerInch).ShouldBe(OfficialPrint.FooterCentimetres * 10, 0.01, $"{sheetName}: footer");

        var setup = worksheet.GetFirstChild<PageSetup>().ShouldNotBeNull($"{sheetName}: page setup");
        setup.PaperSize!.Value.ShouldBe(OfficialPrint.A4PaperSize, $"{sheetName}: A4");
        (setup.Orientation?.Value == OrientationValues.Landscape).ShouldBe(landscape, $"{sheetName}: orientation");
        setup.FitToHeight.ShouldNotBeNull().Value.ShouldBe(0u, $"{sheetName}: as many pages tall as needed");

        var headerFooter = worksheet.GetFirstChild<HeaderFooter>().ShouldNotBeNull($"{sheetName}: header and footer");
        headerFooter.DifferentFirst!.Value.ShouldBeTrue($"{sheetName}: no number on page 1");
        headerFooter.OddHeader.ShouldNotBeNull().Text.ShouldStartWith(OfficialPrint.PageNumberHeader, Case.Sensitive, $"{sheetName}: page number");

        workbookPart.Workbook.DefinedNames.ShouldNotBeNull().Elements<DefinedName>()
            .Single(n => n.Name == "_xlnm.Print_Titles" && n.LocalSheetId?.Value == (uint)sheets.IndexOf(sheet))
            .Text.ShouldBe(OfficialPrint.PrintTitlesReference(sheetName, headerRow), $"{sheetName}: header row on every page");
    }

    private static IReadOnlyList<string> SheetNames(byte[] file)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(file), isEditable: false);
        return [.. document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value!)];
    }

    private static byte[] Saved(Action<Stream> write)
    {
        using var stream = new MemoryStream();
        write(stream);
        return stream.ToArray();
    }
}
