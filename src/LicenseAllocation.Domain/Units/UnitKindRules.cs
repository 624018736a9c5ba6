namespace LicenseAllocation.Domain.Units;

/// <summary>Which kind of unit may stand under which, in the 2020 three-level structure and the two-level one of 2025.</summary>
public static class UnitKindRules
{
    public static bool CanContain(UnitKind parent, UnitKind child) => parent switch
    {
        // Since 01/07/2025 communes report straight to the province; the rule admits both structures.
        UnitKind.Province => child is UnitKind.ProvincialAgency or UnitKind.DistrictGroup or UnitKind.CommuneCommittee,
        UnitKind.DistrictGroup => child is UnitKind.DistrictCommittee,
        UnitKind.DistrictCommittee => child is UnitKind.DistrictAgency or UnitKind.CommuneCommittee,
        _ => false,
    };
}
