using LicenseAllocation.Domain.Allocations;

namespace LicenseAllocation.Domain.Plans;

/// <summary>The year a plan allocates for: from <see cref="Min"/> to <see cref="Max"/>.</summary>
public static class PlanYear
{
    public const int Min = 2000;
    public const int Max = 2100;

    /// <summary>Null when the year may be used; otherwise <see cref="AllocationErrorCode.InvalidYear"/> quoting it.</summary>
    public static AllocationError? Check(int year) =>
        year is < Min or > Max ? AllocationError.InvalidYear(year) : null;
}
