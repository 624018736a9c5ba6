using LicenseAllocation.Domain.Units;

namespace LicenseAllocation.Application.Allocations;

/// <summary>A unit of a plan with its figures, as the portal and the API show it.</summary>
public sealed record UnitNodeView(
    int UnitId,
    int? ParentUnitId,
    string? Code,
    string Name,
    UnitKind Kind,
    int Order,
    bool IsActive,
    int Quantity,
    int HandedOn,
    int Version)
{
    public int Remaining => Quantity - HandedOn;
}
