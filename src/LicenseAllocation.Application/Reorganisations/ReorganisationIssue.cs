using System.Globalization;
using LicenseAllocation.Application.Common;
using LicenseAllocation.Application.Import;
using LicenseAllocation.Domain.Allocations;

namespace LicenseAllocation.Application.Reorganisations;

/// <summary>Why a reorganisation file, or one of its rows, cannot be recorded. Each value maps to a stable API code.</summary>
public enum ReorganisationFileErrorCode
{
    // The file as a whole (the workbook defences answer with their own codes: file-too-large, forbidden-xml…).
    ReorganisationFileUnreadable,
    ReorganisationFileEmpty,
    ReorganisationTooManyRows,

    // The reorganisation itself.
    ReorganisationNameRequired,
    LegalBasisRequired,
    EffectiveDateInvalid,
    ReorganisationExists,
    NewProvinceRequired,
    NewProvinceRepeated,

    // A cell or a field.
    CellFormulaNotAllowed,
    ValueNotReadable,
    UnitKindUnknown,
    UnitCodeInvalid,

    // A new unit.
    UnitCodeRepeated,
    AgencyCodeRepeated,
    UnitCodeInUse,

    // A link new ← old.
    FormedFromItself,
    FormedFromNewUnit,
    OldUnitUnknown,
    OldUnitNotInForce,
    OldUnitAmbiguous,
    LinkRepeated,
    ShareOutOfRange,
    SharesDoNotAddUp,
}

/// <summary>
/// One thing wrong with a reorganisation file, and where: for a workbook the sheet, the row and the column letter as the
/// administrator sees them in Excel; for a JSON file the line and the path of the field (<c>communes[3].formedFrom[0].code</c>);
/// none of them for the file as a whole. A file the workbook defences refuse carries their <see cref="FileIssue"/>; a
/// name or an identifier refused by the rule every other path uses carries that <see cref="Refusal"/>
/// (<c>invalid-name</c>, <c>invalid-characters</c>, <c>mixed-script</c>, <c>invalid-agency-code</c>, <c>duplicate-agency-code</c>).
/// </summary>
public sealed record ReorganisationIssue(ReorganisationFileErrorCode? Code, int? Row = null, string? Sheet = null, string? Column = null)
{
    public ImportIssue? FileIssue { get; init; }

    public AllocationError? Refusal { get; init; }

    /// <summary>What was found: the text of the cell or field, the old unit's code or name, a sum of shares.</summary>
    public string? Found { get; init; }

    /// <summary>The other row the problem involves (the first row of a repeated code, the new unit a link points at).</summary>
    public int? OtherRow { get; init; }

    /// <summary>A share the message quotes, written in the reader's own way (0,6 in Vietnamese, 0.6 in English) in place of <see cref="Found"/>.</summary>
    public decimal? Share { get; init; }

    /// <summary>A number the message quotes: the most rows accepted.</summary>
    public long? Limit { get; init; }

    public string ApiCode => FileIssue is { } file ? file.ApiCode : Refusal is { } refusal ? refusal.Code.ApiCode() : Code!.Value.ApiCode();

    public static ReorganisationIssue OfFile(ImportIssue issue) => new((ReorganisationFileErrorCode?)null) { FileIssue = issue };

    /// <summary>The message in the reader's language (Vietnamese unless English was asked for).</summary>
    public string Describe(CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        if (FileIssue is { } file)
        {
            return ImportMessages.Describe(file, culture);
        }

        if (Refusal is { } refusal)
        {
            return RefusalMessages.Describe(refusal, culture);
        }

        // {0} what was found, {1} the limit, {2} the other row.
        var found = Share is { } share ? share.ToString("0.####", culture) : Found ?? string.Empty;
        return TextResources.Format(TextResources.ErrorMessages, Code!.Value.ApiCode(), culture, found, Limit ?? 0, OtherRow ?? 0);
    }
}

public static class ReorganisationFileErrorCodes
{
    /// <summary><c>OldUnitUnknown</c> becomes <c>old-unit-unknown</c>.</summary>
    public static string ApiCode(this ReorganisationFileErrorCode code) => string.Concat(
        code.ToString().Select((ch, i) => char.IsUpper(ch) && i > 0 ? "-" + char.ToLowerInvariant(ch) : char.ToLowerInvariant(ch).ToString()));
}
