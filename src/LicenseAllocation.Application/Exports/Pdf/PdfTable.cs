using PdfSharp.Drawing;

namespace LicenseAllocation.Application.Exports.Pdf;

/// <summary>A table for <see cref="OfficialPdf.Table"/>: relative column widths, their alignment, the heading cells.</summary>
public sealed record PdfTable(IReadOnlyList<double> Widths, IReadOnlyList<XStringAlignment> Alignments, IReadOnlyList<string> Header);

/// <summary>One row of a <see cref="PdfTable"/>; a bold row is a total.</summary>
public sealed record PdfRow(IReadOnlyList<string> Cells, bool Bold = false);
