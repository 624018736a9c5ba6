using LicenseAllocation.Domain.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LicenseAllocation.Application.Data.Configurations;

internal sealed class OutboxMailConfiguration : IEntityTypeConfiguration<OutboxMail>
{
    public void Configure(EntityTypeBuilder<OutboxMail> builder)
    {
        builder.ToTable("OutboxMails");
        builder.Property(m => m.Address).HasMaxLength(OutboxMail.MaxAddressLength).IsRequired();
        builder.Property(m => m.Language).HasMaxLength(8).IsRequired();
        builder.Property(m => m.LastError).HasMaxLength(OutboxMail.MaxErrorLength);
        builder.HasOne(m => m.Notification).WithMany().HasForeignKey(m => m.NotificationId).OnDelete(DeleteBehavior.Cascade);
        // The worker's question: what is due and not yet sent or given up.
        builder.HasIndex(m => new { m.SentAtUtc, m.FailedAtUtc, m.NextAttemptAtUtc });
    }
}
