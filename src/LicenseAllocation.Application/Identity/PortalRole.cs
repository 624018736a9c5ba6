namespace LicenseAllocation.Application.Identity;

/// <summary>The roles of the portal. Names are part of the public API and of the Identity role table.</summary>
public enum PortalRole
{
    /// <summary>Sở Thông tin và Truyền thông: manages everything, including the province-level quotas and users.</summary>
    ProvinceAdmin,

    /// <summary>A district-level People's Committee's officer: hands the district's quota on to the units under it.</summary>
    DistrictOfficer,

    /// <summary>Sees one unit's allocation and its subtree, read only.</summary>
    UnitViewer,

    /// <summary>Reads everything, changes nothing.</summary>
    Auditor,
}
