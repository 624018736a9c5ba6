using LicenseAllocation.Application.Allocations;

namespace LicenseAllocation.Application.Districts;

/// <summary>One district-level People's Committee side by side with the others: its quota and how far it is split.</summary>
public sealed record DistrictSummary(UnitNodeView District, int UnitCount, int UnitsAtZero)
{
    public AllocationStatus Status => AllocationStatuses.Of(District.Quantity, District.HandedOn, UnitCount > 0);
}

/// <summary>The districts side by side, with the group they share ("UBND 12 huyện, thành phố") when the plan has one.</summary>
public sealed record DistrictOverview(UnitNodeView? Group, IReadOnlyList<DistrictSummary> Districts);
