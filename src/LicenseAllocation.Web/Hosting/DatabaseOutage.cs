using System.Data.Common;
using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace LicenseAllocation.Web.Hosting;

/// <summary>
/// Tells a database that is not there (stopped, restarting, unreachable, out of connections, a file it cannot open or
/// a disk that is full) from a fault of the portal itself. The services already retry a transient failure a few times
/// inside one operation; what still fails is an outage, answered as <c>database-unavailable</c> and never half-written
/// (each operation is one transaction).
/// </summary>
internal static class DatabaseOutage
{
    // SQLITE_IOERR, SQLITE_FULL, SQLITE_CANTOPEN (primary result codes).
    private static readonly int[] SqliteOutages = [10, 13, 14];

    public static bool Is(Exception exception)
    {
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case DbException { IsTransient: true }:
                case NpgsqlException and not PostgresException:
                case PostgresException { SqlState: ['0', '8', ..] or ['5', '7', 'P', ..] or ['5', '3', ..] }:
                case SqliteException sqlite when SqliteOutages.Contains(sqlite.SqliteErrorCode & 0xFF):
                case SocketException:
                case TimeoutException:
                    return true;
            }
        }

        return false;
    }
}
