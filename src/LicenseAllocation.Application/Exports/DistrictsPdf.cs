using System.Globalization;
using LicenseAllocation.Application.Allocations;
using LicenseAllocation.Application.Appendix;
using LicenseAllocation.Application.Districts;
using LicenseAllocation.Application.Exports.Pdf;
using LicenseAllocation.Domain.Units;
using PdfSharp.Drawing;

namespace LicenseAllocation.Application.Exports;

/// <summary>
/// The districts' allocations as PDF, laid out like their workbook (<see cref="DistrictsWorkbook"/>): the summary of
/// every district, then one document per district with its agencies and communes. Each is a document of its own, as
/// each sheet is: "Phụ lục", the title, the "(Kèm theo …)" line of its decision, its pages numbered from 1, and
/// "DỰ THẢO" while that decision is a draft.
/// </summary>
public static class DistrictsPdf
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    private static readonly PdfTable Summary = new(
        DistrictsWorkbook.SummaryWidths,
        [XStringAlignment.Center, XStringAlignment.Center, XStringAlignment.Near, XStringAlignment.Far, XStringAlignment.Far, XStringAlignment.Far],
        DistrictsWorkbook.SummaryColumns);

    private static readonly PdfTable District = new(
        DistrictsWorkbook.DistrictWidths,
        [XStringAlignment.Center, XStringAlignment.Center, XStringAlignment.Near, XStringAlignment.Near, XStringAlignment.Far],
        DistrictsWorkbook.DistrictColumns);

    public static byte[] Render(DistrictReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var pdf = new OfficialPdf(DistrictsWorkbook.Title, AppendixWorkbook.Author, report.Summary.Draft);
        Heading(pdf, $"CỦA {DistrictsWorkbook.SummaryHeading}", report.Summary);
        var districts = report.Districts.Select(d => d.District).ToList();
        var rows = districts.Select((d, i) => new PdfRow([Number(i + 1), d.Code ?? string.Empty, d.Name, Number(d.Quantity), Number(d.HandedOn), Number(d.Remaining)]))
            .Append(new PdfRow(
                [string.Empty, string.Empty, DistrictsWorkbook.TotalLabel, Number(districts.Sum(d => d.Quantity)), Number(districts.Sum(d => d.HandedOn)), Number(districts.Sum(d => d.Remaining))],
                Bold: true));
        pdf.Table(Summary, rows);

        foreach (var workspace in report.Districts)
        {
            var heading = report.HeadingOf(workspace.District.UnitId);
            pdf.NextDocument(heading.Draft);
            Heading(pdf, DistrictsWorkbook.SubjectOf(workspace.District), heading);
            pdf.Table(District, DistrictRows(workspace));
        }

        return pdf.Save();
    }

    /// <summary>The rows of a district's sheet: its agencies, its communes, each with a subtotal, then what it hands on, its quota and what remains.</summary>
    private static IEnumerable<PdfRow> DistrictRows(DistrictWorkspace workspace)
    {
        // A deactivated unit holds 0 and receives nothing; the list names the units that take part.
        var units = workspace.Units.Where(u => u.Node.IsActive).Select(u => u.Node).ToList();
        var district = workspace.District;
        return Group(DistrictsWorkbook.AgenciesHeading, DistrictsWorkbook.AgenciesSubtotal, [.. units.Where(u => u.Kind == UnitKind.DistrictAgency)])
            .Concat(Group(DistrictsWorkbook.CommunesHeading, DistrictsWorkbook.CommunesSubtotal, [.. units.Where(u => u.Kind == UnitKind.CommuneCommittee)]))
            .Append(Figure(DistrictsWorkbook.HandedOnLabel, district.HandedOn))
            .Append(Figure(DistrictsWorkbook.QuotaLabel, district.Quantity))
            .Append(Figure(DistrictsWorkbook.RemainingLabel, district.Remaining));
    }

    private static IEnumerable<PdfRow> Group(string heading, string subtotal, List<UnitNodeView> units) =>
        units.Select((u, i) => new PdfRow([Number(i + 1), u.Code ?? string.Empty, u.Name, VietnameseLabels.Kind(u.Kind), Number(u.Quantity)]))
            .Prepend(new PdfRow([string.Empty, string.Empty, heading, string.Empty, string.Empty], Bold: true))
            .Append(Figure(subtotal, units.Sum(u => u.Quantity)));

    private static PdfRow Figure(string label, int value) => new([string.Empty, string.Empty, label, string.Empty, Number(value)], Bold: true);

    /// <summary>"Phụ lục", the title's two lines and the reference line of the document's decision, centred as in the workbook.</summary>
    private static void Heading(OfficialPdf pdf, string subject, DocumentHeading heading)
    {
        pdf.Paragraph(DistrictsWorkbook.Label, OfficialPdf.Font(bold: true));
        pdf.Paragraph(DistrictsWorkbook.Title, OfficialPdf.Font(bold: true));
        pdf.Paragraph(subject, OfficialPdf.Font(bold: true));
        if (heading.Reference.Length > 0)
        {
            pdf.Paragraph(heading.Reference, OfficialPdf.Font(italic: true));
        }

        pdf.Gap(OfficialPdf.BodySize);
    }

    private static string Number(int value) => value.ToString("#,##0", Vietnamese);
}
