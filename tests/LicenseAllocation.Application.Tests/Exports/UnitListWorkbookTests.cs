using ClosedXML.Excel;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using LicenseAllocation.Application.Districts;
using LicenseAllocation.Application.Exports;
using LicenseAllocation.Domain.Units;
using LicenseAllocation.Testing;
using Shouldly;

namespace LicenseAllocation.Application.Tests.Exports;

/// <summary>The flat export's file, read back with ClosedXML and checked with the OpenXml SDK's validator.</summary>
public sealed class UnitListWorkbookTests : IAsyncLifetime
{
    private SqliteTestDatabase _database = default!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _database = await SqliteTestDatabase.CreateAsync();

    public async ValueTask DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task The_seeded_plan_comes_out_as_a_header_and_179_rows_with_the_service_figures()
    {
        var rows = (await new UnitListExport(_database.Factory).GetRowsAsync(SeededPlan.Admin, 1, Ct)).Value!;
        using var workbook = Read(await ExportAsync());
        var sheet = workbook.Worksheet(1);

        sheet.Name.ShouldBe("Danh sách đơn vị");
        Enumerable.Range(1, 11).Select(c => sheet.Cell(1, c).GetString()).ShouldBe(UnitListWorkbook.Columns);
        sheet.LastRowUsed().RowNumber().ShouldBe(1 + SeedFacts.Units);
        for (var i = 0; i < rows.Count; i++)
        {
            var (expected, row) = (rows[i], sheet.Row(i + 2));
            row.Cell(1).GetValue<int>().ShouldBe(i + 1);
            row.Cell(2).GetString().ShouldBe(expected.Code ?? string.Empty);
            row.Cell(3).GetString().ShouldBe(expected.Name);
            row.Cell(4).GetString().ShouldBe(VietnameseLabels.Kind(expected.Kind));
            row.Cell(5).GetString().ShouldBe(expected.ParentName ?? string.Empty);
            row.Cell(6).GetValue<int>().ShouldBe(expected.Level);
            row.Cell(7).GetValue<int>().ShouldBe(expected.Quantity);
            (row.Cell(8).IsEmpty() ? (int?)null : row.Cell(8).GetValue<int>()).ShouldBe(expected.HandedOn);
            (row.Cell(9).IsEmpty() ? (int?)null : row.Cell(9).GetValue<int>()).ShouldBe(expected.Remaining);
            row.Cell(10).GetString().ShouldBe(expected.StatusText);
        }

        sheet.Row(2).Cell(3).GetString().ShouldBe("Tỉnh Đồng Tháp");
        sheet.Row(2).Cell(7).GetValue<int>().ShouldBe(SeedFacts.Total);
    }

    [Fact]
    public async Task Figures_are_numbers_in_the_thousands_format_and_codes_stay_text()
    {
        using var workbook = Read(await ExportAsync());
        var sheet = workbook.Worksheet(1);

        var figures = sheet.Range(2, 7, 1 + SeedFacts.Units, 9).CellsUsed().ToList();
        figures.Count.ShouldBeGreaterThan(SeedFacts.Units);
        figures.ShouldAllBe(c => c.DataType == XLDataType.Number && c.Style.NumberFormat.Format == "#,##0");
        var codes = sheet.Range(2, 2, 1 + SeedFacts.Units, 2).CellsUsed().ToList();
        codes.Count.ShouldBe(1 + SeedFacts.Districts + SeedFacts.Communes);
        codes.ShouldAllBe(c => c.DataType == XLDataType.Text);
    }

    [Fact]
    public async Task The_header_is_bold_frozen_and_carries_the_auto_filter_and_the_columns_have_explicit_widths()
    {
        var file = await ExportAsync();
        using var workbook = Read(file);
        var sheet = workbook.Worksheet(1);

        Enumerable.Range(1, 11).ShouldAllBe(c => sheet.Cell(1, c).Style.Font.Bold);
        sheet.Cell(2, 3).Style.Font.Bold.ShouldBeFalse();
        (sheet.SheetView.SplitRow, sheet.SheetView.SplitColumn).ShouldBe((1, 0));
        sheet.AutoFilter.Range.RangeAddress.ToString().ShouldBe($"A1:K{1 + SeedFacts.Units}");
        var widths = OfficialPrintChecks.ColumnWidths(file, UnitListWorkbook.SheetName);
        Enumerable.Range(1, 11).Select(c => widths[c]).ShouldBe(UnitListWorkbook.ColumnWidths);
    }

    [Fact]
    public async Task The_export_prints_to_decree_30_on_A4_landscape_in_Times_New_Roman()
    {
        var file = await ExportAsync();

        OfficialPrintChecks.ShouldPrintOfficially(file, UnitListWorkbook.SheetName, headerRow: 1, landscape: true);
    }

    [Theory]
    [InlineData("=HYPERLINK(\"x\")")]
    [InlineData("+1")]
    [InlineData("-1")]
    [InlineData("@x")]
    [InlineData("\tx")]
    public void A_unit_name_that_reads_as_a_formula_comes_out_neutralised(string name)
    {
        using var workbook = Read(Written([Row(name, code: "1", parent: name)]));
        var row = workbook.Worksheet(1).Row(2);

        foreach (var cell in new[] { row.Cell(3), row.Cell(5) })
        {
            cell.HasFormula.ShouldBeFalse();
            cell.DataType.ShouldBe(XLDataType.Text);
            cell.GetString().ShouldBe("'" + name);
        }
    }

    [Theory]
    [InlineData("00123")]
    [InlineData("1/2")]
    public void A_code_or_name_that_looks_like_a_number_or_a_date_stays_that_text(string text)
    {
        using var workbook = Read(Written([Row(text, code: text, parent: null)]));
        var row = workbook.Worksheet(1).Row(2);

        row.Cell(2).DataType.ShouldBe(XLDataType.Text);
        row.Cell(2).GetString().ShouldBe(text);
        row.Cell(3).DataType.ShouldBe(XLDataType.Text);
        row.Cell(3).GetString().ShouldBe(text);
    }

    [Fact]
    public void A_deactivated_unit_says_so_in_the_status_column()
    {
        using var workbook = Read(Written([Row("Phòng đã giải thể", code: null, parent: null) with { IsActive = false }]));

        workbook.Worksheet(1).Cell(2, 10).GetString().ShouldBe("Ngừng hoạt động");
    }

    [Fact]
    public void Characters_XML_cannot_carry_are_replaced_rather_than_breaking_the_file()
    {
        using var workbook = Read(Written([Row("Xã\u0001 Mới 😀", code: null, parent: null)]));

        workbook.Worksheet(1).Cell(2, 3).GetString().ShouldBe("Xã\uFFFD Mới 😀");
    }

    [Fact]
    public async Task A_generated_tree_of_2000_units_gives_a_valid_and_complete_file()
    {
        await using var database = await SqliteTestDatabase.CreateAsync(seed: false);
        var planId = await SyntheticPlan.CreateAsync(database.Factory, 2000, Ct);
        var export = new UnitListExport(database.Factory);
        var rows = (await export.GetRowsAsync(SeededPlan.Admin, planId, Ct)).Value!;
        await using var stream = (await export.ExportAsync(SeededPlan.Admin, planId, Ct)).Value!;
        var file = new byte[stream.Length];
        await stream.ReadExactlyAsync(file, Ct);

        using (var document = SpreadsheetDocument.Open(new MemoryStream(file), isEditable: false))
        {
            new OpenXmlValidator(FileFormatVersions.Office2016).Validate(document, Ct).Select(e => $"{e.Path?.XPath}: {e.Description}").ShouldBeEmpty();
        }

        rows.Count.ShouldBe(2000);
        using var workbook = Read(file);
        var sheet = workbook.Worksheet(1);
        sheet.LastRowUsed().RowNumber().ShouldBe(2001);
        sheet.Column(1).CellsUsed().Skip(1).Select(c => c.GetValue<int>()).ShouldBe(Enumerable.Range(1, 2000));
        sheet.Column(3).CellsUsed().Skip(1).Select(c => c.GetString()).ShouldBe(rows.Select(r => r.Name));
        sheet.Column(7).CellsUsed().Skip(1).Sum(c => c.GetValue<long>()).ShouldBe(rows.Sum(r => (long)r.Quantity));
        sheet.Column(8).CellsUsed().Skip(1).Sum(c => c.GetValue<long>()).ShouldBe(rows.Sum(r => (long)(r.HandedOn ?? 0)));
        sheet.Cell(2, 7).GetValue<int>().ShouldBe(rows[0].Quantity);
        sheet.Column(10).CellsUsed().Skip(1).Select(c => c.GetString()).Distinct().Order()
            .ShouldBe(["Chưa phân bổ", "Đã phân bổ hết", "Phân bổ một phần"]);
        sheet.Column(2).CellsUsed().Skip(1).ShouldAllBe(c => c.DataType == XLDataType.Text);
        sheet.Column(2).CellsUsed().ShouldContain(c => c.GetString() == "00001");
    }

    [Fact]
    public async Task A_plan_on_the_new_province_carries_the_electronic_agency_identifier()
    {
        await new LicenseAllocation.Application.Reorganisations.DongThap2025Seeder(_database.Factory, TimeProvider.System).SeedAsync(Ct);
        var reorganisation = (await new LicenseAllocation.Application.Reorganisations.ReorganisationQueries(_database.Factory).ListAsync(SeededPlan.Admin, Ct)).Value!.Single();
        var created = await new LicenseAllocation.Application.Reorganisations.SuccessorPlans(_database.Factory, TimeProvider.System).CreateAsync(SeededPlan.Admin,
            new LicenseAllocation.Application.Reorganisations.CreateSuccessorPlan(1, reorganisation.Id, "Kế hoạch phân bổ bản quyền năm 2026", 2026, null, [], AcceptUnconfirmed: true), Ct);
        var planId = created.Value!.Plan!.Id;

        await using var stream = (await new UnitListExport(_database.Factory).ExportAsync(SeededPlan.Admin, planId, Ct)).Value!;
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy, Ct);
        using var workbook = Read(copy.ToArray());
        var sheet = workbook.Worksheet(1);

        sheet.Cell(1, 11).GetString().ShouldBe("Mã định danh");
        sheet.Row(2).Cell(3).GetString().ShouldBe("Tỉnh Đồng Tháp");
        sheet.Row(2).Cell(11).GetString().ShouldBe("000.00.00.H20");
        sheet.LastRowUsed().RowNumber().ShouldBe(1 + 1 + 14 + 102);
    }

    private async Task<byte[]> ExportAsync()
    {
        await using var stream = (await new UnitListExport(_database.Factory).ExportAsync(SeededPlan.Admin, 1, Ct)).Value!;
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy, Ct);
        return copy.ToArray();
    }

    private static UnitListRow Row(string name, string? code, string? parent) =>
        new(1, code, name, UnitKind.DistrictAgency, parent, 4, 5, null, null, AllocationStatus.FullyAllocated, IsActive: true);

    private static byte[] Written(IReadOnlyCollection<UnitListRow> rows)
    {
        using var stream = new MemoryStream();
        UnitListWorkbook.Write(rows, stream);
        return stream.ToArray();
    }

    private static XLWorkbook Read(byte[] file) => new(new MemoryStream(file));
}
