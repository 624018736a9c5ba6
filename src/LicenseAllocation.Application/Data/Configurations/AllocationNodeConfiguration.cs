using LicenseAllocation.Domain.Allocations;
using LicenseAllocation.Domain.Plans;
using LicenseAllocation.Domain.Units;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LicenseAllocation.Application.Data.Configurations;

internal sealed class AllocationNodeConfiguration : IEntityTypeConfiguration<AllocationNode>
{
    public void Configure(EntityTypeBuilder<AllocationNode> builder)
    {
        builder.ToTable("AllocationNodes", table =>
        {
            // The last line of defence: whatever a path does, the database itself refuses a broken node.
            table.HasCheckConstraint("CK_AllocationNodes_Quantity", "\"Quantity\" >= 0");
            table.HasCheckConstraint("CK_AllocationNodes_HandedOn", "\"HandedOn\" >= 0 AND \"HandedOn\" <= \"Quantity\"");
        });
        builder.Ignore(n => n.Figures);
        builder.Ignore(n => n.Remaining);
        builder.HasIndex(n => new { n.PlanId, n.UnitId }).IsUnique();
        builder.HasOne<AllocationPlan>().WithMany().HasForeignKey(n => n.PlanId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<OrganisationUnit>().WithMany().HasForeignKey(n => n.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}
