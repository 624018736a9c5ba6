using LicenseAllocation.Domain.Plans;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LicenseAllocation.Application.Data.Configurations;

internal sealed class PublishedAppendixConfiguration : IEntityTypeConfiguration<PublishedAppendix>
{
    public void Configure(EntityTypeBuilder<PublishedAppendix> builder)
    {
        builder.ToTable("PublishedAppendices");

        // One appendix per plan, written when it is published.
        builder.HasKey(a => a.PlanId);
        builder.Property(a => a.PlanId).ValueGeneratedNever();
        builder.Property(a => a.Content).IsRequired();
        builder.Property(a => a.Sha256).HasMaxLength(64).IsRequired();
        builder.HasOne<AllocationPlan>().WithOne().HasForeignKey<PublishedAppendix>(a => a.PlanId).OnDelete(DeleteBehavior.Restrict);
    }
}
