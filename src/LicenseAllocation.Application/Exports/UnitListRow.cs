using LicenseAllocation.Application.Districts;
using LicenseAllocation.Domain.Units;

namespace LicenseAllocation.Application.Exports;

/// <summary>
/// One unit of the flat export, in tree order. <see cref="Level"/> counts from 1 at the province. Handed on and remaining
/// are null for a unit without units under it, where the portal's tree leaves them blank too. <see cref="AgencyCode"/> is
/// the electronic agency identifier (mã định danh điện tử), when the unit has one.
/// </summary>
public sealed record UnitListRow(
    int Number,
    string? Code,
    string Name,
    UnitKind Kind,
    string? ParentName,
    int Level,
    int Quantity,
    int? HandedOn,
    int? Remaining,
    AllocationStatus Status,
    bool IsActive,
    string? AgencyCode = null)
{
    /// <summary>The status as the portal's chips say it; a deactivated unit says so instead.</summary>
    public string StatusText => IsActive ? VietnameseLabels.Status(Status) : VietnameseLabels.Inactive;
}
