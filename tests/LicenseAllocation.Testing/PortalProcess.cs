using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;

namespace LicenseAllocation.Testing;

/// <summary>
/// The built portal (<c>LicenseAllocation.Web.dll</c> next to the tests) run as a real process, configured by environment
/// variables as an operator would, listening on a free loopback port. <see cref="StartAsync"/> returns once
/// <c>/healthz/ready</c> answers 200; <see cref="Kill"/> ends it as <c>kill -9</c> would; disposing kills what is still
/// running. The process's console output is kept for the test's messages.
/// </summary>
public sealed class PortalProcess : IAsyncDisposable
{
    private static readonly TimeSpan _readyTimeout = TimeSpan.FromSeconds(90);

    private readonly Process _process;
    private readonly ProcessOutput _output;

    private PortalProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
        _output = ProcessOutput.Of(process);
    }

    /// <summary>The built portal's entry assembly: test projects that reference the web project have it in their output.</summary>
    public static string PortalAssembly => Path.Combine(AppContext.BaseDirectory, "LicenseAllocation.Web.dll");

    public Uri BaseAddress { get; }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>What the process has written to its console so far (standard output and error, interleaved).</summary>
    public string Output => _output.ToString();

    /// <summary>
    /// Starts the portal with <paramref name="settings"/> (configuration keys such as <c>Database:Provider</c>, passed as
    /// environment variables) and waits until it is ready to serve.
    /// </summary>
    public static async Task<PortalProcess> StartAsync(IReadOnlyDictionary<string, string> settings, CancellationToken cancellationToken = default)
    {
        var port = LoopbackPorts.Free();
        var baseAddress = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}");
        var portal = new PortalProcess(Process.Start(StartInfo(settings, [], baseAddress))!, baseAddress);
        try
        {
            await portal.WaitUntilReadyAsync(cancellationToken);
            return portal;
        }
        catch
        {
            await portal.DisposeAsync();
            throw;
        }
    }

    /// <summary>Runs the portal (or one of its verbs, in <paramref name="arguments"/>) to its end; returns its exit code and console output.</summary>
    public static async Task<(int ExitCode, string Output)> RunToExitAsync(
        IReadOnlyDictionary<string, string> settings, IEnumerable<string> arguments, CancellationToken cancellationToken = default)
    {
        var portal = new PortalProcess(Process.Start(StartInfo(settings, arguments, new Uri("http://127.0.0.1:" + LoopbackPorts.Free())))!, new Uri("http://127.0.0.1"));
        await using (portal)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(_readyTimeout);
            await portal._process.WaitForExitAsync(timeout.Token);
            // The asynchronous readers deliver the last lines after the exit.
            portal._process.WaitForExit();
            return (portal._process.ExitCode, portal.Output);
        }
    }

    /// <summary>A client of this portal with a bearer token of <paramref name="userName"/>.</summary>
    public async Task<HttpClient> SignedInClientAsync(string userName, string password, CancellationToken cancellationToken = default)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromMinutes(2) };
        using var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName, password }, cancellationToken);
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<TokenAnswer>(cancellationToken))!;
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.AccessToken);
        return client;
    }

    /// <summary>
    /// The settings of a portal over a SQLite file in <paramref name="directory"/>, with its data-protection keys and
    /// audit seal keys there too (a restart finds the same keys; nothing is written next to the tests), and
    /// <paramref name="adminPassword"/> for <c>admin</c>.
    /// </summary>
    public static Dictionary<string, string> SqliteSettings(string directory, string adminPassword) => new()
    {
        ["Database:Provider"] = "Sqlite",
        ["ConnectionStrings:Default"] = $"Data Source={Path.Combine(directory, "portal.db")}",
        ["DataProtection:KeysPath"] = Path.Combine(directory, "keys"),
        ["Audit:SealKeyPath"] = Path.Combine(directory, "audit-seal.keys"),
        ["Bootstrap:AdminPassword"] = adminPassword,
    };

    /// <summary>Ends the process at once, as <c>kill -9</c>: no shutdown, no flush, whatever it was doing.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.WaitForExit();
    }

    public ValueTask DisposeAsync()
    {
        try
        {
            Kill();
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        _process.Dispose();
        return ValueTask.CompletedTask;
    }

    private static ProcessStartInfo StartInfo(IReadOnlyDictionary<string, string> settings, IEnumerable<string> arguments, Uri baseAddress)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(PortalAssembly);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_URLS"] = baseAddress.GetLeftPart(UriPartial.Authority);
        start.Environment["DOTNET_NOLOGO"] = "1";
        // The keys a portal creates on its first start go next to its database, not into the shared test folder, where
        // a later test would pick them up: a restart over the same database finds the same keys.
        var keys = KeysFolder(settings.GetValueOrDefault("ConnectionStrings:Default") ?? string.Empty);
        start.Environment["Audit__SealKeyPath"] = Path.Combine(keys, "audit-seal.keys");
        start.Environment["DataProtection__KeysPath"] = Path.Combine(keys, "data-protection");
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        return start;
    }

    private static string KeysFolder(string connectionString)
    {
        var name = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(connectionString)))[..16];
        return Path.Combine(Path.GetTempPath(), "license-allocation-portal-keys", name);
    }

    private async Task WaitUntilReadyAsync(CancellationToken cancellationToken)
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < _readyTimeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The portal exited with code {_process.ExitCode} before it was ready:\n{Output}");
            }

            try
            {
                using var response = await client.GetAsync(new Uri("/healthz/ready", UriKind.Relative), cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // A slow answer while it starts.
            }

            await Task.Delay(100, cancellationToken);
        }

        throw new TimeoutException($"The portal was not ready within {_readyTimeout}:\n{Output}");
    }

    private sealed record TokenAnswer(string AccessToken);
}
