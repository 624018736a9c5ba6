namespace LicenseAllocation.Application.Allocations;

/// <summary>
/// Set one unit's quantity in a plan. <paramref name="ExpectedVersion"/>, when given, refuses the change if someone else
/// changed the node first; <paramref name="DocumentRef"/> names the official letter the change is made under, if any.
/// </summary>
public sealed record ChangeQuantity(int PlanId, int UnitId, int Quantity, string? Reason, int? ExpectedVersion = null, string? DocumentRef = null);
