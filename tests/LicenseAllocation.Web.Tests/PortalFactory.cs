using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace LicenseAllocation.Web.Tests;

/// <summary>
/// The whole portal in memory over its own database (a SQLite file unless another provider and an empty database are
/// given), migrated and seeded with the 2020 plan as on a first start. Given a <see cref="FakeTimeProvider"/>, the
/// portal runs on it, so that a test can let a minute pass.
/// </summary>
public sealed class PortalFactory : WebApplicationFactory<Program>
{
    public const string AdminPassword = "mật khẩu thử nghiệm dài";

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "license-allocation-web-tests", Guid.NewGuid().ToString("N"));

    /// <summary><c>Database:Provider</c>; with another provider than SQLite, <see cref="ConnectionString"/> names an empty database.</summary>
    public string Provider { get; init; } = "Sqlite";

    /// <summary>Null for a SQLite file of the factory's own.</summary>
    public string? ConnectionString { get; init; }

    /// <summary>
    /// Configuration the test sets on top of the factory's own (for example <c>RateLimits:SignInPerIp:PermitLimit</c>).
    /// The rate limits are set high unless a test sets them: the suite signs in far more often than people do.
    /// </summary>
    public IReadOnlyDictionary<string, string?> Settings { get; init; } = new Dictionary<string, string?>();

    /// <summary>The portal's audit seal key file, created on its first start.</summary>
    public string SealKeyPath => Path.Combine(_directory, "audit-seal.keys");

    /// <summary>When set (before the portal starts), the portal's <see cref="TimeProvider"/>.</summary>
    public FakeTimeProvider? Clock { get; init; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(_directory);
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", Provider);
        builder.UseSetting("ConnectionStrings:Default", ConnectionString ?? $"Data Source={Path.Combine(_directory, "portal.db")}");
        builder.UseSetting("Bootstrap:AdminPassword", AdminPassword);
        builder.UseSetting("DataProtection:KeysPath", Path.Combine(_directory, "keys"));
        builder.UseSetting("Audit:SealKeyPath", SealKeyPath);
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        foreach (var limit in new[] { "SignInPerIp", "SignInPerUserName", "WritesPerUser" })
        {
            builder.UseSetting($"RateLimits:{limit}:PermitLimit", "100000");
        }

        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
        if (Clock is { } clock)
        {
            builder.ConfigureTestServices(services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock)));
        }
    }

    public async Task<HttpClient> CreateAdminClientAsync()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync("admin", AdminPassword));
        return client;
    }

    public async Task<string> TokenAsync(string userName, string password)
    {
        using var client = CreateClient();
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName, password });
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<TokenResponse>();
        return body!.AccessToken;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Left to the OS temp cleaner if a handle is still open.
        }
    }

    private sealed record TokenResponse(string AccessToken, int ExpiresIn);
}
