using LicenseAllocation.Testing;

namespace LicenseAllocation.Application.Tests.Auditing;

public sealed class PostgresTrailReplayTests(PostgresCluster cluster) : TrailReplayTests
{
    protected override Task<ProviderDatabase> CreateSeededDatabaseAsync() => ProviderDatabase.PostgresSeededAsync(cluster);
}
