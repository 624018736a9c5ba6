using System.Text.Json;

namespace LicenseAllocation.Application.Seeding;

/// <summary>
/// The reference files shipped inside the assembly: the 2020 appendix, the GSO list of 01/11/2020, and the 2025
/// reorganisation (the new communes with the old communes they were formed from, the new provincial agencies with the
/// 2020 appendix rows they were formed from).
/// </summary>
internal static class ReferenceData
{
    private static readonly JsonSerializerOptions Options = new() { PropertyNameCaseInsensitive = true };

    public static AppendixFile Appendix2020() => Read<AppendixFile>("Seeding.appendix-2020.json");

    public static GsoProvinceFile DongThap2020() => Read<GsoProvinceFile>("Seeding.dong-thap-2020.json");

    public static Reorganisation2025File DongThap2025() => Read<Reorganisation2025File>("Seeding.dong-thap-2025.json");

    public static Agencies2025File DongThap2025Agencies() => Read<Agencies2025File>("Seeding.dong-thap-2025-agencies.json");

    private static T Read<T>(string resourceName)
    {
        using var stream = typeof(ReferenceData).Assembly.GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException($"Embedded resource {resourceName} is missing.");
        return JsonSerializer.Deserialize<T>(stream, Options) ?? throw new InvalidOperationException($"{resourceName} is empty.");
    }
}

internal sealed record AppendixFile(AppendixHeader Header, int Total, IReadOnlyList<AppendixFileRow> Rows, string TotalLabel, string Note);

internal sealed record AppendixHeader(string Issuer, string Superior, string DocumentNumber, string DocumentDate, string Subject);

internal sealed record AppendixFileRow(int Stt, string Name, int Quantity, bool IsDistrictGroup);

internal sealed record GsoProvinceFile(string AsOf, GsoUnit Province, IReadOnlyList<GsoDistrict> Districts);

internal sealed record GsoUnit(string Code, string Name);

internal sealed record GsoDistrict(string Code, string Name, string Kind, IReadOnlyList<GsoCommune> Communes);

internal sealed record GsoCommune(string Code, string Name, string Kind);

internal sealed record Reorganisation2025File(string Source, string EffectiveFrom, Province2025 Province, IReadOnlyList<Commune2025> Communes);

internal sealed record Province2025(string Code, string Name, IReadOnlyList<GsoUnit> FormedFrom);

internal sealed record Commune2025(string Code, string Name, string Kind, string FormerProvinceCode, IReadOnlyList<FormedFrom2025> FormedFrom);

internal sealed record FormedFrom2025(string Code, string Name, bool Partial);

internal sealed record Agencies2025File(string EffectiveFrom, AgencyProvince2025 Province, IReadOnlyList<Agency2025> Agencies);

internal sealed record AgencyProvince2025(string Code, string Name, string AgencyCode);

internal sealed record Agency2025(string Name, IReadOnlyList<AgencyFormedFrom2025> FormedFrom, string? Note);

internal sealed record AgencyFormedFrom2025(string Name, bool Partial, bool Primary, bool Confirmed);
