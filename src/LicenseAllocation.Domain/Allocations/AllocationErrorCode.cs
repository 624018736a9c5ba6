namespace LicenseAllocation.Domain.Allocations;

/// <summary>Why a quantity change is refused. Each value maps to a stable API code.</summary>
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
}
