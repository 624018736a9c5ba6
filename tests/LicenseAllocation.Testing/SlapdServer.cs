using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace LicenseAllocation.Testing;

/// <summary>
/// A throwaway OpenLDAP server (Debian's <c>slapd</c>, which <c>tests/run.sh</c> installs when missing) on a free
/// loopback port, with its own configuration and database in a temporary folder, holding the people it is given
/// under <c>ou=people,dc=dongthap,dc=gov,dc=vn</c>.
/// </summary>
public sealed class SlapdServer : IAsyncDisposable
{
    public const string Suffix = "dc=dongthap,dc=gov,dc=vn";

    public const string UserDnTemplate = "uid={0},ou=people," + Suffix;

    private readonly string _directory;
    private readonly Process _process;

    private SlapdServer(string directory, int port, Process process)
    {
        _directory = directory;
        Port = port;
        _process = process;
    }

    public int Port { get; }

    public string Url => $"ldap://127.0.0.1:{Port}";

    /// <summary>Starts a server holding <paramref name="people"/> (user name → password).</summary>
    public static async Task<SlapdServer> StartAsync(IReadOnlyDictionary<string, string> people, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(people);
        var slapd = File.Exists("/usr/sbin/slapd") ? "/usr/sbin/slapd" : throw new InvalidOperationException("slapd is not installed (tests/run.sh installs it: apt-get install slapd ldap-utils)");
        var directory = Path.Combine(Path.GetTempPath(), "license-allocation-slapd", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(directory, "data"));
        var config = Path.Combine(directory, "slapd.conf");
        await File.WriteAllTextAsync(config, $"""
            include /etc/ldap/schema/core.schema
            include /etc/ldap/schema/cosine.schema
            include /etc/ldap/schema/inetorgperson.schema
            pidfile {directory}/slapd.pid
            modulepath /usr/lib/ldap
            moduleload back_mdb
            database mdb
            maxsize 10485760
            suffix "{Suffix}"
            rootdn "cn=admin,{Suffix}"
            rootpw {Guid.NewGuid():N}
            directory {directory}/data
            """, cancellationToken);
        var ldif = Path.Combine(directory, "people.ldif");
        var entries = new List<string>
        {
            $"dn: {Suffix}\nobjectClass: dcObject\nobjectClass: organization\no: Dong Thap\ndc: dongthap\n",
            $"dn: ou=people,{Suffix}\nobjectClass: organizationalUnit\nou: people\n",
        };
        entries.AddRange(people.Select(p =>
            $"dn: uid={p.Key},ou=people,{Suffix}\nobjectClass: inetOrgPerson\nuid: {p.Key}\ncn: {p.Key}\nsn: {p.Key}\nuserPassword:: {Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(p.Value))}\n"));
        await File.WriteAllTextAsync(ldif, string.Join("\n", entries), cancellationToken);
        await RunAsync("/usr/sbin/slapadd", ["-f", config, "-l", ldif], cancellationToken);

        var port = LoopbackPorts.Free();
        var process = Process.Start(new ProcessStartInfo(slapd)
        {
            ArgumentList = { "-f", config, "-h", $"ldap://127.0.0.1:{port}/", "-d", "0" },
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        })!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new SlapdServer(directory, port, process);
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port, cancellationToken);
                return server;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline && !process.HasExited)
            {
                await Task.Delay(100, cancellationToken);
            }
            catch (SocketException)
            {
                await server.DisposeAsync();
                throw new InvalidOperationException("slapd did not start on port " + port);
            }
        }
    }

    public ValueTask DisposeAsync() => new(TestProcess.StopAsync(_process, _directory));

    private static async Task RunAsync(string file, string[] arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.StandardOutput.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} failed: {await error}");
        }
    }
}
