using LicenseAllocation.Domain.Allocations;

namespace LicenseAllocation.Domain.Auditing;

/// <summary>
/// The optional official letter a quantity change is made under ("Công văn số 123/UBND-VX ngày 05/01/2021"). Checked
/// before any write, so that a reference too long for the audit row is explained instead of failing the transaction.
/// </summary>
public static class DocumentReference
{
    /// <summary>The most characters a reference holds (after trimming); the audit row's column is as long.</summary>
    public const int MaxLength = 200;

    /// <summary>
    /// Null when the reference is absent or fits; otherwise the refusal of <see cref="Text.InputText"/> or
    /// <see cref="AllocationErrorCode.DocumentRefTooLong"/> with its length.
    /// </summary>
    public static AllocationError? Check(string? documentRef) =>
        Text.InputText.Check(documentRef)
        ?? (Text.InputText.Normalize(documentRef) is { Length: > MaxLength } normalized
            ? AllocationError.DocumentRefTooLong(normalized.Length, MaxLength)
            : null);
}
