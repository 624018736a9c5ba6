using LicenseAllocation.Testing;

namespace LicenseAllocation.Application.Tests.Concurrency;

/// <summary>The races on SQLite: one writer at a time on the file, so contention shows up as waits for the lock.</summary>
public sealed class SqliteQuantityRaceTests : QuantityRaceTests
{
    protected override string Provider => "SQLite";

    protected override async Task<ProviderDatabase> CreateSeededDatabaseAsync()
    {
        var database = await SqliteTestDatabase.CreateAsync(seed: true);
        return new ProviderDatabase(database.Factory, database);
    }
}
