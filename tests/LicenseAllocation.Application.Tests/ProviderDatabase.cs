using LicenseAllocation.Application.Data;
using LicenseAllocation.Testing;
using Microsoft.EntityFrameworkCore;

namespace LicenseAllocation.Application.Tests;

/// <summary>A database of whichever provider a test runs on, with the factory services use; dropped with the test.</summary>
public sealed class ProviderDatabase(IDbContextFactory<AllocationDbContext> factory, IAsyncDisposable owner) : IAsyncDisposable
{
    public IDbContextFactory<AllocationDbContext> Factory { get; } = factory;

    /// <summary>A SQLite file of its own, seeded with the 2020 plan.</summary>
    public static async Task<ProviderDatabase> SqliteSeededAsync()
    {
        var database = await SqliteTestDatabase.CreateAsync(seed: true);
        return new ProviderDatabase(database.Factory, database);
    }

    /// <summary>A PostgreSQL database of its own in the run's cluster, seeded with the 2020 plan.</summary>
    public static async Task<ProviderDatabase> PostgresSeededAsync(PostgresCluster cluster)
    {
        var database = await PostgresTestDatabase.CreateAsync(cluster, seed: true, cancellationToken: TestContext.Current.CancellationToken);
        return new ProviderDatabase(database.Factory, database);
    }

    public ValueTask DisposeAsync() => owner.DisposeAsync();
}
