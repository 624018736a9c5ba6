using LicenseAllocation.Domain.Units;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LicenseAllocation.Application.Data.Configurations;

internal sealed class OrganisationUnitConfiguration : IEntityTypeConfiguration<OrganisationUnit>
{
    public void Configure(EntityTypeBuilder<OrganisationUnit> builder)
    {
        builder.ToTable("Units");
        builder.Property(u => u.Name).HasMaxLength(UnitName.MaxLength).IsRequired();
        builder.Property(u => u.Kind).HasConversion<string>().HasMaxLength(32);
        builder.Property(u => u.Code).HasMaxLength(16);
        builder.HasOne(u => u.Parent).WithMany().HasForeignKey(u => u.ParentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(u => new { u.ParentId, u.Order });
        builder.HasIndex(u => u.Code);
        builder.Property(u => u.AgencyCode).HasMaxLength(AgencyCode.Length);
        builder.HasIndex(u => u.AgencyCode);
        builder.HasOne<Domain.Reorganisations.Reorganisation>().WithMany().HasForeignKey(u => u.ReorganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}
