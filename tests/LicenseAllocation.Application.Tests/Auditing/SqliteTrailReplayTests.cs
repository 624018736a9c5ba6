using LicenseAllocation.Testing;

namespace LicenseAllocation.Application.Tests.Auditing;

public sealed class SqliteTrailReplayTests : TrailReplayTests
{
    protected override async Task<ProviderDatabase> CreateSeededDatabaseAsync()
    {
        var database = await SqliteTestDatabase.CreateAsync(seed: true);
        return new ProviderDatabase(database.Factory, database);
    }
}
