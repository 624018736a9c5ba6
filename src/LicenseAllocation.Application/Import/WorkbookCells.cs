using System.Globalization;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace LicenseAllocation.Application.Import;

/// <summary>
/// Reads the stored cells of every worksheet with the OpenXML SDK's streaming reader: values as written in the file
/// (a formula's cached result, never a recalculation), shared and inline strings resolved. Run only on bytes that
/// <see cref="XlsxPackageGuard"/> has passed; the SDK itself refuses DTDs as well.
/// </summary>
internal static class WorkbookCells
{
    public static (IReadOnlyList<SheetCells> Sheets, ImportIssue? Issue) Read(byte[] file, ImportOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        try
        {
            using var stream = new MemoryStream(file, writable: false);
            using var document = SpreadsheetDocument.Open(stream, isEditable: false, new OpenSettings { MaxCharactersInPart = options.MaxUncompressedBytes });
            if (document.WorkbookPart is not { } workbookPart)
            {
                return ([], new ImportIssue(ImportErrorCode.NotXlsx));
            }

            var strings = SharedStrings(workbookPart);
            var sheets = new List<SheetCells>();
            var budget = options.MaxCells;
            foreach (var sheet in workbookPart.Workbook.Sheets?.Elements<Sheet>() ?? [])
            {
                if (sheet.Id?.Value is not { } id || workbookPart.GetPartById(id) is not WorksheetPart part)
                {
                    continue; // a chart sheet or a dialog sheet has no cells
                }

                var cells = ReadCells(part, strings, ref budget, cancellationToken);
                if (cells is null)
                {
                    return ([], new ImportIssue(ImportErrorCode.TooManyCells) { Limit = options.MaxCells });
                }

                sheets.Add(new SheetCells(sheet.Name?.Value ?? string.Empty, cells));
            }

            return (sheets, null);
        }
        catch (Exception exception) when (IsUnreadable(exception))
        {
            return ([], new ImportIssue(ImportErrorCode.DamagedFile));
        }
    }

    private static bool IsUnreadable(Exception exception) => exception is OpenXmlPackageException or InvalidDataException or XmlException
        or FileFormatException or IOException or FormatException or InvalidOperationException or ArgumentException or KeyNotFoundException
        or NotSupportedException;

    private static List<string> SharedStrings(WorkbookPart workbookPart)
    {
        var strings = new List<string>();
        if (workbookPart.SharedStringTablePart is not { } part)
        {
            return strings;
        }

        using var reader = OpenXmlReader.Create(part);
        while (reader.Read())
        {
            if (reader.ElementType == typeof(SharedStringItem) && reader.IsStartElement)
            {
                strings.Add(TextOf(reader.LoadCurrentElement()!));
            }
        }

        return strings;
    }

    /// <summary>The cells of one worksheet; null when they would exceed the budget of cells left.</summary>
    private static Dictionary<(int Row, int Column), CellContent>? ReadCells(WorksheetPart part, List<string> strings, ref int budget, CancellationToken cancellationToken)
    {
        var cells = new Dictionary<(int Row, int Column), CellContent>();
        var row = 0;
        var column = 0;
        using var reader = OpenXmlReader.Create(part);
        while (reader.Read())
        {
            if (reader.ElementType == typeof(Row) && reader.IsStartElement)
            {
                if (row % 1_000 == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                // The row number is optional in the file format: without it, a row follows the previous one.
                var index = reader.Attributes.FirstOrDefault(a => a.LocalName == "r").Value;
                row = int.TryParse(index, NumberStyles.None, CultureInfo.InvariantCulture, out var r) && r > 0 ? r : row + 1;
                column = 0;
            }
            else if (reader.ElementType == typeof(Cell) && reader.IsStartElement)
            {
                var cell = (Cell)reader.LoadCurrentElement()!;
                (row, column) = Position(cell.CellReference?.Value, row, column + 1);
                if (Content(cell, strings) is { } content)
                {
                    if (--budget < 0)
                    {
                        return null;
                    }

                    cells[(row, column)] = content;
                }
            }
        }

        return cells;
    }

    /// <summary>"C12" → (12, 3); a cell without a reference (allowed by the format) is the next one along its row.</summary>
    private static (int Row, int Column) Position(string? reference, int row, int nextColumn)
    {
        if (string.IsNullOrEmpty(reference))
        {
            return (row, nextColumn);
        }

        var column = 0;
        var i = 0;
        for (; i < reference.Length && char.IsAsciiLetter(reference[i]); i++)
        {
            column = (column * 26) + (char.ToUpperInvariant(reference[i]) - 'A' + 1);
        }

        return int.TryParse(reference.AsSpan(i), NumberStyles.None, CultureInfo.InvariantCulture, out var r) && r > 0 && column > 0
            ? (r, column)
            : (row, nextColumn);
    }

    private static CellContent? Content(Cell cell, List<string> strings)
    {
        var isFormula = cell.CellFormula is not null;
        var raw = cell.CellValue?.Text ?? string.Empty;
        var type = cell.DataType?.Value ?? CellValues.Number;
        CellContent? content = type switch
        {
            CellValues.SharedString => new(CellKind.Text,
                int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < strings.Count ? strings[index] : string.Empty, null, isFormula),
            CellValues.InlineString => new(CellKind.Text, cell.InlineString is { } inline ? TextOf(inline) : raw, null, isFormula),
            CellValues.Boolean => new(CellKind.Boolean, raw, null, isFormula),
            CellValues.Error => new(CellKind.Error, raw, null, isFormula),
            CellValues.Number when double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) => new(CellKind.Number, raw, number, isFormula),
            _ => new(CellKind.Text, raw, null, isFormula),
        };
        return content.IsBlank ? null : content;
    }

    /// <summary>The text of a shared or inline string: its runs joined, without the phonetic guides of East Asian text.</summary>
    private static string TextOf(OpenXmlElement item) =>
        string.Concat(item.Descendants<Text>().Where(t => t.Parent is not PhoneticRun).Select(t => t.Text));
}
