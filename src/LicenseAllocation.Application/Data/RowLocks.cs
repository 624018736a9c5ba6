using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

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

    // A context's model is built once per provider and options, and asking a context for its provider's name resolves
    // services each time (several times per edit), so the answer is kept with the model.
    private static readonly ConditionalWeakTable<IModel, StrongBox<Dialect>> Dialects = [];

    public static Dialect Of(DbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return Dialects.GetValue(db.Model, _ => new StrongBox<Dialect>(Detect(db))).Value;
    }

    private static Dialect Detect(DbContext db)
    {
        var provider = db.Database.ProviderName ?? string.Empty;
        return provider.Contains("Npgsql", StringComparison.Ordinal) ? Dialect.PostgreSql
            : provider.Contains("SqlServer", StringComparison.Ordinal) ? Dialect.SqlServer
            : Dialect.Sqlite;
    }

    /// <summary>Whether concurrent writers can interleave, so that a row must be locked before it is read to be written.</summary>
    public static bool WritersInterleave(DbContext db) => Of(db) != Dialect.Sqlite;
}
