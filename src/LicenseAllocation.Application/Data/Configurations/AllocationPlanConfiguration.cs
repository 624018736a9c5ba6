using LicenseAllocation.Domain.Plans;
using LicenseAllocation.Domain.Units;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LicenseAllocation.Application.Data.Configurations;

internal sealed class AllocationPlanConfiguration : IEntityTypeConfiguration<AllocationPlan>
{
    public void Configure(EntityTypeBuilder<AllocationPlan> builder)
    {
        builder.ToTable("Plans");
        builder.Property(p => p.Name).HasMaxLength(300).IsRequired();
        builder.Property(p => p.ProductName).HasMaxLength(200);
        builder.Property(p => p.Status).HasConversion<string>().HasMaxLength(16);
        builder.HasOne<OrganisationUnit>().WithMany().HasForeignKey(p => p.RootUnitId).OnDelete(DeleteBehavior.Restrict);
        // A plan is named once per year; this also keeps two instances starting together from seeding twice.
        builder.HasIndex(p => new { p.Year, p.Name }).IsUnique();
        builder.OwnsOne(p => p.Document, document =>
        {
            document.Property(d => d.Number).HasColumnName("DocumentNumber").HasMaxLength(64);
            document.Property(d => d.Date).HasColumnName("DocumentDate");
            document.Property(d => d.Precision).HasColumnName("DocumentDatePrecision").HasConversion<string>().HasMaxLength(8);
            document.Property(d => d.Issuer).HasColumnName("DocumentIssuer").HasMaxLength(200);
            document.Property(d => d.IssuerSuperior).HasColumnName("DocumentIssuerSuperior").HasMaxLength(200);
        });
    }
}
