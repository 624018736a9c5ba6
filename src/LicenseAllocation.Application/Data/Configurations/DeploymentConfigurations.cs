using LicenseAllocation.Domain.Deployments;
using LicenseAllocation.Domain.Plans;
using LicenseAllocation.Domain.Units;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LicenseAllocation.Application.Data.Configurations;

internal sealed class DeploymentSnapshotConfiguration : IEntityTypeConfiguration<DeploymentSnapshot>
{
    public void Configure(EntityTypeBuilder<DeploymentSnapshot> builder)
    {
        builder.ToTable("DeploymentSnapshots");
        builder.Property(s => s.ImportedBy).HasMaxLength(64).IsRequired();
        builder.Property(s => s.MappingName).HasMaxLength(DeploymentColumnMapping.MaxNameLength).IsRequired();
        builder.Property(s => s.Sha256).HasMaxLength(64).IsRequired();
        builder.HasIndex(s => new { s.PlanId, s.TakenOn });
        builder.HasOne<AllocationPlan>().WithMany().HasForeignKey(s => s.PlanId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DeploymentDeviceConfiguration : IEntityTypeConfiguration<DeploymentDevice>
{
    public void Configure(EntityTypeBuilder<DeploymentDevice> builder)
    {
        builder.ToTable("DeploymentDevices");
        builder.Property(d => d.DeviceId).HasMaxLength(DeploymentDevice.MaxTextLength).IsRequired();
        builder.Property(d => d.Name).HasMaxLength(DeploymentDevice.MaxTextLength).IsRequired();
        builder.Property(d => d.Group).HasMaxLength(DeploymentDevice.MaxTextLength).IsRequired();
        builder.Property(d => d.Product).HasMaxLength(DeploymentDevice.MaxTextLength).IsRequired();
        builder.Property(d => d.Version).HasMaxLength(DeploymentDevice.MaxTextLength);
        builder.HasIndex(d => new { d.SnapshotId, d.Group });
        builder.HasOne<DeploymentSnapshot>().WithMany().HasForeignKey(d => d.SnapshotId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DeploymentGroupMappingConfiguration : IEntityTypeConfiguration<DeploymentGroupMapping>
{
    public void Configure(EntityTypeBuilder<DeploymentGroupMapping> builder)
    {
        builder.ToTable("DeploymentGroupMappings");
        builder.Property(m => m.Group).HasMaxLength(DeploymentGroupMapping.MaxGroupLength).IsRequired();
        builder.Property(m => m.ConfirmedBy).HasMaxLength(64).IsRequired();
        builder.HasIndex(m => new { m.Group, m.ValidFrom }).IsUnique();
        builder.HasOne<OrganisationUnit>().WithMany().HasForeignKey(m => m.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DeploymentColumnMappingConfiguration : IEntityTypeConfiguration<DeploymentColumnMapping>
{
    public void Configure(EntityTypeBuilder<DeploymentColumnMapping> builder)
    {
        builder.ToTable("DeploymentColumnMappings");
        builder.Property(m => m.Name).HasMaxLength(DeploymentColumnMapping.MaxNameLength).IsRequired();
        builder.HasIndex(m => m.Name).IsUnique();
        foreach (var column in new[] { "DeviceId", "DeviceName", "Group", "Product" })
        {
            builder.Property<string>(column).HasMaxLength(DeploymentColumnMapping.MaxHeaderLength).IsRequired();
        }

        foreach (var column in new[] { "Version", "LastSeen", "Active" })
        {
            builder.Property<string?>(column).HasMaxLength(DeploymentColumnMapping.MaxHeaderLength);
        }

        builder.Property(m => m.Delimiter).HasMaxLength(1);
        builder.Property(m => m.Encoding).HasMaxLength(16);
        builder.Property(m => m.UpdatedBy).HasMaxLength(64).IsRequired();
    }
}
