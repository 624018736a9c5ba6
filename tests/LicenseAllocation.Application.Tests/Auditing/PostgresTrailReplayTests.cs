using LicenseAllocation.Testing;

namespace LicenseAllocation.Application.Tests.Auditing;

public sealed class PostgresTrailReplayTests(PostgresCluster cluster) : TrailReplayTests
{
    protected override async Task<ProviderDatabase> CreateSeededDatabaseAsync()
    {
        var database = await PostgresTestDatabase.CreateAsync(cluster, seed: true, cancellationToken: TestContext.Current.CancellationToken);
        return new ProviderDatabase(database.Factory, database);
    }
}
