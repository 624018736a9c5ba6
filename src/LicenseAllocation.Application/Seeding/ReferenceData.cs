using System.Text.Json;

namespace LicenseAllocation.Application.Seeding;

/// <summary>The reference files shipped inside the assembly: the 2020 appendix and the GSO list of 01/11/2020.</summary>
internal static class ReferenceData
{
    private static readonly JsonSerializerOptions Options = new() { PropertyNameCaseInsensitive = true };

    public static AppendixFile Appendix2020() => Read<AppendixFile>("Seeding.appendix-2020.json");

    public static GsoProvinceFile DongThap2020() => Read<GsoProvinceFile>("Seeding.dong-thap-2020.json");

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
