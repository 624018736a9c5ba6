using LicenseAllocation.Domain.Allocations;

namespace LicenseAllocation.Domain.Plans;

/// <summary>A plan's name: 1 to <see cref="MaxLength"/> characters once trimmed.</summary>
public static class PlanName
{
    public const int MaxLength = 300;

    /// <summary>Null when the name may be used; otherwise the refusal of <see cref="Text.InputText"/> or <see cref="AllocationErrorCode.InvalidPlanName"/>.</summary>
    public static AllocationError? Check(string? name) =>
        Text.InputText.Check(name) ?? (Normalize(name) is { Length: > 0 and <= MaxLength } ? null : AllocationError.InvalidPlanName());

    /// <summary>The spelling stored: NFC, white space folded (<see cref="Text.InputText.Normalize"/>).</summary>
    public static string? Normalize(string? name) => Text.InputText.Normalize(name);
}
