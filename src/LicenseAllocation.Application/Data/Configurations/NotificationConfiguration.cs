using LicenseAllocation.Domain.Notifications;
using LicenseAllocation.Domain.Plans;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LicenseAllocation.Application.Data.Configurations;

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.ToTable("Notifications");
        builder.Property(n => n.Recipient).HasMaxLength(256).IsRequired();
        builder.Property(n => n.Kind).HasConversion<string>().HasMaxLength(32);
        builder.Property(n => n.Subject).HasMaxLength(Notification.MaxSubjectLength).IsRequired();
        builder.Property(n => n.Outcome).HasMaxLength(32);
        builder.Ignore(n => n.IsRead);
        builder.HasOne<AllocationPlan>().WithMany().HasForeignKey(n => n.PlanId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(n => new { n.Recipient, n.ReadAtUtc });
        builder.HasIndex(n => new { n.Recipient, n.CreatedAtUtc });
    }
}
