using LicenseAllocation.Domain.Reorganisations;
using LicenseAllocation.Domain.Units;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LicenseAllocation.Application.Data.Configurations;

internal sealed class ReorganisationLinkConfiguration : IEntityTypeConfiguration<ReorganisationLink>
{
    public void Configure(EntityTypeBuilder<ReorganisationLink> builder)
    {
        builder.ToTable("ReorganisationLinks");
        builder.Property(l => l.OldCode).HasMaxLength(16);
        builder.Property(l => l.OldName).HasMaxLength(ReorganisationLink.MaxOldNameLength).IsRequired();
        builder.Property(l => l.Share).HasPrecision(9, 6);
        builder.HasOne<Reorganisation>().WithMany().HasForeignKey(l => l.ReorganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<OrganisationUnit>().WithMany().HasForeignKey(l => l.NewUnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<OrganisationUnit>().WithMany().HasForeignKey(l => l.OldUnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(l => new { l.ReorganisationId, l.NewUnitId, l.Order });
        builder.HasIndex(l => l.OldUnitId);
        builder.HasIndex(l => l.NewUnitId);
    }
}
