namespace LicenseAllocation.Application.Tests.Concurrency;

/// <summary>The races on SQLite: one writer at a time on the file, so contention shows up as waits for the lock.</summary>
public sealed class SqliteQuantityRaceTests : QuantityRaceTests
{
    protected override string Provider => "SQLite";

    protected override Task<ProviderDatabase> CreateSeededDatabaseAsync() => ProviderDatabase.SqliteSeededAsync();
}
