using LicenseAllocation.Domain.Auditing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LicenseAllocation.Application.Data.Configurations;

internal sealed class AuditChainHeadConfiguration : IEntityTypeConfiguration<AuditChainHead>
{
    public void Configure(EntityTypeBuilder<AuditChainHead> builder)
    {
        builder.ToTable("AuditChainHead");
        builder.Property(h => h.Id).ValueGeneratedNever();
        builder.Property(h => h.LastHash).HasMaxLength(64).IsRequired();

        // The head exists from the first migration on, so writers only ever update it and never race to create it.
        builder.HasData(new { Id = AuditChainHead.SingletonId, Sequence = 0L, LastHash = string.Empty });
    }
}
