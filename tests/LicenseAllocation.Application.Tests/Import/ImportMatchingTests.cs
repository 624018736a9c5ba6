using System.Text;
using ClosedXML.Excel;
using LicenseAllocation.Domain.Units;
using LicenseAllocation.Testing;
using Microsoft.EntityFrameworkCore;
using Shouldly;

namespace LicenseAllocation.Application.Tests.Import;

/// <summary>Files that differ from the template as written, in the ways another system, office suite or person makes them differ.</summary>
public sealed class ImportMatchingTests : IAsyncLifetime
{
    private ImportBed _bed = default!;

    public async ValueTask InitializeAsync() => _bed = await ImportBed.CreateAsync();

    public async ValueTask DisposeAsync() => await _bed.DisposeAsync();

    /// <summary>The province's template: its 22 agencies have no code, so they are matched by name.</summary>
    private Task<byte[]> ProvinceTemplateAsync() => _bed.TemplateAsync(ImportBed.Admin, _bed.Root);

    [Fact]
    public async Task A_name_typed_in_decomposed_Unicode_matches_the_unit()
    {
        var file = WorkbookFiles.Edit(await ProvinceTemplateAsync(), workbook =>
        {
            var sheet = workbook.Worksheet(1);
            WorkbookFiles.QuantityCell(sheet, "VP. UBND tỉnh").SetValue(60);
            WorkbookFiles.TextCell(sheet, "Sở Tài chính").SetValue<string>("Sở Tài chính".Normalize(NormalizationForm.FormD));
            WorkbookFiles.QuantityCell(sheet, "Sở Tài chính".Normalize(NormalizationForm.FormD)).SetValue(70);
        });
        "Sở Tài chính".Normalize(NormalizationForm.FormD).ShouldNotBe("Sở Tài chính");

        var report = await _bed.PreviewAsync(ImportBed.Admin, file);

        report.Errors.ShouldBeEmpty();
        report.Changes.Select(c => (c.Name, c.Old, c.New)).ShouldBe([("VP. UBND tỉnh", 65, 60), ("Sở Tài chính", 65, 70)]);
    }

    [Fact]
    public async Task Extra_spaces_and_another_case_in_a_name_still_match()
    {
        var file = WorkbookFiles.Edit(await ProvinceTemplateAsync(), workbook =>
        {
            var sheet = workbook.Worksheet(1);
            var quantity = WorkbookFiles.QuantityCell(sheet, "VP. HĐND tỉnh");
            WorkbookFiles.TextCell(sheet, "VP. HĐND tỉnh").SetValue<string>("  vp.   hđnd\u00a0TỈNH ");
            quantity.SetValue(20);
        });

        var report = await _bed.PreviewAsync(ImportBed.Admin, file);

        report.Errors.ShouldBeEmpty();
        report.Changes.Select(c => (c.Name, c.Old, c.New)).ShouldBe([("VP. HĐND tỉnh", 24, 20)]);
    }

    [Fact]
    public async Task A_code_retyped_as_a_number_still_matches()
    {
        var file = WorkbookFiles.Edit(await _bed.TemplateAsync(_bed.CaoLanhOfficer, _bed.CaoLanh), workbook =>
        {
            var sheet = workbook.Worksheet(1);
            var row = WorkbookFiles.TextCell(sheet, "Phường 11").Address.RowNumber;
            sheet.Cell(row, 2).SetValue(29863);
            sheet.Cell(row, 4).SetValue(15);
        });

        var report = await _bed.PreviewAsync(_bed.CaoLanhOfficer, file);

        report.Errors.ShouldBeEmpty();
        report.Changes.Select(c => (c.Code, c.New)).ShouldBe([("29863", 15)]);
    }

    [Fact]
    public async Task A_layout_re_saved_elsewhere_imports_table_moved_columns_reordered_extra_columns_and_sheets_sheet_renamed()
    {
        // What another office suite or a colleague may make of the template: a notes sheet first, the table's sheet
        // renamed, the labels moved, the table lower and further right with its columns in another order and one more.
        var file = WorkbookFiles.Create(workbook =>
        {
            workbook.AddWorksheet("Ghi chú").Cell(1, 1).SetValue<string>("Bảng phân bổ gửi Sở, đã rà soát");
            var sheet = workbook.AddWorksheet("Sheet1");
            sheet.Cell(2, 7).SetValue<string>("Mã kế hoạch:");
            sheet.Cell(2, 9).SetValue(_bed.PlanId);
            sheet.Cell(3, 7).SetValue<string>("MÃ ĐƠN VỊ PHÂN BỔ");
            sheet.Cell(3, 8).SetValue<string>(_bed.CaoLanh.ToString(System.Globalization.CultureInfo.InvariantCulture));
            string[] headers = ["Số lượng", "Ghi chú", "Tên  đơn vị", "Mã đơn vị", "STT"];
            for (var i = 0; i < headers.Length; i++)
            {
                sheet.Cell(20, 3 + i).SetValue<string>(headers[i]);
            }

            sheet.Cell(21, 3).SetValue(25);
            sheet.Cell(21, 4).SetValue<string>("tăng cho phường trung tâm");
            sheet.Cell(21, 5).SetValue<string>("Phường 11");
            sheet.Cell(21, 6).SetValue<string>("29863");
            sheet.Cell(23, 3).SetValue(35);
            sheet.Cell(23, 5).SetValue<string>("Phường 1");
            sheet.Cell(23, 6).SetValue<string>("29866");
        });

        var report = await _bed.PreviewAsync(_bed.CaoLanhOfficer, file);

        report.Errors.ShouldBeEmpty();
        report.Source!.UnitId.ShouldBe(_bed.CaoLanh);
        report.Changes.Select(c => (c.Sheet, c.Row, c.Name, c.New)).ShouldBe([("Sheet1", 21, "Phường 11", 25), ("Sheet1", 23, "Phường 1", 35)]);
    }

    [Fact]
    public async Task A_unit_whose_name_looks_like_a_formula_is_written_as_text_and_read_back_as_itself()
    {
        var agency = await _bed.Units.AddUnitAsync(ImportBed.Admin, _bed.PlanId, _bed.CaoLanh, "=HYPERLINK(\"http://x\",\"Phòng\")", UnitKind.DistrictAgency, null, TestContext.Current.CancellationToken);
        agency.Succeeded.ShouldBeTrue();
        var template = await _bed.TemplateAsync(_bed.CaoLanhOfficer, _bed.CaoLanh);
        using (var workbook = new XLWorkbook(new MemoryStream(template)))
        {
            var cell = WorkbookFiles.TextCell(workbook.Worksheet(1), "'=HYPERLINK(\"http://x\",\"Phòng\")");
            cell.HasFormula.ShouldBeFalse();
        }

        var file = WorkbookFiles.Edit(template, workbook => WorkbookFiles.QuantityCell(workbook.Worksheet(1), "'=HYPERLINK(\"http://x\",\"Phòng\")").SetValue(3));
        var report = await _bed.PreviewAsync(_bed.CaoLanhOfficer, file);

        report.Errors.ShouldBeEmpty();
        report.Changes.Select(c => (c.UnitId, c.New)).ShouldBe([(agency.Value!.UnitId, 3)]);
    }

    [Fact]
    public async Task Two_units_of_one_name_without_codes_are_refused_as_ambiguous()
    {
        await _bed.Units.AddUnitAsync(ImportBed.Admin, _bed.PlanId, _bed.CaoLanh, "Phòng Văn hóa", UnitKind.DistrictAgency, null, TestContext.Current.CancellationToken);
        // Two siblings of one name are refused since names are compared after NFC and case folding; older data may still hold them.
        var second = (await _bed.Units.AddUnitAsync(ImportBed.Admin, _bed.PlanId, _bed.CaoLanh, "Phòng Văn hóa 2", UnitKind.DistrictAgency, null, TestContext.Current.CancellationToken)).Value!;
        await using (var db = await _bed.Database.Factory.CreateDbContextAsync(TestContext.Current.CancellationToken))
        {
            await db.Units.Where(u => u.Id == second.UnitId).ExecuteUpdateAsync(u => u.SetProperty(x => x.Name, "Phòng Văn hóa"), TestContext.Current.CancellationToken);
        }
        // The template's internal codes tell them apart (TemplateUnitCodeTests); a file that has lost its codes cannot.
        var file = WorkbookFiles.Edit(await _bed.TemplateAsync(_bed.CaoLanhOfficer, _bed.CaoLanh), workbook =>
            workbook.Worksheet(1).CellsUsed(c => c.GetString() == "Phòng Văn hóa").Select(c => c.Address.RowNumber).ToList()
                .ForEach(row =>
                {
                    workbook.Worksheet(1).Cell(row, 2).Clear();
                    workbook.Worksheet(1).Cell(row, 4).SetValue(1);
                }));

        var report = await _bed.PreviewAsync(_bed.CaoLanhOfficer, file);

        report.Errors.Select(e => e.ApiCode).Distinct().ShouldBe(["ambiguous-name"]);
    }

    [Fact]
    public async Task A_unit_missing_from_the_file_keeps_its_quantity()
    {
        var ward11 = await _bed.UnitIdAsync("29863");
        var file = WorkbookFiles.Edit(await _bed.TemplateAsync(_bed.CaoLanhOfficer, _bed.CaoLanh), workbook =>
        {
            var sheet = workbook.Worksheet(1);
            WorkbookFiles.QuantityCell(sheet, "Phường 1").SetValue(9);
            sheet.Row(WorkbookFiles.TextCell(sheet, "Phường 11").Address.RowNumber).Delete();
        });

        var report = await _bed.ApplyAsync(_bed.CaoLanhOfficer, file, "Bỏ dòng Phường 11");

        report.Applied.ShouldBeTrue();
        report.Changes.Select(c => (c.Name, c.New)).ShouldBe([("Phường 1", 9)]);
        (await _bed.NodeAsync(ward11)).Quantity.ShouldBe(0);
    }
}
