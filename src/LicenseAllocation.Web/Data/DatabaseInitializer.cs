using LicenseAllocation.Application.Auditing;
using LicenseAllocation.Application.Common;
using LicenseAllocation.Application.Data;
using LicenseAllocation.Application.Reorganisations;
using LicenseAllocation.Application.Seeding;
using LicenseAllocation.Web.Auth;
using Microsoft.EntityFrameworkCore;

namespace LicenseAllocation.Web.Data;

/// <summary>Brings the database to the current schema and fills a new one, before the portal takes requests.</summary>
internal static class DatabaseInitializer
{
    /// <summary>The lease under which one instance at a time brings the database up to date at start.</summary>
    public const string StartupLease = "database-initialisation";

    public static async Task InitializeDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        var logger = provider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseInitializer));

        // Instances started together take turns: the first migrates, seals and seeds, the next finds it done.
        await using var lease = await provider.GetRequiredService<ISingleInstanceLease>()
            .AcquireAsync(StartupLease, TimeSpan.FromMilliseconds(500), cancellationToken);

        var factory = provider.GetRequiredService<IDbContextFactory<AllocationDbContext>>();
        await using (var db = await factory.CreateDbContextAsync(cancellationToken))
        {
            await db.Database.MigrateAsync(cancellationToken);
            if (provider.GetRequiredService<DatabaseSettings>().Provider == DatabaseProvider.Sqlite)
            {
                // Readers no longer wait for writers, and writers wait (busy timeout) rather than fail.
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            }
        }

        if (await provider.GetRequiredService<LegacyAuditSealing>().SealAsync(cancellationToken) is > 0 and var sealedRows)
        {
            logger.LogWarning("Sealed {Count} audit rows written before the audit chain existed", sealedRows);
        }

        if (await provider.GetRequiredService<LegacyAuditSealing>().SealWithKeyAsync(cancellationToken) is > 0 and var keyedRows)
        {
            logger.LogWarning("Sealed {Count} audit rows with the audit seal key for the first time", keyedRows);
        }

        if (await provider.GetRequiredService<Plan2020Seeder>().SeedAsync(cancellationToken))
        {
            logger.LogInformation("Seeded the 2020 allocation plan from the official appendix");
        }

        if (await provider.GetRequiredService<DongThap2025Seeder>().SeedAsync(cancellationToken))
        {
            logger.LogInformation("Recorded the 2025 reorganisation of Đồng Tháp from the reference files");
        }

        await provider.GetRequiredService<AdminBootstrapper>().EnsureAdminAsync(cancellationToken);
    }
}
