using Microsoft.EntityFrameworkCore;

namespace LicenseAllocation.Application.Data;

/// <summary>
/// The locking reads the write path uses where a provider has them (docs/decisions/0020-hot-rows-last-and-briefly.md):
/// a read that also takes the row's lock is one round trip where a no-op update followed by a read is two, and a shared
/// lock lets writers that only need a row to stay as it is pass each other. SQLite serialises writers
/// (<c>BEGIN IMMEDIATE</c>), so there a plain read is enough and no page is written for a lock.
/// </summary>
internal static class RowLocks
{
    public enum Dialect
    {
        Sqlite,
        PostgreSql,
        SqlServer,
    }

    public static Dialect Of(DbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        var provider = db.Database.ProviderName ?? string.Empty;
        return provider.Contains("Npgsql", StringComparison.Ordinal) ? Dialect.PostgreSql
            : provider.Contains("SqlServer", StringComparison.Ordinal) ? Dialect.SqlServer
            : Dialect.Sqlite;
    }

    /// <summary>Whether concurrent writers can interleave, so that a row must be locked before it is read to be written.</summary>
    public static bool WritersInterleave(DbContext db) => Of(db) != Dialect.Sqlite;
}
