using LicenseAllocation.Testing;

namespace LicenseAllocation.Application.Tests.Concurrency;

/// <summary>The races on PostgreSQL: truly concurrent transactions that meet on row locks of the parent and the unit.</summary>
public sealed class PostgresQuantityRaceTests(PostgresCluster cluster) : QuantityRaceTests
{
    protected override string Provider => "PostgreSQL";

    protected override Task<ProviderDatabase> CreateSeededDatabaseAsync() => ProviderDatabase.PostgresSeededAsync(cluster);
}
