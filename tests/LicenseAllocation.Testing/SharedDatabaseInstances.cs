using LicenseAllocation.Application.Data;
using LicenseAllocation.Migrations.PostgreSql;
using Microsoft.EntityFrameworkCore;

namespace LicenseAllocation.Testing;

/// <summary>
/// Portal instances that share one PostgreSQL database, as a province runs two behind its proxy: each keeps its own
/// folder, the Data Protection keys live in the database, and the audit seal key is the province's, one for all.
/// </summary>
public sealed class SharedDatabaseInstances(string directory, string adminPassword)
{
    /// <summary>The settings of instance <paramref name="instance"/>, with <paramref name="extra"/> added or replacing.</summary>
    public Dictionary<string, string> Settings(string connectionString, string instance, IReadOnlyDictionary<string, string>? extra = null)
    {
        var settings = new Dictionary<string, string>
        {
            ["Database:Provider"] = "PostgreSql",
            ["ConnectionStrings:Default"] = connectionString,
            ["DataProtection:Store"] = "Database",
            ["DataProtection:KeysPath"] = Path.Combine(directory, instance, "keys"),
            ["Audit:SealKeyPath"] = Path.Combine(directory, "audit-seal.keys"),
            ["Bootstrap:AdminPassword"] = adminPassword,
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string>())
        {
            settings[key] = value;
        }

        return settings;
    }

    /// <summary>A context factory on the shared database, for reading what the instances wrote.</summary>
    public static TestContextFactory ContextFactory(string connectionString)
    {
        var options = new DbContextOptionsBuilder<AllocationDbContext>();
        PostgreSqlDatabase.Configure(options, connectionString);
        return new TestContextFactory(options.Options);
    }
}
