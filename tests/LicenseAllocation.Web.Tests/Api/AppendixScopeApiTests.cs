using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Shouldly;

namespace LicenseAllocation.Web.Tests.Api;

/// <summary>
/// A draft's appendix carries every provincial agency's and district's figures under negotiation: only the roles that
/// read the whole plan get it. Once published it is a public official document, the same bytes for every reader.
/// </summary>
public sealed class AppendixScopeApiTests
{
    private const string Password = "mật khẩu người xem xã";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_communes_viewer_is_refused_the_draft_appendix_and_gets_the_published_one()
    {
        await using var portal = new PortalFactory();
        using var admin = await portal.CreateAdminClientAsync();
        var units = (await admin.GetFromJsonAsync<UnitJson[]>("/api/v1/plans/1/units", Ct))!;
        using var viewer = await ClientAsync(portal, admin, "UnitViewer", units.Single(u => u.Code == "29863").UnitId);
        using var officer = await ClientAsync(portal, admin, "DistrictOfficer", units.Single(u => u.Code == "866").UnitId);
        using var auditor = await ClientAsync(portal, admin, "Auditor", null);

        foreach (var scoped in new[] { viewer, officer })
        {
            using var draft = await scoped.GetAsync("/api/v1/plans/1/appendix.xlsx", Ct);
            draft.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            (await draft.Content.ReadFromJsonAsync<ProblemJson>(Ct))!.Code.ShouldBe("out-of-scope");
        }

        (await auditor.GetAsync("/api/v1/plans/1/appendix.xlsx", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await admin.PostAsJsonAsync("/api/v1/plans/1/publish", new { documentNumber = "12/STTTT-CNTT", documentDate = "2021-01-05", signer = "Phó Giám đốc Nguyễn Văn An" }, Ct))
            .EnsureSuccessStatusCode();
        var official = await admin.GetByteArrayAsync("/api/v1/plans/1/appendix.xlsx", Ct);
        (await viewer.GetByteArrayAsync("/api/v1/plans/1/appendix.xlsx", Ct)).ShouldBe(official);
    }

    private static async Task<HttpClient> ClientAsync(PortalFactory portal, HttpClient admin, string role, int? scopeUnitId)
    {
        var userName = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}"[..24];
        (await admin.PostAsJsonAsync("/api/v1/users", new { userName, password = Password, role, scopeUnitId, mustChangePassword = false }, Ct)).EnsureSuccessStatusCode();
        var client = portal.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await portal.TokenAsync(userName, Password));
        return client;
    }
}
