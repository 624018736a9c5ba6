using LicenseAllocation.Domain.Plans;

namespace LicenseAllocation.Web.Api;

/// <summary>An allocating unit that still holds licences it has not handed on.</summary>
public sealed record OpenUnitDto(int UnitId, string Name, int Remaining);

/// <summary>What is still open below each level of a plan, within the caller's scope.</summary>
public sealed record PlanProgressDto(int NotHandedOn, int Districts, int DistrictsOpen, IReadOnlyList<OpenUnitDto> OpenBelow)
{
    public static PlanProgressDto From(AllocationProgress progress) => new(
        progress.NotHandedOn,
        progress.Districts,
        progress.DistrictsOpen,
        [.. progress.OpenUnits.Select(u => new OpenUnitDto(u.UnitId, u.Name, u.Remaining))]);
}
