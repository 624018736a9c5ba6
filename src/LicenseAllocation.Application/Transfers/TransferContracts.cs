using LicenseAllocation.Application.Allocations;

namespace LicenseAllocation.Application.Transfers;

/// <summary>Moves <paramref name="Quantity"/> licences from one unit to another in one change.</summary>
public sealed record MoveLicences(int PlanId, int FromUnitId, int ToUnitId, int Quantity, string? Reason);

/// <summary>Gives <paramref name="Quantity"/> licences the unit does not need back to its parent.</summary>
public sealed record ReturnLicences(int PlanId, int UnitId, int Quantity, string? Reason);

/// <summary>Both units after a move, and the change set of its audit rows.</summary>
public sealed record TransferResult(UnitNodeView From, UnitNodeView To, Guid ChangeSetId);
