using LicenseAllocation.Domain.Auditing;
using LicenseAllocation.Domain.Plans;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LicenseAllocation.Application.Data.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("AuditEntries");
        builder.Property(a => a.Actor).HasMaxLength(256).IsRequired();
        builder.Property(a => a.Action).HasConversion<string>().HasMaxLength(32);
        builder.Property(a => a.Reason).HasMaxLength(AuditEntry.MaxReasonLength).IsRequired();
        builder.Property(a => a.DocumentRef).HasMaxLength(DocumentReference.MaxLength);
        builder.Property(a => a.PreviousHash).HasMaxLength(64).IsRequired();
        builder.Property(a => a.Hash).HasMaxLength(64).IsRequired();
        builder.Property(a => a.SealKeyId).HasMaxLength(AuditSealKey.IdLength);
        builder.Property(a => a.KeyedHash).HasMaxLength(64);
        builder.HasOne<AllocationPlan>().WithMany().HasForeignKey(a => a.PlanId).IsRequired(false).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => a.Sequence).IsUnique();
        builder.HasIndex(a => new { a.PlanId, a.UnitId });
        builder.HasIndex(a => a.ChangeSetId);
        builder.HasIndex(a => a.AtUtc);
        builder.Ignore(a => a.IsSealed);
        builder.Ignore(a => a.IsQuantityChange);
    }
}
