using LicenseAllocation.Application.Reorganisations;

namespace LicenseAllocation.Web.Components.Reorganisations;

/// <summary>One old unit a new unit is formed from: as a file would record it, or as it was recorded.</summary>
public sealed record FormedFromLink(string Name, string? Code, bool Held, bool Partial, decimal? Share, bool Confirmed)
{
    public static FormedFromLink Of(ImportedLinkView link)
    {
        ArgumentNullException.ThrowIfNull(link);
        return new(link.Name, link.Code, link.OldUnitId is not null, link.Partial, link.Share, link.Confirmed);
    }

    public static FormedFromLink Of(FormedFromView link)
    {
        ArgumentNullException.ThrowIfNull(link);
        return new(link.Name, link.Code, link.UnitId is not null, link.Partial, link.Share, link.Confirmed);
    }
}
