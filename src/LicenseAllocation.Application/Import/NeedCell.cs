using LicenseAllocation.Domain.Needs;

namespace LicenseAllocation.Application.Import;

/// <summary>
/// Reads a need (the number of computers a unit must protect) as stored. The column is optional and so is each cell: a
/// blank leaves the unit's need as it is. Otherwise only a whole number of 0 or more typed into the cell counts, as for a
/// quantity (<see cref="QuantityCell"/>); whether the figure is plausible is <see cref="NeedRules"/>' to say, through the
/// need service.
/// </summary>
internal static class NeedCell
{
    public static (int? Computers, ImportErrorCode? Error, string? Found) Parse(CellContent? cell)
    {
        if (cell is null || cell.IsBlank)
        {
            return (null, null, null);
        }

        var (value, error, found) = QuantityCell.Parse(cell);
        return (value, error switch
        {
            null => null,
            ImportErrorCode.FormulaNotAllowed => ImportErrorCode.NeedFormulaNotAllowed,
            ImportErrorCode.QuantityNegative => ImportErrorCode.NeedNegative,
            ImportErrorCode.QuantityNotWhole => ImportErrorCode.NeedNotWhole,
            ImportErrorCode.QuantityTooLarge => ImportErrorCode.NeedTooLarge,
            _ => ImportErrorCode.NeedNotANumber,
        }, found);
    }
}
