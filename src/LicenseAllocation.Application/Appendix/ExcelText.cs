using ClosedXML.Excel;

namespace LicenseAllocation.Application.Appendix;

/// <summary>Writes user-supplied text into workbook cells so that it stays text, whatever it looks like.</summary>
internal static class ExcelText
{
    /// <summary>
    /// Characters that make Excel, LibreOffice or a CSV reader take a cell as a formula (OWASP CSV injection list).
    /// </summary>
    private static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];

    /// <summary>
    /// Prefixes a single quote to text a spreadsheet would read as a formula. A string cell is not evaluated when the
    /// file opens, but it becomes a formula once someone edits it or the sheet is saved as CSV; the quote stops that.
    /// </summary>
    public static string Safe(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length > 0 && Array.IndexOf(FormulaStarts, text[0]) >= 0 ? "'" + text : text;
    }

    /// <summary>The text as it was before <see cref="Safe"/>: what an importer compares with the portal's own names.</summary>
    public static string Unsafe(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length > 1 && text[0] == '\'' && Array.IndexOf(FormulaStarts, text[1]) >= 0 ? text[1..] : text;
    }

    /// <summary>
    /// Sets the cell to the neutralised text. SetValue&lt;string&gt; stores a text cell as it is; assigning Value
    /// instead lets ClosedXML guess a type, turning "00123" into 123 and "1/2" into a date.
    /// </summary>
    public static IXLCell SetText(IXLCell cell, string text)
    {
        ArgumentNullException.ThrowIfNull(cell);
        return cell.SetValue<string>(Safe(text));
    }
}
