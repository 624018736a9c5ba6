using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace LicenseAllocation.Benchmarks;

/// <summary>The published portal (Release, Production) as a real process on a free loopback port, over its own database folder.</summary>
internal sealed class PortalProcess : IAsyncDisposable
{
    public const string AdminPassword = "benchmark-password-123";

    private readonly Process _process;
    private readonly StreamWriter? _log;

    private PortalProcess(Process process, string baseUrl, StreamWriter? log)
    {
        _process = process;
        BaseUrl = baseUrl;
        _log = log;
    }

    /// <summary>
    /// Where the portals started from now on write their output (stdout and stderr, one file per process), or null to
    /// drop it; set by <c>--portal-log &lt;folder&gt;</c>, so that a run that went wrong can be read afterwards.
    /// </summary>
    public static string? LogFolder { get; set; }

    /// <summary>The file this portal's output goes to, or null when it is not kept.</summary>
    public string? LogPath { get; private init; }

    public string BaseUrl { get; }

    /// <summary>The portal's own process (the <c>dotnet</c> host runs the app in-process).</summary>
    public int ProcessId => _process.Id;

    /// <summary>The portal's resident set (<c>VmRSS</c> in /proc/&lt;pid&gt;/status), in bytes.</summary>
    public long ResidentBytes()
    {
        var line = File.ReadLines($"/proc/{_process.Id}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) * 1024;
    }

    public static string WebDll(string repositoryRoot)
    {
        var dll = Path.Combine(repositoryRoot, "artifacts", "portal", "LicenseAllocation.Web.dll");
        return File.Exists(dll) ? dll : throw new InvalidOperationException($"Publish the portal first: dotnet publish -c Release src/LicenseAllocation.Web -o artifacts/portal ({dll} is missing).");
    }

    public static PortalProcess Start(string repositoryRoot, string dataDirectory, IReadOnlyDictionary<string, string>? environment = null)
    {
        var port = FreePort();
        var info = new ProcessStartInfo("dotnet", [WebDll(repositoryRoot)])
        {
            WorkingDirectory = Path.Combine(repositoryRoot, "artifacts", "portal"),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["ConnectionStrings__Default"] = $"Data Source={Path.Combine(dataDirectory, "portal.db")}";
        info.Environment["DataProtection__KeysPath"] = Path.Combine(dataDirectory, "keys");
        info.Environment["Bootstrap__AdminPassword"] = AdminPassword;
        // A kept log has the portal's own account of the run (Microsoft's libraries stay at warnings); a dropped one costs nothing.
        info.Environment["Serilog__MinimumLevel__Default"] = LogFolder is null ? "Warning" : "Information";
        info.Environment["Audit__SealKeyPath"] = Path.Combine(dataDirectory, "audit-seal.keys");

        // The benchmark signs in dozens of browsers from one address within a minute, more than the limit for people allows.
        info.Environment["RateLimits__SignInPerIp__PermitLimit"] = "100000";
        info.Environment["RateLimits__SignInPerUserName__PermitLimit"] = "100000";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }

        StreamWriter? log = null;
        string? logPath = null;
        if (LogFolder is { } folder)
        {
            Directory.CreateDirectory(folder);
            logPath = Path.Combine(folder, $"portal-{DateTime.UtcNow:yyyyMMdd-HHmmss-fff}-{port}.log");
            log = new StreamWriter(logPath) { AutoFlush = true };
        }

        var process = new Process { StartInfo = info };
        if (log is not null)
        {
            var writeLock = new Lock();
            void Write(string stream, string? line)
            {
                if (line is null)
                {
                    return;
                }

                lock (writeLock)
                {
                    log.WriteLine($"{DateTime.UtcNow:HH:mm:ss.fff} {stream} {line}");
                }
            }

            process.OutputDataReceived += (_, e) => Write("out", e.Data);
            process.ErrorDataReceived += (_, e) => Write("err", e.Data);
        }

        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new PortalProcess(process, $"http://127.0.0.1:{port}", log) { LogPath = logPath };
    }

    /// <summary>Polls /healthz every 10 ms until it answers 200.</summary>
    public async Task WaitHealthyAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(1) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            try
            {
                if ((await http.GetAsync(new Uri($"{BaseUrl}/healthz"))).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Listening but still starting.
            }

            await Task.Delay(10);
        }

        throw new TimeoutException("The portal did not answer /healthz within 60 s.");
    }

    public async ValueTask DisposeAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
        if (_log is not null)
        {
            await _log.DisposeAsync();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
