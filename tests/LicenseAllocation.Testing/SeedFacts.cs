namespace LicenseAllocation.Testing;

/// <summary>Numbers of the 2020 appendix and GSO list that tests check against.</summary>
public static class SeedFacts
{
    public const int Total = 5137;
    public const int ProvincialUnits = 1177;
    public const int DistrictGroup = 3960;
    public const int AppendixRows = 23;
    public const int Districts = 12;
    public const int Communes = 143;

    /// <summary>Province, 22 agencies, the district group, 12 districts and 143 communes.</summary>
    public const int Units = 1 + 22 + 1 + Districts + Communes;
}
