using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace LicenseAllocation.Web.E2ETests;

/// <summary>
/// The real portal on Kestrel at a free loopback port, over its own SQLite file, seeded with the 2020 plan as on a first
/// start. A browser reaches it at <see cref="BaseAddress"/>.
/// </summary>
public sealed class PortalServer : WebApplicationFactory<Program>
{
    public const string AdminUserName = "admin";
    public const string AdminPassword = "trình duyệt thử nghiệm 2020";

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "license-allocation-e2e", Guid.NewGuid().ToString("N"));
    private readonly IReadOnlyDictionary<string, string?> _settings;

    /// <param name="port">The port to listen on; 0 lets the system pick one. A server that must know the address before
    /// the portal starts (an OpenID provider's redirect address) is given one chosen in advance.</param>
    /// <param name="settings">Configuration on top of the test defaults.</param>
    public PortalServer(int port = 0, IReadOnlyDictionary<string, string?>? settings = null)
    {
        _settings = settings ?? new Dictionary<string, string?>();
        UseKestrel(options => options.Listen(IPAddress.Loopback, port));
    }

    /// <summary>The address the server listens on, e.g. <c>http://127.0.0.1:41235</c>; starts the server on first use.</summary>
    public Uri BaseAddress
    {
        get
        {
            StartServer();
            var addresses = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
            return new Uri(addresses.Single());
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(_directory);
        // Development serves the static web assets (MudBlazor's CSS and JS) straight from the build output.
        builder.UseEnvironment("Development");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("ConnectionStrings:Default", $"Data Source={Path.Combine(_directory, "e2e.db")}");
        builder.UseSetting("Bootstrap:AdminPassword", AdminPassword);
        builder.UseSetting("DataProtection:KeysPath", Path.Combine(_directory, "keys"));
        builder.UseSetting("Audit:SealKeyPath", Path.Combine(_directory, "audit-seal.keys"));
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
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
}
