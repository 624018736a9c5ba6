namespace LicenseAllocation.Application.Exports;

/// <summary>
/// Estimates how many printed lines text takes in a column, for row heights. Rows cannot be auto-fitted here (ClosedXML
/// measures text through System.Drawing, which fails on Linux), so this uses average Times New Roman advance widths
/// in ems, rounded up so that text is never cut off; a line too many only leaves white space.
/// </summary>
public static class TextLines
{
    /// <summary>Points per printed line of 12–13 pt text, leaving room for Vietnamese diacritics above and below.</summary>
    public const double LineHeight = 17;

    private const double PixelsPerPoint = 96.0 / 72;

    /// <summary>Column widths count the digit width of the workbook's Normal style, Calibri 11: 7 pixels.</summary>
    private const double PixelsPerWidthUnit = 7;

    public static int Estimate(string text, double width, double fontSize, bool bold)
    {
        ArgumentNullException.ThrowIfNull(text);
        var ems = text.Sum(c => char.IsUpper(c) ? 0.70 : 0.46) * (bold ? 1.05 : 1.0);
        var pixels = ems * fontSize * PixelsPerPoint;
        return Math.Max(1, (int)Math.Ceiling(pixels / (width * PixelsPerWidthUnit)));
    }
}
