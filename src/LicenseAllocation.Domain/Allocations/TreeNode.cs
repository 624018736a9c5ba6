namespace LicenseAllocation.Domain.Allocations;

public readonly record struct TreeNode(int UnitId, int? ParentUnitId, int Quantity, int HandedOn);
