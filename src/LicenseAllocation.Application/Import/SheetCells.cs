namespace LicenseAllocation.Application.Import;

/// <summary>What a cell holds as stored in the file. Formulas are never evaluated: <see cref="CellContent.IsFormula"/> says one is there.</summary>
internal enum CellKind
{
    Text,
    Number,
    Boolean,
    Error,
}

/// <param name="Kind">The stored type.</param>
/// <param name="Text">The stored text; for a number its invariant form ("12", "12.5"); for a formula its cached result.</param>
/// <param name="Number">The value of a number cell.</param>
/// <param name="IsFormula">Whether the cell holds a formula (whose cached result <paramref name="Text"/> is).</param>
internal sealed record CellContent(CellKind Kind, string Text, double? Number, bool IsFormula)
{
    public bool IsBlank => !IsFormula && string.IsNullOrWhiteSpace(Text);

    /// <summary>A number that is a whole number written without decimals, as a code typed into a number cell.</summary>
    public string DisplayText => Number is { } n && Math.Abs(n) < 1e15 && n == Math.Floor(n)
        ? ((long)n).ToString(System.Globalization.CultureInfo.InvariantCulture)
        : Text.Trim();
}

/// <summary>
/// The non-empty cells of one worksheet, by row and column number (both from 1, as Excel counts). The cells of a row
/// are indexed once, so that reading a sheet row by row costs as much as its cells, however many rows it has.
/// </summary>
internal sealed class SheetCells(string name, IReadOnlyDictionary<(int Row, int Column), CellContent> cells)
{
    private readonly Lazy<SortedDictionary<int, List<(int Column, CellContent Cell)>>> _rows = new(() => IndexRows(cells));

    public string Name { get; } = name;

    public CellContent? this[int row, int column] => cells.GetValueOrDefault((row, column));

    public IEnumerable<int> Rows => _rows.Value.Keys;

    public IEnumerable<(int Column, CellContent Cell)> InRow(int row) =>
        _rows.Value.TryGetValue(row, out var inRow) ? inRow : [];

    public IEnumerable<(int Row, int Column, CellContent Cell)> All =>
        cells.OrderBy(c => c.Key.Row).ThenBy(c => c.Key.Column).Select(c => (c.Key.Row, c.Key.Column, c.Value));

    private static SortedDictionary<int, List<(int Column, CellContent Cell)>> IndexRows(IReadOnlyDictionary<(int Row, int Column), CellContent> cells)
    {
        var rows = new SortedDictionary<int, List<(int Column, CellContent Cell)>>();
        foreach (var ((row, column), cell) in cells)
        {
            if (!rows.TryGetValue(row, out var inRow))
            {
                rows[row] = inRow = [];
            }

            inRow.Add((column, cell));
        }

        foreach (var inRow in rows.Values)
        {
            inRow.Sort((a, b) => a.Column.CompareTo(b.Column));
        }

        return rows;
    }

    /// <summary>"A" for 1, "AA" for 27: the letters Excel shows above the column.</summary>
    public static string ColumnLetters(int column)
    {
        var letters = string.Empty;
        for (var n = column; n > 0; n = (n - 1) / 26)
        {
            letters = (char)('A' + ((n - 1) % 26)) + letters;
        }

        return letters;
    }
}
