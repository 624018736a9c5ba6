namespace LicenseAllocation.Domain.Allocations;

/// <summary>
/// Why a quantity changes, as the official writes it on the change (and the audit row keeps it): required, not blank,
/// at most <see cref="MaxLength"/> characters once trimmed. One rule for the single edit, the batch and the import.
/// </summary>
public static class ChangeReason
{
    /// <summary>The most characters a reason holds (after trimming); the audit row's column is as long.</summary>
    public const int MaxLength = 1000;

    /// <summary>
    /// Null when the reason may be used; otherwise <see cref="AllocationErrorCode.ReasonRequired"/> or the refusal of
    /// <see cref="Text.InputText"/> (a zero-width space is no reason).
    /// </summary>
    public static AllocationError? Check(string? reason) =>
        Text.InputText.Check(reason)
        ?? (Text.InputText.Normalize(reason) is not { Length: > 0 and <= MaxLength } ? AllocationError.ReasonRequired() : null);
}
