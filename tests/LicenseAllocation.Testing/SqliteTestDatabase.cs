using LicenseAllocation.Application.Auditing;
using LicenseAllocation.Application.Data;
using LicenseAllocation.Application.Seeding;
using LicenseAllocation.Migrations.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace LicenseAllocation.Testing;

/// <summary>
/// A SQLite database in its own temporary file, migrated like the portal's. A file (not in-memory) so that parallel
/// writers really open separate connections and contend for the lock, as they do in production.
/// </summary>
public sealed class SqliteTestDatabase : IAsyncDisposable
{
    private readonly string _directory;

    private SqliteTestDatabase(string directory, string connectionString)
    {
        _directory = directory;
        ConnectionString = connectionString;
        var builder = new DbContextOptionsBuilder<AllocationDbContext>();
        SqliteDatabase.Configure(builder, connectionString);
        builder.UseAuditSealKeys(TestSealKeys.Ring);
        Factory = new TestContextFactory(builder.Options);
    }

    public string ConnectionString { get; }

    public IDbContextFactory<AllocationDbContext> Factory { get; }

    /// <summary>Creates and migrates an empty database; with <paramref name="seed"/> it also holds the 2020 plan.</summary>
    public static async Task<SqliteTestDatabase> CreateAsync(bool seed = true, TimeProvider? clock = null)
    {
        var directory = Path.Combine(Path.GetTempPath(), "license-allocation-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(directory, "test.db"),
            DefaultTimeout = 60,
            Pooling = false,
        }.ToString();

        var database = new SqliteTestDatabase(directory, connectionString);
        await using (var db = database.Factory.CreateDbContext())
        {
            await db.Database.MigrateAsync();
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        }

        if (seed)
        {
            await new Plan2020Seeder(database.Factory, clock ?? TimeProvider.System).SeedAsync();
        }

        return database;
    }

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a finished test's connection is left to the OS temp cleaner.
        }

        return ValueTask.CompletedTask;
    }
}
