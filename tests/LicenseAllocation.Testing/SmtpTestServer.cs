using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MimeKit;

namespace LicenseAllocation.Testing;

/// <summary>
/// A real SMTP server for a test: Debian's <c>python3-aiosmtpd</c> (<c>python3 -m aiosmtpd</c>, installed by
/// <c>tests/run.sh</c> when missing) on a free loopback port, writing what it accepts into a maildir the test reads.
/// </summary>
public sealed class SmtpTestServer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _maildir;

    private SmtpTestServer(Process process, string maildir, int port)
    {
        _process = process;
        _maildir = maildir;
        Port = port;
    }

    public string Host { get; } = "127.0.0.1";

    public int Port { get; }

    public static async Task<SmtpTestServer> StartAsync(CancellationToken cancellationToken)
    {
        var port = LoopbackPorts.Free();
        var maildir = Path.Combine(Path.GetTempPath(), "la-smtp-" + Guid.NewGuid().ToString("N"));
        foreach (var part in new[] { "tmp", "new", "cur" })
        {
            Directory.CreateDirectory(Path.Combine(maildir, part));
        }

        var start = new ProcessStartInfo(Python())
        {
            ArgumentList = { "-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{port}", "-c", "aiosmtpd.handlers.Mailbox", maildir },
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("python3 -m aiosmtpd did not start.");
        var server = new SmtpTestServer(process, maildir, port);
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (process.HasExited)
            {
                var error = await process.StandardError.ReadToEndAsync(cancellationToken);
                throw new InvalidOperationException($"python3 -m aiosmtpd exited ({process.ExitCode}); is python3-aiosmtpd installed? {error}");
            }

            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, port, cancellationToken);
                return server;
            }
            catch (SocketException) when (deadline.Elapsed < TimeSpan.FromSeconds(15))
            {
                await Task.Delay(100, cancellationToken);
            }
        }
    }

    /// <summary>Every message the server accepted so far, oldest first.</summary>
    public IReadOnlyList<MimeMessage> Received()
    {
        var folder = Path.Combine(_maildir, "new");
        if (!Directory.Exists(folder))
        {
            return [];
        }

        return [.. Directory.GetFiles(folder)
            .Select(path => (Time: File.GetLastWriteTimeUtc(path), Message: MimeMessage.Load(path)))
            .OrderBy(m => m.Time).ThenBy(m => m.Message.Date)
            .Select(m => m.Message)];
    }

    public ValueTask DisposeAsync() => new(TestProcess.StopAsync(_process, _maildir));

    /// <summary>Debian's interpreter, where <c>python3-aiosmtpd</c> installs; another <c>python3</c> on the path may not have it.</summary>
    private static string Python() => File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
}
