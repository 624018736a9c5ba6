using System.Collections.Concurrent;
using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using LicenseAllocation.Application.Common;
using LicenseAllocation.Web.Data;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace LicenseAllocation.Web.Hosting;

/// <summary>
/// <see cref="ISingleInstanceLease"/> over the portal's own database, so that instances need nothing shared but it:
/// <list type="bullet">
/// <item>PostgreSQL: a session advisory lock (<c>pg_try_advisory_lock</c>, keyed by the name's hash, per database) on a
/// connection of its own, held open while the lease is; the server drops it when that connection dies.</item>
/// <item>SQL Server: an exclusive application lock (<c>sp_getapplock</c>, owner <c>Session</c>) the same way.</item>
/// <item>SQLite: one process per file, so an exclusive lock on a file next to the database (<c>portal.db.lease-NAME</c>),
/// which the operating system releases when the process ends; an in-memory database is leased within the process.</item>
/// </list>
/// The connection is probed every <see cref="ProbeInterval"/>; a failed probe cancels <see cref="ILeaseHandle.Lost"/>.
/// </summary>
internal sealed class DatabaseLeases(DatabaseSettings settings) : ISingleInstanceLease
{
    public static readonly TimeSpan ProbeInterval = TimeSpan.FromSeconds(2);

    private static readonly ConcurrentDictionary<string, SemaphoreSlim> _inProcess = new(StringComparer.Ordinal);

    public async Task<ILeaseHandle?> TryAcquireAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return settings.Provider switch
        {
            DatabaseProvider.PostgreSql => await ConnectionLease.TryAcquireAsync(
                name, new NpgsqlConnection(settings.ConnectionString), "SELECT pg_try_advisory_lock(@key)", "SELECT pg_advisory_unlock(@key)", cancellationToken),
            DatabaseProvider.SqlServer => await ConnectionLease.TryAcquireAsync(
                name,
                new Microsoft.Data.SqlClient.SqlConnection(settings.ConnectionString),
                "DECLARE @r int; EXEC @r = sp_getapplock @Resource = @name, @LockMode = 'Exclusive', @LockOwner = 'Session', @LockTimeout = 0; SELECT CASE WHEN @r >= 0 THEN 1 ELSE 0 END",
                "EXEC sp_releaseapplock @Resource = @name, @LockOwner = 'Session'",
                cancellationToken),
            _ => TryAcquireSqlite(name),
        };
    }

    /// <summary>The 64-bit advisory lock key of a lease name: the first eight bytes of its SHA-256, stable across instances and versions.</summary>
    public static long KeyOf(string name) => BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes("LicenseAllocation:" + name)), 0);

    private ReleasedLease? TryAcquireSqlite(string name)
    {
        var builder = new SqliteConnectionStringBuilder(settings.ConnectionString);
        if (builder.Mode == SqliteOpenMode.Memory || builder.DataSource.StartsWith(':'))
        {
            var gate = _inProcess.GetOrAdd(settings.ConnectionString + "|" + name, _ => new SemaphoreSlim(1, 1));
            return gate.Wait(0) ? new ReleasedLease(name, () => gate.Release()) : null;
        }

        var path = $"{builder.DataSource}.lease-{name}";
        try
        {
            // FileShare.None is an exclusive lock (flock on Linux, a share lock on Windows) that dies with the process.
            var file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None);
            return new ReleasedLease(name, file.Dispose);
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>A lease that lives in this process only and is never lost.</summary>
    private sealed class ReleasedLease(string name, Action release) : ILeaseHandle
    {
        private int _released;

        public string Name { get; } = name;

        public CancellationToken Lost => CancellationToken.None;

        public ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                release();
            }

            return ValueTask.CompletedTask;
        }
    }

    /// <summary>A lock held by a database session: the connection stays open and is probed until the lease is disposed.</summary>
    private sealed class ConnectionLease : ILeaseHandle
    {
        private readonly DbConnection _connection;
        private readonly string _releaseSql;
        private readonly CancellationTokenSource _lost = new();
        private readonly CancellationTokenSource _stop = new();
        private readonly SemaphoreSlim _commands = new(1, 1);
        private readonly Task _probe;

        private ConnectionLease(string name, DbConnection connection, string releaseSql)
        {
            Name = name;
            _connection = connection;
            _releaseSql = releaseSql;
            _probe = ProbeAsync();
        }

        public string Name { get; }

        public CancellationToken Lost => _lost.Token;

        public static async Task<ILeaseHandle?> TryAcquireAsync(
            string name, DbConnection connection, string acquireSql, string releaseSql, CancellationToken cancellationToken)
        {
            try
            {
                await connection.OpenAsync(cancellationToken);
                await using var command = Command(connection, acquireSql, name);
                var granted = await command.ExecuteScalarAsync(cancellationToken) is true or 1;
                if (granted)
                {
                    return new ConnectionLease(name, connection, releaseSql);
                }
            }
            catch
            {
                await connection.DisposeAsync();
                throw;
            }

            await connection.DisposeAsync();
            return null;
        }

        public async ValueTask DisposeAsync()
        {
            if (_stop.IsCancellationRequested)
            {
                return;
            }

            await _stop.CancelAsync();
            await _probe;
            await _commands.WaitAsync();
            try
            {
                if (!_lost.IsCancellationRequested)
                {
                    await using var command = Command(_connection, _releaseSql, Name);
                    await command.ExecuteNonQueryAsync();
                }
            }
            catch (DbException)
            {
                // The session is gone, and the lock with it.
            }
            finally
            {
                _commands.Release();
                await _connection.DisposeAsync();
                _lost.Dispose();
                _stop.Dispose();
                _commands.Dispose();
            }
        }

        private static DbCommand Command(DbConnection connection, string sql, string name)
        {
            var command = connection.CreateCommand();
            command.CommandText = sql;
            var parameter = command.CreateParameter();
            if (sql.Contains("@key", StringComparison.Ordinal))
            {
                parameter.ParameterName = "key";
                parameter.Value = KeyOf(name);
            }
            else
            {
                parameter.ParameterName = "name";
                parameter.Value = "LicenseAllocation:" + name;
            }

            command.Parameters.Add(parameter);
            return command;
        }

        private async Task ProbeAsync()
        {
            try
            {
                while (true)
                {
                    await Task.Delay(ProbeInterval, _stop.Token);
                    await _commands.WaitAsync(_stop.Token);
                    try
                    {
                        await using var command = _connection.CreateCommand();
                        command.CommandText = "SELECT 1";
                        await command.ExecuteScalarAsync();
                    }
                    finally
                    {
                        _commands.Release();
                    }
                }
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                // Disposed.
            }
#pragma warning disable CA1031 // Whatever broke the session, the lock is not held any more.
            catch (Exception)
#pragma warning restore CA1031
            {
                await _lost.CancelAsync();
            }
        }
    }
}
