using System.Globalization;

namespace LicenseAllocation.Application.Import;

/// <summary>
/// Reads a quantity as stored. Only a number typed into the cell counts: a formula is refused whatever it shows
/// (its cached result could be stale and it is never evaluated), and so are text, decimals, negatives and blanks.
/// Whether the number fits the parent's quota is not decided here but by the quantity batch service.
/// </summary>
internal static class QuantityCell
{
    public static (int? Quantity, ImportErrorCode? Error, string? Found) Parse(CellContent? cell) => cell switch
    {
        null => (null, ImportErrorCode.QuantityRequired, null),
        { IsFormula: true } => (null, ImportErrorCode.FormulaNotAllowed, null),
        { IsBlank: true } => (null, ImportErrorCode.QuantityRequired, null),
        { Kind: CellKind.Number, Number: { } n } => Number(n),
        _ when IsTypedFraction(cell.Text.Trim()) => (null, ImportErrorCode.QuantityNotWhole, cell.Text.Trim()),
        _ => (null, ImportErrorCode.QuantityNotANumber, cell.Text.Trim()),
    };

    /// <summary>
    /// "12,5" or "12.5" typed as text (a cell formatted as text, a file from another system): a number with a fraction,
    /// so the reader is told it must be whole. Three digits after the mark ("5.137", "1,250") read as thousands in one
    /// language or the other, so such text is only said not to be a number.
    /// </summary>
    private static bool IsTypedFraction(string text)
    {
        var mark = text.IndexOfAny([',', '.']);
        if (mark <= 0 || mark == text.Length - 1 || text.Length - mark - 1 == 3)
        {
            return false;
        }

        var whole = text[..mark];
        var fraction = text[(mark + 1)..];
        return whole.All(char.IsAsciiDigit) && fraction.All(char.IsAsciiDigit) && fraction.Any(d => d != '0');
    }

    private static (int? Quantity, ImportErrorCode? Error, string? Found) Number(double value)
    {
        // Invariant here; the message writes it in the reader's format.
        var found = value.ToString("R", CultureInfo.InvariantCulture);
        if (double.IsNaN(value) || double.IsInfinity(value))
        {
            return (null, ImportErrorCode.QuantityNotANumber, found);
        }

        if (value < 0)
        {
            return (null, ImportErrorCode.QuantityNegative, found);
        }

        if (value != Math.Floor(value))
        {
            return (null, ImportErrorCode.QuantityNotWhole, found);
        }

        return value > int.MaxValue ? (null, ImportErrorCode.QuantityTooLarge, found) : ((int)value, null, null);
    }
}
