using LicenseAllocation.Testing;

namespace LicenseAllocation.Application.Tests.Auditing;

public sealed class PostgresAuditChainTests(PostgresCluster cluster) : AuditChainTests
{
    protected override Task<ProviderDatabase> CreateSeededDatabaseAsync() => ProviderDatabase.PostgresSeededAsync(cluster);
}
