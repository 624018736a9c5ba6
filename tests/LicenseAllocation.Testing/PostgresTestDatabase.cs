using LicenseAllocation.Application.Auditing;
using LicenseAllocation.Application.Data;
using LicenseAllocation.Application.Seeding;
using LicenseAllocation.Migrations.PostgreSql;
using Microsoft.EntityFrameworkCore;

namespace LicenseAllocation.Testing;

/// <summary>
/// A database of its own on the run's <see cref="PostgresCluster"/>, migrated like the portal's. The PostgreSQL
/// counterpart of <see cref="SqliteTestDatabase"/>: same shape, real row locks and real concurrent transactions.
/// </summary>
public sealed class PostgresTestDatabase : IAsyncDisposable
{
    private readonly PostgresCluster _cluster;

    private PostgresTestDatabase(PostgresCluster cluster, string connectionString)
    {
        _cluster = cluster;
        ConnectionString = connectionString;
        var builder = new DbContextOptionsBuilder<AllocationDbContext>();
        PostgreSqlDatabase.Configure(builder, connectionString);
        builder.UseAuditSealKeys(TestSealKeys.Ring);
        Factory = new TestContextFactory(builder.Options);
    }

    public string ConnectionString { get; }

    public IDbContextFactory<AllocationDbContext> Factory { get; }

    /// <summary>Creates and migrates an empty database; with <paramref name="seed"/> it also holds the 2020 plan.</summary>
    public static async Task<PostgresTestDatabase> CreateAsync(
        PostgresCluster cluster, bool seed = true, TimeProvider? clock = null, CancellationToken cancellationToken = default)
    {
        var database = await CreateUnmigratedAsync(cluster, cancellationToken);
        await using (var db = database.Factory.CreateDbContext())
        {
            await db.Database.MigrateAsync(cancellationToken);
        }

        if (seed)
        {
            await new Plan2020Seeder(database.Factory, clock ?? TimeProvider.System).SeedAsync(cancellationToken);
        }

        return database;
    }

    /// <summary>A database without a single table, for tests of the migrations themselves.</summary>
    public static async Task<PostgresTestDatabase> CreateUnmigratedAsync(PostgresCluster cluster, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        return new PostgresTestDatabase(cluster, await cluster.CreateDatabaseAsync(cancellationToken));
    }

    public async ValueTask DisposeAsync() => await _cluster.DropDatabaseAsync(ConnectionString);
}
