using LicenseAllocation.Domain.Needs;
using LicenseAllocation.Domain.Plans;
using LicenseAllocation.Domain.Units;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LicenseAllocation.Application.Data.Configurations;

internal sealed class UnitNeedConfiguration : IEntityTypeConfiguration<UnitNeed>
{
    public void Configure(EntityTypeBuilder<UnitNeed> builder)
    {
        builder.ToTable("UnitNeeds", table =>
            table.HasCheckConstraint("CK_UnitNeeds_Computers", $"\"Computers\" >= 0 AND \"Computers\" <= {NeedRules.MaxComputers}"));
        builder.Property(n => n.StatedBy).HasMaxLength(256).IsRequired();
        builder.HasIndex(n => new { n.PlanId, n.UnitId }).IsUnique();
        builder.HasOne<AllocationPlan>().WithMany().HasForeignKey(n => n.PlanId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<OrganisationUnit>().WithMany().HasForeignKey(n => n.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}
