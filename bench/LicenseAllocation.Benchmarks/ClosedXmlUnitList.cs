using ClosedXML.Excel;
using LicenseAllocation.Application.Exports;

namespace LicenseAllocation.Benchmarks;

/// <summary>
/// The flat export's rows written with ClosedXML, for comparison only: same columns, header style, number format,
/// widths, frozen header and auto filter. ClosedXML keeps the whole workbook in memory before it saves.
/// </summary>
internal static class ClosedXmlUnitList
{
    public static void Write(IReadOnlyList<UnitListRow> rows, Stream output)
    {
        using var workbook = new XLWorkbook();
        workbook.Style.Font.FontName = OfficialPrint.FontName;
        var sheet = workbook.AddWorksheet(UnitListWorkbook.SheetName);
        for (var c = 0; c < UnitListWorkbook.Columns.Count; c++)
        {
            sheet.Cell(1, c + 1).SetValue(UnitListWorkbook.Columns[c]);
            sheet.Column(c + 1).Width = UnitListWorkbook.ColumnWidths[c];
        }

        sheet.Row(1).Style.Font.Bold = true;
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var r = i + 2;
            sheet.Cell(r, 1).SetValue(row.Number);
            sheet.Cell(r, 2).SetValue<string>(row.Code ?? string.Empty);
            sheet.Cell(r, 3).SetValue<string>(row.Name);
            sheet.Cell(r, 4).SetValue<string>(VietnameseLabels.Kind(row.Kind));
            sheet.Cell(r, 5).SetValue<string>(row.ParentName ?? string.Empty);
            sheet.Cell(r, 6).SetValue(row.Level);
            sheet.Cell(r, 7).SetValue(row.Quantity);
            if (row.HandedOn is { } handedOn)
            {
                sheet.Cell(r, 8).SetValue(handedOn);
                sheet.Cell(r, 9).SetValue(row.Remaining ?? 0);
            }

            sheet.Cell(r, 10).SetValue<string>(row.StatusText);
        }

        sheet.Range(2, 7, rows.Count + 1, 9).Style.NumberFormat.Format = OfficialPrint.NumberFormat;
        sheet.SheetView.FreezeRows(1);
        sheet.Range(1, 1, rows.Count + 1, UnitListWorkbook.Columns.Count).SetAutoFilter();
        workbook.SaveAs(output);
    }
}
