using LicenseAllocation.Domain.Allocations;

namespace LicenseAllocation.Domain.Plans;

/// <summary>
/// What a plan's licences are for: the product's name (1 to <see cref="MaxNameLength"/> characters once trimmed), its
/// vendor (optional, at most <see cref="MaxVendorLength"/>) and the licence term (its end after its start).
/// </summary>
public static class LicensedProduct
{
    public const int MaxNameLength = 200;
    public const int MaxVendorLength = 200;

    /// <summary>Null when the name may be used; otherwise <see cref="AllocationErrorCode.InvalidProductName"/>.</summary>
    public static AllocationError? CheckName(string? name) =>
        Text.InputText.Check(name) ?? (Text.InputText.Normalize(name) is { Length: > 0 and <= MaxNameLength } ? null : AllocationError.InvalidProductName());

    /// <summary>Null when the vendor is absent or fits; otherwise <see cref="AllocationErrorCode.InvalidVendor"/>.</summary>
    public static AllocationError? CheckVendor(string? vendor) =>
        Text.InputText.Check(vendor) ?? (Text.InputText.Normalize(vendor) is { Length: > MaxVendorLength } ? AllocationError.InvalidVendor() : null);

    /// <summary>Null unless both ends are given and the term ends on or before the day it starts.</summary>
    public static AllocationError? CheckTerm(DateOnly? start, DateOnly? end) =>
        start is { } from && end is { } to && to <= from ? AllocationError.InvalidLicenceTerm() : null;
}
