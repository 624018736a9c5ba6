using LicenseAllocation.Application.Identity;
using LicenseAllocation.Domain.Allocations;
using LicenseAllocation.Domain.Auditing;
using LicenseAllocation.Domain.Needs;
using LicenseAllocation.Domain.Notifications;
using LicenseAllocation.Domain.Deployments;
using LicenseAllocation.Domain.Plans;
using LicenseAllocation.Domain.Requests;
using LicenseAllocation.Domain.Reorganisations;
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

    /// <summary>What each unit needs in each plan (computers to protect).</summary>
    public DbSet<UnitNeed> UnitNeeds => Set<UnitNeed>();

    /// <summary>Licences units bought themselves (never deleted; cancelled with a reason).</summary>
    public DbSet<SelfPurchase> SelfPurchases => Set<SelfPurchase>();
    public DbSet<Reorganisation> Reorganisations => Set<Reorganisation>();

    public DbSet<ReorganisationLink> ReorganisationLinks => Set<ReorganisationLink>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<LicenceRequest> LicenceRequests => Set<LicenceRequest>();

    public DbSet<Notification> Notifications => Set<Notification>();

    /// <summary>E-mails of notifications, written with them and sent by the mail worker.</summary>
    public DbSet<OutboxMail> OutboxMails => Set<OutboxMail>();

    public DbSet<DeploymentSnapshot> DeploymentSnapshots => Set<DeploymentSnapshot>();

    public DbSet<DeploymentDevice> DeploymentDevices => Set<DeploymentDevice>();

    public DbSet<DeploymentGroupMapping> DeploymentGroupMappings => Set<DeploymentGroupMapping>();

    public DbSet<DeploymentColumnMapping> DeploymentColumnMappings => Set<DeploymentColumnMapping>();

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
