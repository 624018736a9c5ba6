using LicenseAllocation.Domain.Plans;
using LicenseAllocation.Domain.Requests;
using LicenseAllocation.Domain.Units;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LicenseAllocation.Application.Data.Configurations;

internal sealed class LicenceRequestConfiguration : IEntityTypeConfiguration<LicenceRequest>
{
    public void Configure(EntityTypeBuilder<LicenceRequest> builder)
    {
        builder.ToTable("LicenceRequests", table =>
        {
            // Posted always equals approved, and neither exceeds what was asked: whatever a path does, the database refuses otherwise.
            table.HasCheckConstraint("CK_LicenceRequests_Requested", "\"Requested\" > 0");
            table.HasCheckConstraint("CK_LicenceRequests_Approved", "\"Approved\" IS NULL OR (\"Approved\" >= 0 AND \"Approved\" <= \"Requested\")");
            table.HasCheckConstraint("CK_LicenceRequests_Posted", "(\"Posted\" IS NULL AND \"Approved\" IS NULL) OR \"Posted\" = \"Approved\"");
        });
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(32);
        builder.Property(r => r.Justification).HasMaxLength(LicenceRequest.MaxTextLength).IsRequired();
        builder.Property(r => r.Comment).HasMaxLength(LicenceRequest.MaxTextLength);
        builder.Property(r => r.RequestedBy).HasMaxLength(256).IsRequired();
        builder.Property(r => r.DecidedBy).HasMaxLength(256);
        builder.Ignore(r => r.OwnShareAtRequest);
        builder.Ignore(r => r.IsDecided);
        builder.HasOne<AllocationPlan>().WithMany().HasForeignKey(r => r.PlanId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<OrganisationUnit>().WithMany().HasForeignKey(r => r.UnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<OrganisationUnit>().WithMany().HasForeignKey(r => r.SourceUnitId).IsRequired(false).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.PlanId, r.Status });
        builder.HasIndex(r => new { r.PlanId, r.UnitId });
        builder.HasIndex(r => r.RequestedBy);
    }
}
