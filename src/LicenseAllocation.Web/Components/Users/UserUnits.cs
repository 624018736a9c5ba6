using LicenseAllocation.Application.Identity;
using LicenseAllocation.Application.Users;
using LicenseAllocation.Domain.Units;

namespace LicenseAllocation.Web.Components.Users;

/// <summary>The units an account of a role can work in, and how each is named in a list.</summary>
internal static class UserUnits
{
    /// <summary>A district officer's unit must be a district committee; a viewer's may be any unit.</summary>
    public static IEnumerable<ScopeUnitOption> Choices(IReadOnlyList<ScopeUnitOption> units, PortalRole role) =>
        role == PortalRole.DistrictOfficer ? units.Where(u => u.Kind == UnitKind.DistrictCommittee) : units;

    /// <summary>Two communes may share a name: the parent tells them apart (a district committee's parent is the district group).</summary>
    public static string Label(ScopeUnitOption unit) =>
        unit.ParentName is null || unit.Kind == UnitKind.DistrictCommittee ? unit.Name : $"{unit.Name} — {unit.ParentName}";
}
