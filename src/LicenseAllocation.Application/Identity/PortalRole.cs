namespace LicenseAllocation.Application.Identity;

/// <summary>The roles of the portal. Names are part of the public API and of the Identity role table.</summary>
public enum PortalRole
{
    /// <summary>Sở Thông tin và Truyền thông: manages everything, including the province-level quotas.</summary>
    ProvinceAdmin,
}
