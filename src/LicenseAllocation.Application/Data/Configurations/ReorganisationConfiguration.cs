using LicenseAllocation.Domain.Reorganisations;
using LicenseAllocation.Domain.Units;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LicenseAllocation.Application.Data.Configurations;

internal sealed class ReorganisationConfiguration : IEntityTypeConfiguration<Reorganisation>
{
    public void Configure(EntityTypeBuilder<Reorganisation> builder)
    {
        builder.ToTable("Reorganisations");
        builder.Property(r => r.Name).HasMaxLength(Reorganisation.MaxNameLength).IsRequired();
        builder.Property(r => r.LegalBasis).HasMaxLength(Reorganisation.MaxLegalBasisLength).IsRequired();
        builder.Property(r => r.CreatedBy).HasMaxLength(256).IsRequired();
        builder.Ignore(r => r.LastDayBefore);
        builder.HasOne<OrganisationUnit>().WithMany().HasForeignKey(r => r.RootUnitId).OnDelete(DeleteBehavior.Restrict);

        // A reorganisation is recorded once: this also keeps two instances starting together from recording it twice.
        builder.HasIndex(r => new { r.Name, r.EffectiveFrom }).IsUnique();
    }
}
