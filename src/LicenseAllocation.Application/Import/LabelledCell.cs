using System.Globalization;

namespace LicenseAllocation.Application.Import;

/// <summary>
/// A value the template states beside its label ("Mã kế hoạch" → 1): the first non-empty cell to the right of the label
/// in the same row, wherever the label has moved to.
/// </summary>
internal sealed record LabelledCell(string Sheet, int Row, int Column, CellContent? Value)
{
    public string Letters => SheetCells.ColumnLetters(Column);

    public string Text => Value?.DisplayText ?? string.Empty;

    /// <summary>The first cell, sheet by sheet and row by row, whose text is the label.</summary>
    public static LabelledCell? Find(IEnumerable<SheetCells> sheets, string label)
    {
        var key = TemplateLayout.Key(label);
        foreach (var sheet in sheets)
        {
            foreach (var (row, column, cell) in sheet.All)
            {
                if (cell.Kind == CellKind.Text && TemplateLayout.Key(cell.Text) == key)
                {
                    var value = sheet.InRow(row).FirstOrDefault(c => c.Column > column && !c.Cell.IsBlank);
                    return value.Cell is null ? new LabelledCell(sheet.Name, row, column + 1, null) : new LabelledCell(sheet.Name, row, value.Column, value.Cell);
                }
            }
        }

        return null;
    }

    /// <summary>The value as a portal id: a whole number of 1 or more, typed as a number or as text.</summary>
    public int? AsId() => Value switch
    {
        { Kind: CellKind.Number, Number: { } n } when n >= 1 && n <= int.MaxValue && n == Math.Floor(n) => (int)n,
        { Kind: CellKind.Text } text when int.TryParse(text.Text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id >= 1 => id,
        _ => null,
    };
}
