namespace LicenseAllocation.Application.Allocations;

/// <summary>Set one unit's quantity in a plan. <paramref name="ExpectedVersion"/>, when given, refuses the change if someone else changed the node first.</summary>
public sealed record ChangeQuantity(int PlanId, int UnitId, int Quantity, string? Reason, int? ExpectedVersion = null);
