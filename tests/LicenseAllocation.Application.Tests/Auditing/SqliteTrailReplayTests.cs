namespace LicenseAllocation.Application.Tests.Auditing;

public sealed class SqliteTrailReplayTests : TrailReplayTests
{
    protected override Task<ProviderDatabase> CreateSeededDatabaseAsync() => ProviderDatabase.SqliteSeededAsync();
}
