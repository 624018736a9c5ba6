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
