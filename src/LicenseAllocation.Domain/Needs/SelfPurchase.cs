namespace LicenseAllocation.Domain.Needs;

/// <summary>
/// Licences a unit bought itself for a plan (the letter allows it when the allocation falls short, of the product used
/// throughout the province). Never deleted: a purchase recorded by mistake is cancelled with a reason, and both the
/// record and the cancellation stay in the trail. Only purchases not cancelled count in the coverage.
/// </summary>
public sealed class SelfPurchase
{
    private SelfPurchase(int planId, int unitId, PurchaseDetails details, string recordedBy, DateTime recordedAtUtc)
    {
        PlanId = planId;
        UnitId = unitId;
        ProductName = details.ProductName;
        Vendor = details.Vendor;
        Quantity = details.Quantity;
        ContractNumber = details.ContractNumber;
        ContractDate = details.ContractDate;
        TermStart = details.TermStart;
        TermEnd = details.TermEnd;
        LicenceKey = details.LicenceKey;
        Note = details.Note;
        RecordedBy = recordedBy;
        RecordedAtUtc = recordedAtUtc;
    }

    // For EF Core.
    private SelfPurchase()
    {
        ProductName = string.Empty;
        ContractNumber = string.Empty;
        RecordedBy = string.Empty;
    }

    public long Id { get; private set; }

    public int PlanId { get; private set; }

    public int UnitId { get; private set; }

    public string ProductName { get; private set; }

    public string? Vendor { get; private set; }

    public int Quantity { get; private set; }

    /// <summary>The contract's or the invoice's number.</summary>
    public string ContractNumber { get; private set; }

    public DateOnly ContractDate { get; private set; }

    public DateOnly TermStart { get; private set; }

    public DateOnly TermEnd { get; private set; }

    /// <summary>The licence key or serial as given; shown in full only to the province administrator.</summary>
    public string? LicenceKey { get; private set; }

    public string? Note { get; private set; }

    public string RecordedBy { get; private set; }

    public DateTime RecordedAtUtc { get; private set; }

    public string? CancelledBy { get; private set; }

    public DateTime? CancelledAtUtc { get; private set; }

    public string? CancelReason { get; private set; }

    public bool IsCancelled => CancelledAtUtc is not null;

    /// <summary>A purchase whose details passed <see cref="PurchaseRules.Check"/> (normalised with <see cref="PurchaseRules.Normalize"/>).</summary>
    public static SelfPurchase Record(int planId, int unitId, PurchaseDetails details, string recordedBy, DateTime recordedAtUtc)
    {
        ArgumentNullException.ThrowIfNull(details);
        ArgumentException.ThrowIfNullOrWhiteSpace(recordedBy);
        if (PurchaseRules.Check(details) is not null)
        {
            throw new ArgumentException("A purchase is checked before it is recorded.", nameof(details));
        }

        return new SelfPurchase(planId, unitId, PurchaseRules.Normalize(details), recordedBy, recordedAtUtc);
    }

    /// <summary>
    /// The same purchase, recorded by the same person at the same time, in <paramref name="planId"/> (an amendment of this
    /// plan). A cancelled purchase is not carried.
    /// </summary>
    public SelfPurchase CarriedInto(int planId) =>
        IsCancelled
            ? throw new InvalidOperationException("A cancelled purchase is not carried into an amendment.")
            : new(planId, UnitId, new PurchaseDetails(ProductName, Vendor, Quantity, ContractNumber, ContractDate, TermStart, TermEnd, LicenceKey, Note), RecordedBy, RecordedAtUtc);
}

/// <summary>What a unit states about licences it bought.</summary>
public sealed record PurchaseDetails(
    string ProductName,
    string? Vendor,
    int Quantity,
    string ContractNumber,
    DateOnly ContractDate,
    DateOnly TermStart,
    DateOnly TermEnd,
    string? LicenceKey = null,
    string? Note = null);
