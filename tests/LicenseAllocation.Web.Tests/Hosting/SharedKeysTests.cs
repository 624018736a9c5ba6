using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using LicenseAllocation.Testing;
using Shouldly;

namespace LicenseAllocation.Web.Tests.Hosting;

/// <summary>
/// Two portal processes over one PostgreSQL database with <c>DataProtection:Store</c> = <c>Database</c>, each with a
/// key folder of its own: a form served by one is accepted by the other, the cookie one issues signs in on the other,
/// and so do bearer tokens, as behind a load balancer that moves a browser between instances.
/// </summary>
public sealed partial class SharedKeysTests(PostgresCluster cluster) : IDisposable
{
    private const string AdminPassword = "hai phiên bản một cơ sở dữ liệu";

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "license-allocation-keys", Guid.NewGuid().ToString("N"));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Two_instances_over_one_database_accept_each_others_sign_in_cookie_form_and_token()
    {
        var connectionString = await cluster.CreateDatabaseAsync(Ct);
        await using var first = await PortalProcess.StartAsync(Settings(connectionString, "first"), Ct);
        using var firstAdmin = await first.SignedInClientAsync("admin", AdminPassword, Ct);
        await using var second = await PortalProcess.StartAsync(Settings(connectionString, "second"), Ct);

        // The sign-in form from the first, posted to the second; the cookie the second sets, shown to the first.
        var cookies = new CookieContainer();
        using var handler = new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false };
        using var browser = new HttpClient(handler);
        var form = await browser.GetStringAsync(new Uri(first.BaseAddress, "/account/login"), Ct);
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = AntiforgeryField().Match(form).Groups[1].Value,
            ["Input.UserName"] = "admin",
            ["Input.Password"] = AdminPassword,
        });
        using (var signIn = await browser.PostAsync(new Uri(second.BaseAddress, "/account/login"), content, Ct))
        {
            signIn.StatusCode.ShouldBe(HttpStatusCode.Redirect, await signIn.Content.ReadAsStringAsync(Ct));
        }

        using (var page = await browser.GetAsync(new Uri(first.BaseAddress, "/plans/1"), Ct))
        {
            page.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        using (var stranger = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }))
        using (var page = await stranger.GetAsync(new Uri(first.BaseAddress, "/plans/1"), Ct))
        {
            page.StatusCode.ShouldBe(HttpStatusCode.Redirect, "the page needs a signed-in caller");
        }

        // A token issued by the first is good on the second.
        using var onSecond = new HttpClient { BaseAddress = second.BaseAddress };
        onSecond.DefaultRequestHeaders.Authorization = firstAdmin.DefaultRequestHeaders.Authorization;
        (await onSecond.GetFromJsonAsync<object[]>("/api/v1/plans", Ct)).ShouldNotBeEmpty();
        await cluster.DropDatabaseAsync(connectionString, Ct);
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private Dictionary<string, string> Settings(string connectionString, string instance) =>
        new SharedDatabaseInstances(_directory, AdminPassword).Settings(connectionString, instance);

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
