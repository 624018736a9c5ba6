namespace LicenseAllocation.Domain.Units;

/// <summary>The kinds of unit in a provincial allocation tree. Names are part of the public API.</summary>
public enum UnitKind
{
    Province,
    ProvincialAgency,
    DistrictGroup,
    DistrictCommittee,
    DistrictAgency,
    CommuneCommittee,
}
