using LicenseAllocation.Application.Data;
using LicenseAllocation.Domain.Auditing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace LicenseAllocation.Application.Auditing;

/// <summary>
/// Carries the audit seal keys with the context options, so that every context the portal opens (whichever service,
/// whichever provider) seals its audit rows with the same keys and the writer needs no extra parameter.
/// </summary>
public static class AuditSeals
{
    public static DbContextOptionsBuilder UseAuditSealKeys(this DbContextOptionsBuilder builder, AuditSealKeyRing keys)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(keys);
        ((IDbContextOptionsBuilderInfrastructure)builder).AddOrUpdateExtension(new AuditSealKeysExtension(keys));
        return builder;
    }

    /// <summary>The keys of the context's options; null when the context was configured without keys.</summary>
    public static AuditSealKeyRing? KeysOf(AllocationDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.GetService<IDbContextOptions>().FindExtension<AuditSealKeysExtension>()?.Keys;
    }

    private sealed class AuditSealKeysExtension(AuditSealKeyRing keys) : IDbContextOptionsExtension
    {
        public AuditSealKeyRing Keys { get; } = keys;

        public DbContextOptionsExtensionInfo Info => new KeysInfo(this);

        public void ApplyServices(IServiceCollection services)
        {
        }

        public void Validate(IDbContextOptions options)
        {
        }

        /// <summary>The keys change no EF service, so contexts with and without them share one internal service provider.</summary>
        private sealed class KeysInfo(IDbContextOptionsExtension extension) : DbContextOptionsExtensionInfo(extension)
        {
            public override bool IsDatabaseProvider => false;

            public override string LogFragment => "AuditSealKeys ";

            public override int GetServiceProviderHashCode() => 0;

            public override bool ShouldUseSameServiceProvider(DbContextOptionsExtensionInfo other) => other is KeysInfo;

            public override void PopulateDebugInfo(IDictionary<string, string> debugInfo) => debugInfo["AuditSealKeys"] = "1";
        }
    }
}
