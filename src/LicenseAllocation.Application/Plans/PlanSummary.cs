using LicenseAllocation.Domain.Plans;

namespace LicenseAllocation.Application.Plans;

/// <summary>A plan with its headline figures: the total is its root's quantity, allocated is what the root has handed on.</summary>
public sealed record PlanSummary(
    int Id,
    string Name,
    int Year,
    string? ProductName,
    PlanStatus Status,
    OfficialDocument? Document,
    int RootUnitId,
    int TotalLicenses,
    int Allocated)
{
    public int Remaining => TotalLicenses - Allocated;
}
