using System.Diagnostics;
using System.Reflection;
using System.Text.Json;

namespace LicenseAllocation.Testing;

/// <summary>
/// A throwaway OpenID Connect provider: the npm package <c>oidc-provider</c> (pinned in <c>OidcProvider/package.json</c>,
/// installed by <c>npm ci</c>, which <c>tests/run.sh</c> runs when <c>node_modules</c> is missing) run by Node.js on a
/// free loopback port, with one client and the people it is given, who sign in on a plain form with their password.
/// </summary>
public sealed class OidcProviderServer : IAsyncDisposable
{
    public const string ClientId = "cong-phan-bo-ban-quyen";

    public const string ClientSecret = "bi-mat-cua-cong-phan-bo-chi-dung-khi-kiem-thu";

    private readonly Process _process;
    private readonly string _settings;

    private OidcProviderServer(Process process, string settings, string authority)
    {
        _process = process;
        _settings = settings;
        Authority = authority;
    }

    /// <summary>The issuer, <c>http://127.0.0.1:port</c>.</summary>
    public string Authority { get; }

    public static string Folder => typeof(OidcProviderServer).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "OidcProviderFolder").Value!;

    /// <summary>Starts a provider for the client that is sent back to <paramref name="redirectUri"/>, holding <paramref name="people"/> (user name → password, claims).</summary>
    public static async Task<OidcProviderServer> StartAsync(
        string redirectUri, IReadOnlyDictionary<string, (string Password, IReadOnlyDictionary<string, string> Claims)> people, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(people);
        if (!Directory.Exists(Path.Combine(Folder, "node_modules", "oidc-provider")))
        {
            throw new InvalidOperationException($"oidc-provider is not installed: run `npm ci` in {Folder} (tests/run.sh does)");
        }

        var settings = Path.Combine(Path.GetTempPath(), $"license-allocation-oidc-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(settings, JsonSerializer.Serialize(new
        {
            clientId = ClientId,
            clientSecret = ClientSecret,
            redirectUris = new[] { redirectUri },
            people = people.ToDictionary(p => p.Key, p => new { password = p.Value.Password, claims = p.Value.Claims }),
        }), cancellationToken);

        var port = LoopbackPorts.Free();
        var process = Process.Start(new ProcessStartInfo("node")
        {
            ArgumentList = { "server.mjs", port.ToString(System.Globalization.CultureInfo.InvariantCulture), settings },
            WorkingDirectory = Folder,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        })!;
        var listening = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var errors = new System.Text.StringBuilder();
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data?.StartsWith("listening ", StringComparison.Ordinal) == true)
            {
                listening.TrySetResult(e.Data["listening ".Length..]);
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            lock (errors)
            {
                errors.AppendLine(e.Data);
            }
        };
        process.EnableRaisingEvents = true;
        process.Exited += (_, _) => listening.TrySetException(new InvalidOperationException("the OIDC provider stopped: " + errors));
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new OidcProviderServer(process, settings, $"http://127.0.0.1:{port}");
        try
        {
            await listening.Task.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        File.Delete(_settings);
    }
}
