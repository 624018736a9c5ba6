namespace LicenseAllocation.Application.Tests.Auditing;

public sealed class SqliteAuditChainTests : AuditChainTests
{
    protected override Task<ProviderDatabase> CreateSeededDatabaseAsync() => ProviderDatabase.SqliteSeededAsync();
}
