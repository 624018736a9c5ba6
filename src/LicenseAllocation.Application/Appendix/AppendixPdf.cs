using System.Globalization;
using LicenseAllocation.Application.Exports.Pdf;
using PdfSharp.Drawing;

namespace LicenseAllocation.Application.Appendix;

/// <summary>
/// The appendix (Phụ lục) as a PDF laid out like its workbook (<see cref="AppendixWorkbook"/>): label, title and
/// "(Kèm theo …)" line centred, the bordered table with its heading on every page, the total, the note; "DỰ THẢO" on
/// every page while the plan is a draft.
/// </summary>
public static class AppendixPdf
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    private static readonly PdfTable Layout = new(
        AppendixWorkbook.ColumnWidths,
        [XStringAlignment.Center, XStringAlignment.Near, XStringAlignment.Center],
        AppendixQuery.Columns);

    public static byte[] Render(AppendixDocument document, bool draft)
    {
        ArgumentNullException.ThrowIfNull(document);
        using var pdf = new OfficialPdf(document.Title, AppendixWorkbook.Author, draft);
        pdf.Paragraph(document.Label, OfficialPdf.Font(bold: true));
        pdf.Paragraph(document.Title.ToUpper(Vietnamese), OfficialPdf.Font(bold: true));
        pdf.Paragraph(document.Reference, OfficialPdf.Font(italic: true));
        pdf.Gap(OfficialPdf.BodySize);

        var rows = document.Rows.Select(r => new PdfRow([Number(r.Number), r.Name, Number(r.Quantity)]))
            .Append(new PdfRow([string.Empty, document.TotalLabel, Number(document.Total)], Bold: true));
        pdf.Table(Layout with { Header = document.Columns }, rows);

        pdf.Gap(OfficialPdf.BodySize);
        pdf.Paragraph(document.Note, OfficialPdf.Font(italic: true), XStringAlignment.Near);
        return pdf.Save();
    }

    private static string Number(int value) => value.ToString("#,##0", Vietnamese);
}
