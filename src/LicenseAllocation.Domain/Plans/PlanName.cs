using LicenseAllocation.Domain.Allocations;

namespace LicenseAllocation.Domain.Plans;

/// <summary>A plan's name: 1 to <see cref="MaxLength"/> characters once trimmed.</summary>
public static class PlanName
{
    public const int MaxLength = 300;

    /// <summary>Null when the name may be used; otherwise <see cref="AllocationErrorCode.InvalidPlanName"/>.</summary>
    public static AllocationError? Check(string? name) =>
        name?.Trim() is { Length: > 0 and <= MaxLength } ? null : AllocationError.InvalidPlanName();
}
