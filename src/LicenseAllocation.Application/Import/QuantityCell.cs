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
        _ => (null, ImportErrorCode.QuantityNotANumber, cell.Text.Trim()),
    };

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
