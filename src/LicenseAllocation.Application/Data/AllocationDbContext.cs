using LicenseAllocation.Application.Identity;
using LicenseAllocation.Domain.Allocations;
using LicenseAllocation.Domain.Auditing;
using LicenseAllocation.Domain.Notifications;
using LicenseAllocation.Domain.Plans;
using LicenseAllocation.Domain.Requests;
using LicenseAllocation.Domain.Units;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace LicenseAllocation.Application.Data;

/// <summary>
/// The portal's one database: units, plans, allocation nodes, published appendices, the audit trail, Identity's tables,
/// and the data-protection keys when they are kept in the database (<c>DataProtection:Store</c> = <c>Database</c>).
/// </summary>
public sealed class AllocationDbContext(DbContextOptions<AllocationDbContext> options) : IdentityDbContext<PortalUser>(options), IDataProtectionKeyContext
{
    public DbSet<OrganisationUnit> Units => Set<OrganisationUnit>();

    public DbSet<AllocationPlan> Plans => Set<AllocationPlan>();

    public DbSet<AllocationNode> Nodes => Set<AllocationNode>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<AuditChainHead> AuditChainHeads => Set<AuditChainHead>();

    public DbSet<PublishedAppendix> PublishedAppendices => Set<PublishedAppendix>();

    public DbSet<LevelDecision> Decisions => Set<LevelDecision>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<LicenceRequest> LicenceRequests => Set<LicenceRequest>();

    public DbSet<Notification> Notifications => Set<Notification>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AllocationDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        // Times are written in UTC; SQLite gives them back without a kind, so every read is marked UTC again.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }
}
