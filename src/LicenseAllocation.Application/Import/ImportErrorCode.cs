namespace LicenseAllocation.Application.Import;

/// <summary>Why an uploaded workbook, or one of its cells, cannot be imported. Each value maps to a stable API code.</summary>
public enum ImportErrorCode
{
    // The file as a whole.
    FileTooLarge,
    TooManyParts,
    ContentTooLarge,
    SuspiciousCompression,
    NotXlsx,
    LegacyXls,
    PasswordProtected,
    DamagedFile,
    ForbiddenXml,
    TooManyCells,

    // The sheet: where the table is and whose template it is.
    MissingHeader,
    EmptyTable,
    WrongPlan,
    WrongUnit,

    /// <summary>A district's officer uploaded the province's appendix: the officer's own unit's template is wanted.</summary>
    ProvinceAppendix,

    /// <summary>An officer uploaded the template of a unit outside their scope (another district's): their own is wanted.</summary>
    OtherUnitTemplate,

    // A row.
    FormulaNotAllowed,
    QuantityRequired,
    QuantityNotANumber,
    QuantityNotWhole,
    QuantityNegative,
    QuantityTooLarge,
    UnknownUnit,
    AmbiguousName,
    CodeNameMismatch,

    // The optional need column ("Số máy tính cần bảo vệ"): a blank cell leaves the need as it is.
    NeedFormulaNotAllowed,
    NeedNotANumber,
    NeedNotWhole,
    NeedNegative,
    NeedTooLarge,

    /// <summary>The quantity batch service refused the row's unit (or the import as a whole): see the refusal.</summary>
    Refused,
}
