namespace LicenseAllocation.Application.Districts;

/// <summary>The districts a caller may see in one plan, each with the units it hands its quota on to.</summary>
public sealed record DistrictReport(string PlanName, IReadOnlyList<DistrictWorkspace> Districts);
