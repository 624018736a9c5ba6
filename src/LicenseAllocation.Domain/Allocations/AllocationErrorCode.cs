namespace LicenseAllocation.Domain.Allocations;

/// <summary>Why a quantity change or a change of the unit tree is refused. Each value maps to a stable API code.</summary>
public enum AllocationErrorCode
{
    InvalidQuantity,
    ReasonRequired,
    ExceedsParent,
    BelowHandedOn,
    VersionConflict,
    NotFound,
    Forbidden,
    OutOfScope,
    DuplicateItem,
    InvalidName,
    InvalidUnitKind,
    InvalidOrder,
    UnitNotEmpty,
    UnitInactive,
}
