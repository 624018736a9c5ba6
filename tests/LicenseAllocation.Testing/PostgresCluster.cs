using System.Globalization;
using Npgsql;

namespace LicenseAllocation.Testing;

/// <summary>
/// A throwaway PostgreSQL cluster for one test run: created with Debian's <c>initdb</c> in a temporary folder, listening
/// on a free loopback port, stopped and deleted when the run ends. Register it once per test assembly with
/// <c>[assembly: AssemblyFixture(typeof(PostgresCluster))]</c>; each test then takes its own database through
/// <see cref="PostgresTestDatabase"/>. It starts in its constructor because this library cannot reference xUnit's
/// <c>IAsyncLifetime</c>; a failure there fails the run with the reason instead of silently skipping PostgreSQL.
/// </summary>
public sealed class PostgresCluster : IAsyncDisposable
{
    private const string SuperUser = "postgres";
    private const int StartAttempts = 3;
    private static readonly TimeSpan _toolTimeout = TimeSpan.FromSeconds(120);

    private readonly string _binDirectory;
    private readonly string _directory;
    private readonly string _dataDirectory;
    private bool _running;

    public PostgresCluster()
    {
        _binDirectory = PostgresTools.FindBinDirectory();
        // Short path: the unix socket lives here and socket paths are limited to about 100 characters.
        _directory = Path.Combine(Path.GetTempPath(), $"la-pg-{Guid.NewGuid():N}"[..18]);
        _dataDirectory = Path.Combine(_directory, "data");
        Directory.CreateDirectory(_directory);
        try
        {
            PostgresTools.HandOver(_directory);
            InitialiseCluster();
            Port = Start(null);
            _running = true;
        }
        catch
        {
            Directory.Delete(_directory, recursive: true);
            throw;
        }
    }

    public int Port { get; private set; }

    /// <summary>Stops the server as an operator would (<c>pg_ctl stop -m fast</c>): open connections are ended, the data stays.</summary>
    public void Stop()
    {
        PostgresTools.RunTool(_binDirectory, "pg_ctl", ["-D", _dataDirectory, "-m", "fast", "-w", "stop"], _directory, _toolTimeout);
        _running = false;
    }

    /// <summary>Starts a stopped server again on the same port, so connection strings handed out before still work.</summary>
    public void Start()
    {
        Port = Start(Port);
        _running = true;
    }

    /// <summary>Connection string for one database of this cluster, sized for tests that run a few dozen writers at once.</summary>
    public string ConnectionString(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = SuperUser,
        Database = database,
        // Race tests run 32 writers, and a refused one briefly holds a second connection to explain itself.
        MaxPoolSize = 80,
        // Seconds to wait for a connection (also from the pool): long enough for a loaded CI machine, short enough to fail.
        Timeout = 30,
        CommandTimeout = 60,
        IncludeErrorDetail = true,
    }.ToString();

    /// <summary>Creates an empty database with a random name and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(CancellationToken cancellationToken = default)
    {
        var name = $"test_{Guid.NewGuid():N}";
        await ExecuteAsync($"CREATE DATABASE \"{name}\"", cancellationToken);
        return ConnectionString(name);
    }

    public async Task DropDatabaseAsync(string connectionString, CancellationToken cancellationToken = default)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            NpgsqlConnection.ClearPool(connection);
        }

        // FORCE ends connections a failed test may have left behind.
        await ExecuteAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", cancellationToken);
    }

    public ValueTask DisposeAsync()
    {
        // Immediate: the data is thrown away, so there is nothing to flush.
        if (_running)
        {
            PostgresTools.RunTool(_binDirectory, "pg_ctl", ["-D", _dataDirectory, "-m", "immediate", "-w", "stop"], _directory, _toolTimeout);
        }

        NpgsqlConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
        return ValueTask.CompletedTask;
    }

    private void InitialiseCluster()
    {
        // UTF8 for the Vietnamese unit names; the C locale exists everywhere, whatever the machine's LANG.
        PostgresTools.RunTool(
            _binDirectory, "initdb", ["-D", _dataDirectory, "--auth=trust", "-U", SuperUser, "-E", "UTF8", "--locale=C"], _directory, _toolTimeout);
        File.AppendAllLines(Path.Combine(_dataDirectory, "postgresql.conf"),
        [
            "listen_addresses = '127.0.0.1'",
            $"unix_socket_directories = '{_directory}'",
            // Several test classes each hold a pool of up to MaxPoolSize connections at the same time.
            "max_connections = 400",
            // Durability buys nothing for a cluster deleted after the run, and costs seconds of fsync.
            "fsync = off",
            "synchronous_commit = off",
            "full_page_writes = off",
        ]);
    }

    /// <summary>Starts on <paramref name="fixedPort"/> or a free port; retried because another process may take the port between our probe and the bind.</summary>
    private int Start(int? fixedPort)
    {
        for (var attempt = 1; ; attempt++)
        {
            var port = fixedPort ?? LoopbackPorts.Free();
            try
            {
                PostgresTools.RunTool(
                    _binDirectory,
                    "pg_ctl",
                    ["-D", _dataDirectory, "-l", Path.Combine(_directory, "postgres.log"), "-w", "-t", "60", "-o", $"-p {port.ToString(CultureInfo.InvariantCulture)}", "start"],
                    _directory,
                    _toolTimeout);
                return port;
            }
            catch (InvalidOperationException exception) when (attempt == StartAttempts)
            {
                throw new InvalidOperationException($"PostgreSQL did not start. Server log:\n{ReadLog()}", exception);
            }
            catch (InvalidOperationException)
            {
                // Most likely the port was taken meanwhile: try another one.
            }
        }
    }

    private string ReadLog()
    {
        var log = Path.Combine(_directory, "postgres.log");
        return File.Exists(log) ? File.ReadAllText(log) : "(no log written)";
    }

    private async Task ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
