using LicenseAllocation.Application.Identity;
using LicenseAllocation.Domain.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LicenseAllocation.Application.Data.Configurations;

/// <summary>The portal's columns of Identity's user table; Identity's own columns keep Identity's mapping.</summary>
internal sealed class PortalUserConfiguration : IEntityTypeConfiguration<PortalUser>
{
    public void Configure(EntityTypeBuilder<PortalUser> builder)
    {
        builder.Property(u => u.FullName).HasMaxLength(AccountDetails.MaxFullNameLength);
        builder.Property(u => u.Position).HasMaxLength(AccountDetails.MaxPositionLength);
        builder.Property(u => u.Language).HasMaxLength(8);
    }
}
