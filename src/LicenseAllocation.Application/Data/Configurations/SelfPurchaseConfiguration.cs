using LicenseAllocation.Domain.Auditing;
using LicenseAllocation.Domain.Needs;
using LicenseAllocation.Domain.Plans;
using LicenseAllocation.Domain.Units;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LicenseAllocation.Application.Data.Configurations;

internal sealed class SelfPurchaseConfiguration : IEntityTypeConfiguration<SelfPurchase>
{
    public void Configure(EntityTypeBuilder<SelfPurchase> builder)
    {
        builder.ToTable("SelfPurchases", table =>
        {
            table.HasCheckConstraint("CK_SelfPurchases_Quantity", $"\"Quantity\" > 0 AND \"Quantity\" <= {PurchaseRules.MaxQuantity}");
            table.HasCheckConstraint("CK_SelfPurchases_Term", "\"TermEnd\" > \"TermStart\"");
        });
        builder.Property(p => p.ProductName).HasMaxLength(LicensedProduct.MaxNameLength).IsRequired();
        builder.Property(p => p.Vendor).HasMaxLength(LicensedProduct.MaxVendorLength);
        builder.Property(p => p.ContractNumber).HasMaxLength(PurchaseRules.MaxContractNumberLength).IsRequired();
        builder.Property(p => p.LicenceKey).HasMaxLength(PurchaseRules.MaxLicenceKeyLength);
        builder.Property(p => p.Note).HasMaxLength(PurchaseRules.MaxNoteLength);
        builder.Property(p => p.RecordedBy).HasMaxLength(256).IsRequired();
        builder.Property(p => p.CancelledBy).HasMaxLength(256);
        builder.Property(p => p.CancelReason).HasMaxLength(AuditEntry.MaxReasonLength);
        builder.Ignore(p => p.IsCancelled);
        builder.HasIndex(p => new { p.PlanId, p.UnitId });
        builder.HasOne<AllocationPlan>().WithMany().HasForeignKey(p => p.PlanId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<OrganisationUnit>().WithMany().HasForeignKey(p => p.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}
