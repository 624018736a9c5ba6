namespace LicenseAllocation.Application.Plans;

/// <summary>Start a new plan (another year, another product) from an existing one's tree and figures.</summary>
public sealed record CopyPlan(int PlanId, string? Name, int Year);
