using System.Text.RegularExpressions;
using LicenseAllocation.Application.Data;
using LicenseAllocation.Migrations.PostgreSql;
using LicenseAllocation.Migrations.Sqlite;
using LicenseAllocation.Migrations.SqlServer;
using LicenseAllocation.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Shouldly;

namespace LicenseAllocation.Application.Tests.Migrations;

/// <summary>
/// Each provider's migrations are generated separately, so each can fall behind the model on its own: a model change
/// migrated for SQLite only would pass every SQLite test and break the first PostgreSQL or SQL Server deployment.
/// </summary>
public sealed class MigrationsMatchTheModelTests(PostgresCluster cluster)
{
    private static readonly string[] _tables = ["AllocationNodes", "Units", "Plans", "PublishedAppendices", "AuditEntries", "AspNetUsers"];

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.SqlServer)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public void Migrations_leave_no_model_change_pending(DatabaseProvider provider)
    {
        using var db = Context(provider, UnreachableConnectionString(provider));

        db.Database.HasPendingModelChanges().ShouldBeFalse($"run 'dotnet ef migrations add' for {provider}");
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.SqlServer)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public void Migrations_script_creates_every_table(DatabaseProvider provider)
    {
        using var db = Context(provider, UnreachableConnectionString(provider));

        var script = db.GetService<IMigrator>().GenerateScript();

        foreach (var table in _tables)
        {
            // "Units" for SQLite and PostgreSQL, [Units] for SQL Server.
            script.ShouldMatch($@"CREATE TABLE [""\[]{Regex.Escape(table)}[""\]]", $"the {provider} script creates no {table}");
        }
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Migrating_an_empty_database_applies_every_migration(DatabaseProvider provider)
    {
        await using var database = await EmptyDatabaseAsync(provider);
        await using var db = database.Factory.CreateDbContext();
        var migrations = db.Database.GetMigrations().ToList();
        migrations.ShouldNotBeEmpty();
        (await db.Database.GetPendingMigrationsAsync(Cancellation)).ShouldBe(migrations, "an empty database lacks every migration");

        await db.Database.MigrateAsync(Cancellation);

        (await db.Database.GetPendingMigrationsAsync(Cancellation)).ShouldBeEmpty();
        (await db.Database.GetAppliedMigrationsAsync(Cancellation)).ShouldBe(migrations);
        (await db.Nodes.CountAsync(Cancellation)).ShouldBe(0);
    }

    /// <summary>Building the model and scripting never open a connection; these hosts would fail if anything tried.</summary>
    private static string UnreachableConnectionString(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.Sqlite => "Data Source=:memory:",
        DatabaseProvider.SqlServer => "Server=sqlserver.invalid;Database=LicenseAllocation;Connect Timeout=1;TrustServerCertificate=True",
        DatabaseProvider.PostgreSql => "Host=postgres.invalid;Database=license_allocation;Timeout=1",
        _ => throw new ArgumentOutOfRangeException(nameof(provider)),
    };

    private static AllocationDbContext Context(DatabaseProvider provider, string connectionString) => new(Options(provider, connectionString));

    private static DbContextOptions<AllocationDbContext> Options(DatabaseProvider provider, string connectionString)
    {
        var builder = new DbContextOptionsBuilder<AllocationDbContext>();
        _ = provider switch
        {
            DatabaseProvider.Sqlite => SqliteDatabase.Configure(builder, connectionString),
            DatabaseProvider.SqlServer => SqlServerDatabase.Configure(builder, connectionString),
            DatabaseProvider.PostgreSql => PostgreSqlDatabase.Configure(builder, connectionString),
            _ => throw new ArgumentOutOfRangeException(nameof(provider)),
        };
        return builder.Options;
    }

    private async Task<ProviderDatabase> EmptyDatabaseAsync(DatabaseProvider provider)
    {
        if (provider == DatabaseProvider.PostgreSql)
        {
            var postgres = await PostgresTestDatabase.CreateUnmigratedAsync(cluster, Cancellation);
            return new ProviderDatabase(postgres.Factory, postgres);
        }

        var directory = Directory.CreateTempSubdirectory("license-allocation-migrations-");
        var connectionString = new SqliteConnectionStringBuilder { DataSource = Path.Combine(directory.FullName, "empty.db"), Pooling = false }.ToString();
        return new ProviderDatabase(new TestContextFactory(Options(provider, connectionString)), new DeletedDirectory(directory));
    }

    private sealed class DeletedDirectory(DirectoryInfo directory) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            directory.Delete(recursive: true);
            return ValueTask.CompletedTask;
        }
    }
}
