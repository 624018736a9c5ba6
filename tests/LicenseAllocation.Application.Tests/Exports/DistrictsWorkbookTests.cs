using ClosedXML.Excel;
using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Districts;
using LicenseAllocation.Application.Exports;
using LicenseAllocation.Application.Identity;
using LicenseAllocation.Domain.Units;
using LicenseAllocation.Testing;
using Shouldly;

namespace LicenseAllocation.Application.Tests.Exports;

/// <summary>The districts workbook of the allocated seed plan, written and read back with ClosedXML and the OpenXml SDK.</summary>
public sealed class DistrictsWorkbookTests(AllocatedDistricts plan) : IClassFixture<AllocatedDistricts>
{
    private const string CaoLanhSheet = "Thành phố Cao Lãnh";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private DistrictQueries Districts => new(plan.Database.Factory);

    [Fact]
    public async Task The_summary_sheet_lists_the_12_districts_with_the_overview_figures_and_a_total_row()
    {
        var overview = (await Districts.GetOverviewAsync(SeededPlan.Admin, 1, Ct)).Value!.Districts;
        using var workbook = Read(await FileAsync(SeededPlan.Admin));
        var sheet = workbook.Worksheet(1);

        sheet.Name.ShouldBe(DistrictsWorkbook.SummarySheetName);
        Enumerable.Range(1, 6).Select(c => sheet.Cell(DistrictsWorkbook.HeaderRow, c).GetString()).ShouldBe(DistrictsWorkbook.SummaryColumns);
        for (var i = 0; i < SeedFacts.Districts; i++)
        {
            var row = sheet.Row(DistrictsWorkbook.FirstDataRow + i);
            var district = overview[i].District;
            row.Cell(1).GetValue<int>().ShouldBe(i + 1);
            row.Cell(2).GetString().ShouldBe(district.Code);
            row.Cell(3).GetString().ShouldBe(district.Name);
            (row.Cell(4).GetValue<int>(), row.Cell(5).GetValue<int>(), row.Cell(6).GetValue<int>())
                .ShouldBe((district.Quantity, district.HandedOn, district.Remaining), district.Name);
        }

        var total = sheet.Row(DistrictsWorkbook.FirstDataRow + SeedFacts.Districts);
        total.Cell(3).GetString().ShouldBe("Cộng");
        (total.Cell(4).GetValue<int>(), total.Cell(5).GetValue<int>(), total.Cell(6).GetValue<int>()).ShouldBe((500, 40 + 10 + 21, 500 - 71));
        total.Cell(4).Style.Font.Bold.ShouldBeTrue();
        sheet.LastRowUsed().RowNumber().ShouldBe(total.RowNumber());
    }

    [Fact]
    public async Task Each_district_has_a_sheet_named_after_it_after_the_summary()
    {
        var overview = (await Districts.GetOverviewAsync(SeededPlan.Admin, 1, Ct)).Value!.Districts;
        using var workbook = Read(await FileAsync(SeededPlan.Admin));

        workbook.Worksheets.Select(s => s.Name).ShouldBe([DistrictsWorkbook.SummarySheetName, .. overview.Select(d => d.District.Name)]);
        workbook.Worksheets.ShouldAllBe(s => s.Name.Length <= 31 && !s.Name.Any(c => "[]:*?/\\".Contains(c, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_district_sheet_lists_agencies_then_communes_with_subtotals_matching_the_district_page()
    {
        var workspace = (await Districts.GetWorkspaceAsync(SeededPlan.Admin, 1, plan.CaoLanh, Ct)).Value!;
        var active = workspace.Units.Where(u => u.Node.IsActive).Select(u => u.Node).ToList();
        var agencies = active.Where(u => u.Kind == UnitKind.DistrictAgency).ToList();
        var communes = active.Where(u => u.Kind == UnitKind.CommuneCommittee).ToList();
        using var workbook = Read(await FileAsync(SeededPlan.Admin));
        var sheet = workbook.Worksheet(CaoLanhSheet);

        Enumerable.Range(1, 5).Select(c => sheet.Cell(DistrictsWorkbook.HeaderRow, c).GetString()).ShouldBe(DistrictsWorkbook.DistrictColumns);
        var row = DistrictsWorkbook.FirstDataRow;
        sheet.Cell(row++, 3).GetString().ShouldBe("I. Các cơ quan cấp huyện");
        foreach (var (agency, i) in agencies.Select((a, i) => (a, i + 1)))
        {
            (sheet.Cell(row, 1).GetValue<int>(), sheet.Cell(row, 3).GetString(), sheet.Cell(row, 4).GetString(), sheet.Cell(row, 5).GetValue<int>())
                .ShouldBe((i, ExpectedText(agency.Name), "Cơ quan cấp huyện", agency.Quantity));
            row++;
        }

        Figure(sheet, row++).ShouldBe(("Cộng các cơ quan cấp huyện", agencies.Sum(a => a.Quantity)));
        sheet.Cell(row++, 3).GetString().ShouldBe("II. UBND cấp xã");
        foreach (var (commune, i) in communes.Select((c, i) => (c, i + 1)))
        {
            (sheet.Cell(row, 1).GetValue<int>(), sheet.Cell(row, 2).GetString(), sheet.Cell(row, 3).GetString(), sheet.Cell(row, 5).GetValue<int>())
                .ShouldBe((i, commune.Code, commune.Name, commune.Quantity));
            row++;
        }

        Figure(sheet, row++).ShouldBe(("Cộng UBND cấp xã", 40));
        Figure(sheet, row++).ShouldBe(("Tổng số đã phân bổ tiếp", workspace.District.HandedOn));
        Figure(sheet, row++).ShouldBe(("Số lượng tỉnh giao", 300));
        Figure(sheet, row).ShouldBe(("Còn lại chưa phân bổ", workspace.District.Remaining));
        (agencies.Sum(a => a.Quantity) + 40).ShouldBe(workspace.District.HandedOn);
        sheet.LastRowUsed().RowNumber().ShouldBe(row);
    }

    [Fact]
    public async Task A_deactivated_unit_is_left_out_of_the_list()
    {
        using var workbook = Read(await FileAsync(SeededPlan.Admin));

        workbook.Worksheet(CaoLanhSheet).Column(3).CellsUsed().ShouldNotContain(c => c.GetString() == AllocatedDistricts.DeactivatedAgency);
    }

    [Fact]
    public async Task Figures_are_numbers_in_the_thousands_format_and_codes_stay_text()
    {
        using var workbook = Read(await FileAsync(SeededPlan.Admin));
        var summary = workbook.Worksheet(1);
        var district = workbook.Worksheet(CaoLanhSheet);

        var figures = summary.Range(DistrictsWorkbook.FirstDataRow, 4, DistrictsWorkbook.FirstDataRow + SeedFacts.Districts, 6).Cells()
            .Concat(district.Column(5).CellsUsed().Where(c => c.Address.RowNumber > DistrictsWorkbook.HeaderRow))
            .ToList();
        figures.Count.ShouldBeGreaterThan(50);
        figures.ShouldAllBe(c => c.DataType == XLDataType.Number && c.Style.NumberFormat.Format == "#,##0");

        var codes = district.Column(2).CellsUsed().Where(c => c.Address.RowNumber > DistrictsWorkbook.HeaderRow).ToList();
        codes.Count.ShouldBe(15);
        codes.ShouldAllBe(c => c.DataType == XLDataType.Text);
        summary.Cell(DistrictsWorkbook.FirstDataRow, 2).DataType.ShouldBe(XLDataType.Text);
    }

    [Theory]
    [InlineData("=HYPERLINK(\"x\")")]
    [InlineData("+1")]
    [InlineData("-1")]
    [InlineData("@x")]
    public async Task A_unit_name_that_reads_as_a_formula_comes_out_neutralised(string name)
    {
        using var workbook = Read(await FileAsync(SeededPlan.Admin));

        var cell = workbook.Worksheet(CaoLanhSheet).Column(3).CellsUsed().Single(c => c.GetString() == "'" + name);
        cell.HasFormula.ShouldBeFalse();
        cell.DataType.ShouldBe(XLDataType.Text);
    }

    [Theory]
    [InlineData("00123")]
    [InlineData("1/2")]
    public async Task A_unit_name_that_looks_like_a_number_or_a_date_stays_that_text(string name)
    {
        using var workbook = Read(await FileAsync(SeededPlan.Admin));

        workbook.Worksheet(CaoLanhSheet).Column(3).CellsUsed().Single(c => c.GetString() == name).DataType.ShouldBe(XLDataType.Text);
    }

    [Fact]
    public async Task Every_sheet_prints_to_decree_30_in_Times_New_Roman_with_explicit_widths()
    {
        var file = await FileAsync(SeededPlan.Admin);
        using var workbook = Read(file);

        foreach (var sheet in workbook.Worksheets)
        {
            OfficialPrintChecks.ShouldPrintOfficially(file, sheet.Name, DistrictsWorkbook.HeaderRow);
            var widths = sheet.Name == DistrictsWorkbook.SummarySheetName ? DistrictsWorkbook.SummaryWidths : DistrictsWorkbook.DistrictWidths;
            Enumerable.Range(1, widths.Count).Select(c => sheet.Column(c).Width).ShouldBe(widths, sheet.Name);
        }
    }

    [Fact]
    public async Task A_district_officer_gets_a_workbook_of_their_district_alone()
    {
        var officer = new Caller("cao-lanh", PortalRole.DistrictOfficer, plan.CaoLanh);

        using var workbook = Read(await FileAsync(officer));

        workbook.Worksheets.Select(s => s.Name).ShouldBe([DistrictsWorkbook.SummarySheetName, CaoLanhSheet]);
        var summary = workbook.Worksheet(1);
        summary.Cell(DistrictsWorkbook.FirstDataRow, 3).GetString().ShouldBe(CaoLanhSheet);
        summary.Cell(DistrictsWorkbook.FirstDataRow + 1, 4).GetValue<int>().ShouldBe(300);
    }

    private static string ExpectedText(string name) => name.Length > 0 && "=+-@".Contains(name[0], StringComparison.Ordinal) ? "'" + name : name;

    private static (string Label, int Value) Figure(IXLWorksheet sheet, int row) =>
        (sheet.Cell(row, 3).GetString(), sheet.Cell(row, 5).GetValue<int>());

    private async Task<byte[]> FileAsync(Caller caller)
    {
        var report = (await Districts.GetReportAsync(caller, 1, cancellationToken: Ct)).Value!;
        using var stream = new MemoryStream();
        DistrictsWorkbook.Write(report, stream);
        return stream.ToArray();
    }

    private static XLWorkbook Read(byte[] file) => new(new MemoryStream(file));
}
