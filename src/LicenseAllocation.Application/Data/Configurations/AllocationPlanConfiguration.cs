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
        builder.Property(p => p.Name).HasMaxLength(PlanName.MaxLength).IsRequired();
        builder.Property(p => p.ProductName).HasMaxLength(LicensedProduct.MaxNameLength);
        builder.Property(p => p.Vendor).HasMaxLength(LicensedProduct.MaxVendorLength);
        builder.Property(p => p.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.Version).HasDefaultValue(1);
        builder.Property(p => p.PublishedBy).HasMaxLength(256);
        builder.Ignore(p => p.IsLocked);
        builder.HasOne<OrganisationUnit>().WithMany().HasForeignKey(p => p.RootUnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AllocationPlan>().WithMany().HasForeignKey(p => p.AmendmentOfId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => p.AmendmentOfId);

        // A plan is named once per year, each version once; this also keeps two instances starting together from seeding twice.
        builder.HasIndex(p => new { p.Year, p.Name, p.Version }).IsUnique();
        builder.OwnsOne(p => p.Document, document =>
        {
            document.Property(d => d.Number).HasColumnName("DocumentNumber").HasMaxLength(OfficialDocument.MaxNumberLength);
            document.Property(d => d.Date).HasColumnName("DocumentDate");
            document.Property(d => d.Precision).HasColumnName("DocumentDatePrecision").HasConversion<string>().HasMaxLength(8);
            document.Property(d => d.Issuer).HasColumnName("DocumentIssuer").HasMaxLength(OfficialDocument.MaxNameLength);
            document.Property(d => d.IssuerSuperior).HasColumnName("DocumentIssuerSuperior").HasMaxLength(OfficialDocument.MaxNameLength);
            document.Property(d => d.Signer).HasColumnName("DocumentSigner").HasMaxLength(OfficialDocument.MaxSignerLength);
        });
    }
}
