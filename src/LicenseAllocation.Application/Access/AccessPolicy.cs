using LicenseAllocation.Application.Identity;

namespace LicenseAllocation.Application.Access;

/// <summary>
/// The one place that decides what a caller may read and change. Today only the province administrator exists;
/// scoped roles add their rules here, and every service already asks here before it reads or writes.
/// </summary>
public static class AccessPolicy
{
    public static bool CanRead(Caller caller) => caller.Role == PortalRole.ProvinceAdmin;

    public static bool CanChangeQuantity(Caller caller) => caller.Role == PortalRole.ProvinceAdmin;
}
