using LicenseAllocation.Domain.Plans;
using LicenseAllocation.Domain.Units;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LicenseAllocation.Application.Data.Configurations;

internal sealed class LevelDecisionConfiguration : IEntityTypeConfiguration<LevelDecision>
{
    public void Configure(EntityTypeBuilder<LevelDecision> builder)
    {
        builder.ToTable("LevelDecisions");
        builder.Property(d => d.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(d => d.DocumentKind).HasMaxLength(32).IsRequired();
        builder.Property(d => d.DocumentNumber).HasMaxLength(OfficialDocument.MaxNumberLength).IsRequired();
        builder.Property(d => d.Signer).HasMaxLength(OfficialDocument.MaxSignerLength).IsRequired();
        builder.Property(d => d.IssuingBody).HasMaxLength(OfficialDocument.MaxNameLength).IsRequired();
        builder.Property(d => d.PublishedBy).HasMaxLength(256).IsRequired();
        builder.Property(d => d.AppendixWorkbook).IsRequired();
        builder.Property(d => d.AppendixSha256).HasMaxLength(64).IsRequired();
        builder.Ignore(d => d.Reference);
        builder.Ignore(d => d.AppendixReference);

        // Each version of a level's decision once; versions are never rewritten.
        builder.HasIndex(d => new { d.PlanId, d.IssuingUnitId, d.Version }).IsUnique();
        builder.HasOne<AllocationPlan>().WithMany().HasForeignKey(d => d.PlanId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<OrganisationUnit>().WithMany().HasForeignKey(d => d.IssuingUnitId).OnDelete(DeleteBehavior.Restrict);
    }
}
