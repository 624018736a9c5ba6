namespace LicenseAllocation.Application.Tests.Migrations;

/// <summary>The three databases the portal ships migrations for.</summary>
public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
    PostgreSql,
}
