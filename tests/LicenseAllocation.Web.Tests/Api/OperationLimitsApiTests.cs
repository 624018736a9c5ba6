using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using LicenseAllocation.Application.Common;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace LicenseAllocation.Web.Tests.Api;

/// <summary>
/// One import and one export at a time per user: while one runs (held here by taking its lease, as the running
/// operation does), a second by the same user is answered 429 at once, and other users are not held up.
/// </summary>
public sealed class OperationLimitsApiTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private UserOperations Operations => portal.Services.GetRequiredService<UserOperations>();

    [Theory]
    [InlineData("/api/v1/plans/1/export.xlsx")]
    [InlineData("/api/v1/plans/1/appendix.xlsx")]
    [InlineData("/api/v1/plans/1/appendix.pdf")]
    [InlineData("/api/v1/plans/1/districts.xlsx")]
    [InlineData("/api/v1/plans/1/districts.pdf")]
    [InlineData("/api/v1/audit.xlsx")]
    [InlineData("/api/v1/plans/1/compare/1/export.xlsx")]
    public async Task A_second_export_by_the_same_user_is_refused_while_the_first_runs(string path)
    {
        using var admin = await portal.CreateAdminClientAsync();
        using var auditor = await AuditorAsync(admin);

        using (Operations.TryStart("admin", UserOperation.Export).ShouldNotBeNull())
        {
            using var second = await admin.GetAsync(path, Ct);
            second.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
            (await second.Content.ReadFromJsonAsync<ProblemJson>(Ct))!.Code.ShouldBe("export-in-progress");
            (await auditor.GetAsync(path, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        using var after = await admin.GetAsync(path, Ct);
        after.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await after.Content.ReadAsByteArrayAsync(Ct)).Length.ShouldBeGreaterThan(0);
        // The lease is disposed with the request, which ends just after the client has the last byte.
        (await GivenBackAsync(UserOperation.Export)).ShouldBeTrue("the lease is given back once the file has been sent");
    }

    private async Task<bool> GivenBackAsync(UserOperation operation)
    {
        for (var attempt = 0; attempt < 100 && Operations.IsRunning("admin", operation); attempt++)
        {
            await Task.Delay(20, Ct);
        }

        return !Operations.IsRunning("admin", operation);
    }

    [Fact]
    public async Task A_second_import_by_the_same_user_is_refused_while_the_first_runs()
    {
        using var admin = await portal.CreateAdminClientAsync();
        var units = (await admin.GetFromJsonAsync<UnitJson[]>("/api/v1/plans/1/units", Ct))!;
        var caoLanh = units.Single(u => u.Code == "866").UnitId;
        var template = await admin.GetByteArrayAsync($"/api/v1/plans/1/units/{caoLanh}/template.xlsx", Ct);

        using (Operations.TryStart("ADMIN", UserOperation.Import).ShouldNotBeNull())
        {
            using var second = await UploadAsync(admin, template);
            second.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
            (await second.Content.ReadFromJsonAsync<ProblemJson>(Ct))!.Code.ShouldBe("import-in-progress");
        }

        using var after = await UploadAsync(admin, template);
        after.StatusCode.ShouldNotBe(HttpStatusCode.TooManyRequests);
        (await GivenBackAsync(UserOperation.Import)).ShouldBeTrue();
    }

    private static Task<HttpResponseMessage> UploadAsync(HttpClient client, byte[] file) =>
        client.PostAsync("/api/v1/plans/1/imports?dryRun=true", new MultipartFormDataContent { { new ByteArrayContent(file), "file", "mau.xlsx" } }, Ct);

    private async Task<HttpClient> AuditorAsync(HttpClient admin)
    {
        var userName = $"kiem-tra-{Guid.NewGuid():N}"[..20];
        const string Password = "kiểm tra viên của tỉnh";
        (await admin.PostAsJsonAsync("/api/v1/users", new { userName, password = Password, role = "Auditor", mustChangePassword = false }, Ct)).EnsureSuccessStatusCode();
        var client = portal.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await portal.TokenAsync(userName, Password));
        return client;
    }
}
