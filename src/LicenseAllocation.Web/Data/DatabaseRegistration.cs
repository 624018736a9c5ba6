using LicenseAllocation.Application.Auditing;
using LicenseAllocation.Application.Common;
using LicenseAllocation.Application.Data;
using LicenseAllocation.Migrations.PostgreSql;
using LicenseAllocation.Migrations.Sqlite;
using LicenseAllocation.Migrations.SqlServer;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace LicenseAllocation.Web.Data;

internal static class DatabaseRegistration
{
    public const string ProviderKey = "Database:Provider";
    public const string ConnectionStringName = "Default";
    public const string DefaultSqlite = "Data Source=data/license-allocation.db";

    /// <summary>
    /// Registers the context factory for the provider named in configuration; SQLite under <c>./data/</c> when nothing
    /// is set. Contexts carry the audit seal keys (<see cref="AuditSealKeySource"/>), created on the first start unless
    /// <paramref name="createSealKey"/> is false.
    /// </summary>
    public static IServiceCollection AddPortalDatabase(this IServiceCollection services, IConfiguration configuration, string contentRoot, bool createSealKey = true)
    {
        var provider = configuration.GetValue(ProviderKey, DatabaseProvider.Sqlite);
        var connectionString = configuration.GetConnectionString(ConnectionStringName);
        if (provider == DatabaseProvider.Sqlite)
        {
            connectionString = PrepareSqlite(connectionString, contentRoot);
        }
        else if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException($"ConnectionStrings:{ConnectionStringName} must be set when {ProviderKey} is {provider}.");
        }

        var sealKeys = AuditSealKeySource.Load(configuration, contentRoot, createSealKey);
        services.AddSingleton(new DatabaseSettings(provider, connectionString!));
        services.AddSingleton<ISingleInstanceLease, Hosting.DatabaseLeases>();
        // Pooled: a context handed out again keeps the services EF resolves for it, which a new context resolves anew
        // (a sixteenth of the portal's CPU per edit, docs/benchmarks.md); each operation still has its own short-lived
        // context, reset when it is given back. Identity's stores take theirs from the same pool, per request.
        services.AddPooledDbContextFactory<AllocationDbContext>(options =>
        {
            _ = provider switch
            {
                DatabaseProvider.Sqlite => SqliteDatabase.Configure(options, connectionString!),
                DatabaseProvider.SqlServer => SqlServerDatabase.Configure(options, connectionString!),
                DatabaseProvider.PostgreSql => PostgreSqlDatabase.Configure(options, connectionString!),
                _ => throw new InvalidOperationException($"Unknown {ProviderKey} '{provider}'."),
            };
            if (sealKeys is not null)
            {
                options.UseAuditSealKeys(sealKeys);
            }
        });
        services.AddScoped(provider => provider.GetRequiredService<IDbContextFactory<AllocationDbContext>>().CreateDbContext());
        return services;
    }

    /// <summary>Resolves a relative SQLite file against the content root, creates its folder, and waits on a busy file instead of failing.</summary>
    private static string PrepareSqlite(string? connectionString, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(string.IsNullOrWhiteSpace(connectionString) ? DefaultSqlite : connectionString);
        if (builder.Mode != SqliteOpenMode.Memory && !builder.DataSource.StartsWith(':'))
        {
            builder.DataSource = Path.GetFullPath(builder.DataSource, contentRoot);
            Directory.CreateDirectory(Path.GetDirectoryName(builder.DataSource)!);
        }

        builder.DefaultTimeout = Math.Max(builder.DefaultTimeout, 30);
        builder.Pooling = true;
        return builder.ToString();
    }
}

internal sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString);
