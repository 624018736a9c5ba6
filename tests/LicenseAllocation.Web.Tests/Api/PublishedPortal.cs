using System.Net.Http.Json;

namespace LicenseAllocation.Web.Tests.Api;

/// <summary>
/// A portal whose 2020 plan was published through the API, level by level down to Cao Lãnh's own decision: every write
/// under Cao Lãnh then answers 409 decision-locked.
/// </summary>
public sealed class PublishedPortal : IAsyncLifetime
{
    public PortalFactory Portal { get; } = new();

    /// <summary>Cao Lãnh city, given 300 before publication so that writes under it would be accepted on a draft.</summary>
    public int CaoLanh { get; private set; }

    public int Ward11 { get; private set; }

    public async ValueTask InitializeAsync()
    {
        using var client = await Portal.CreateAdminClientAsync();
        var units = (await client.GetFromJsonAsync<UnitJson[]>("/api/v1/plans/1/units"))!;
        CaoLanh = units.Single(u => u.Code == "866").UnitId;
        Ward11 = units.Single(u => u.Code == "29863").UnitId;
        (await client.PutAsJsonAsync($"/api/v1/plans/1/units/{CaoLanh}/quantity", new { quantity = 300, reason = "Giao cho thành phố" })).EnsureSuccessStatusCode();
        (await client.PostAsJsonAsync("/api/v1/plans/1/publish", new { documentNumber = "12/STTTT-CNTT", documentDate = "2021-01-05", signer = "Phó Giám đốc Nguyễn Văn An" }))
            .EnsureSuccessStatusCode();
        var group = units.Single(u => u.Kind == "DistrictGroup").UnitId;
        (await client.PostAsJsonAsync($"/api/v1/plans/1/decisions/{group}/publish", new { documentNumber = "20/STTTT-CNTT", documentDate = "2021-01-20", signer = "Giám đốc" }))
            .EnsureSuccessStatusCode();
        (await client.PostAsJsonAsync($"/api/v1/plans/1/decisions/{CaoLanh}/publish", new { documentNumber = "15/QĐ-UBND", documentDate = "2021-02-01", signer = "Chủ tịch" }))
            .EnsureSuccessStatusCode();
    }

    public async ValueTask DisposeAsync() => await Portal.DisposeAsync();
}
