using LicenseAllocation.Application.Common;
using LicenseAllocation.Domain.Allocations;

namespace LicenseAllocation.Application.Import;

/// <summary>The cell of a table row an issue points at.</summary>
public enum ImportField
{
    Code,
    Name,
    Quantity,

    /// <summary>The number of computers the unit must protect (its need), in a file that has that column.</summary>
    Need,
}

/// <summary>
/// One thing wrong with an uploaded workbook, and where: the sheet, the row and the column letter as the official sees
/// them in Excel, or none of them for the file as a whole. The message is written when it is shown
/// (<see cref="ImportMessages"/>), in the reader's language.
/// </summary>
public sealed record ImportIssue(ImportErrorCode Code, string? Sheet = null, int? Row = null, string? Column = null)
{
    /// <summary>Which cell of the row is at fault, when the issue is about a row.</summary>
    public ImportField? Field { get; init; }

    /// <summary>What was found in the file: the cell's text, a code, the other plan's number, the name of a part.</summary>
    public string? Found { get; init; }

    /// <summary>A number the message quotes: the limit exceeded, this plan's number.</summary>
    public long? Limit { get; init; }

    /// <summary>The number found that exceeds <see cref="Limit"/>: the file's size, its count of parts.</summary>
    public long? Actual { get; init; }

    /// <summary>The unit the row was matched to (or, for a wrong template, the unit the file belongs to).</summary>
    public string? Unit { get; init; }

    /// <summary>When <see cref="Code"/> is <see cref="ImportErrorCode.Refused"/>: why the quantity batch service (or, for a need, the need service) refused.</summary>
    public AllocationError? Refusal { get; init; }

    /// <summary>The API code: the refusal's own (<c>exceeds-parent</c>, <c>reason-required</c>…) or the import's (<c>formula-not-allowed</c>…).</summary>
    public string ApiCode => Refusal is { } refusal ? refusal.Code.ApiCode() : Code.ApiCode();
}
