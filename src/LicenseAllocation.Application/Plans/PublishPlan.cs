namespace LicenseAllocation.Application.Plans;

/// <summary>Publish a draft under the official letter that issues it: its number and symbol, the day it was signed, who signed it.</summary>
public sealed record PublishPlan(int PlanId, string? DocumentNumber, DateOnly? DocumentDate, string? Signer);
