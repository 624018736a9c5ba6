using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace LicenseAllocation.Testing;

/// <summary>
/// Debian's nginx (<c>/usr/sbin/nginx</c>, installed by <c>tests/run.sh</c>) run in the foreground as a reverse proxy on
/// a free loopback port, in front of the given portal instances, with the directives of the shipped
/// <c>deploy/nginx/licenseallocation.conf</c> (sticky <c>ip_hash</c> upstream with <c>max_fails</c>, WebSocket upgrade,
/// forwarded headers, upload size, long read timeout) over plain HTTP. Its configuration, logs and temporary files live in
/// a folder of its own; the access log names the instance (<c>$upstream_addr</c>) that served each request.
/// </summary>
public sealed class NginxProxy : IAsyncDisposable
{
    public const string Binary = "/usr/sbin/nginx";

    private readonly Process _process;
    private readonly string _directory;
    private readonly ProcessOutput _output;

    private NginxProxy(Process process, string directory, Uri baseAddress)
    {
        _process = process;
        _directory = directory;
        BaseAddress = baseAddress;
        _output = ProcessOutput.Of(process);
    }

    public Uri BaseAddress { get; }

    public string AccessLogPath => Path.Combine(_directory, "access.log");

    /// <summary>The configuration file the test wrote, for its messages.</summary>
    public string Configuration => File.ReadAllText(Path.Combine(_directory, "nginx.conf"));

    public static async Task<NginxProxy> StartAsync(IEnumerable<Uri> upstreams, string directory, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(upstreams);
        if (!File.Exists(Binary))
        {
            throw new InvalidOperationException($"{Binary} is missing: tests/run.sh installs Debian's nginx (apt-get install nginx).");
        }

        Directory.CreateDirectory(directory);
        var port = LoopbackPorts.Free();
        File.WriteAllText(Path.Combine(directory, "nginx.conf"), Config(upstreams, directory, port));
        var start = new ProcessStartInfo(Binary)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = directory,
        };
        foreach (var argument in new[] { "-p", directory + "/", "-c", Path.Combine(directory, "nginx.conf"), "-e", Path.Combine(directory, "error.log") })
        {
            start.ArgumentList.Add(argument);
        }

        var proxy = new NginxProxy(Process.Start(start)!, directory, new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}"));
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(20))
        {
            if (proxy._process.HasExited)
            {
                throw new InvalidOperationException($"nginx exited with {proxy._process.ExitCode}: {proxy.Output}\n{proxy.ErrorLog()}");
            }

            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, port, cancellationToken);
                return proxy;
            }
            catch (SocketException)
            {
                await Task.Delay(50, cancellationToken);
            }
        }

        await proxy.DisposeAsync();
        throw new TimeoutException("nginx did not listen within 20 s.");
    }

    public string Output => _output.ToString();

    /// <summary>The access log so far: one (client address, instance that answered, method, path, status) a line.</summary>
    public IReadOnlyList<(string Client, string Upstream, string Method, string Path, int Status)> Requests()
    {
        if (!File.Exists(AccessLogPath))
        {
            return [];
        }

        using var stream = new FileStream(AccessLogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        var lines = new List<(string, string, string, string, int)>();
        while (reader.ReadLine() is { } line)
        {
            // $upstream_addr lists every instance tried ("a, b" when the first did not answer): the last one served.
            var parts = line.Split('|');
            if (parts.Length == 5)
            {
                lines.Add((parts[0], parts[1].Split(", ")[^1], parts[2], parts[3], int.TryParse(parts[4], CultureInfo.InvariantCulture, out var status) ? status : 0));
            }
        }

        return lines;
    }

    public string ErrorLog()
    {
        var path = Path.Combine(_directory, "error.log");
        return File.Exists(path) ? File.ReadAllText(path) : string.Empty;
    }

    public ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.WaitForExit();
        _process.Dispose();
        return ValueTask.CompletedTask;
    }

    private static string Config(IEnumerable<Uri> upstreams, string directory, int port)
    {
        var servers = string.Concat(upstreams.Select(u => $"        server {u.Authority} max_fails=3 fail_timeout=10s;\n"));
        // The worker runs as the test's own user; as root, nginx would otherwise switch to "nobody", who cannot write here.
        var user = Environment.UserName == "root" ? "user root;\n" : string.Empty;
        // $http_host where the shipped file has $host: this proxy listens on a free port, which $host drops and a
        // browser's Origin carries (the portal refuses a post whose origin is not its own); on 443 the two are the same.
        return $$"""
            {{user}}daemon off;
            master_process on;
            worker_processes 1;
            pid {{directory}}/nginx.pid;
            error_log {{directory}}/error.log warn;
            events { worker_connections 256; }
            http {
                client_body_temp_path {{directory}}/client-body;
                proxy_temp_path {{directory}}/proxy;
                fastcgi_temp_path {{directory}}/fastcgi;
                uwsgi_temp_path {{directory}}/uwsgi;
                scgi_temp_path {{directory}}/scgi;
                log_format instances '$remote_addr|$upstream_addr|$request_method|$uri|$status';
                access_log {{directory}}/access.log instances;

                upstream licenseallocation {
                    ip_hash;
            {{servers}}        keepalive 16;
                }

                map $http_upgrade $licenseallocation_connection {
                    default upgrade;
                    ''      '';
                }

                server {
                    listen 127.0.0.1:{{port.ToString(CultureInfo.InvariantCulture)}};
                    client_max_body_size 6m;
                    location / {
                        proxy_pass http://licenseallocation;
                        proxy_http_version 1.1;
                        proxy_set_header Upgrade           $http_upgrade;
                        proxy_set_header Connection        $licenseallocation_connection;
                        proxy_set_header Host              $http_host;
                        proxy_set_header X-Forwarded-For   $proxy_add_x_forwarded_for;
                        proxy_set_header X-Forwarded-Proto $scheme;
                        proxy_set_header X-Forwarded-Host  $http_host;
                        proxy_read_timeout 1h;
                        proxy_send_timeout 1h;
                        proxy_buffering off;
                    }
                }
            }
            """;
    }
}
