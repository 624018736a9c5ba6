namespace LicenseAllocation.Application.Needs;

/// <summary>
/// A self-purchase as a reader sees it: the licence key in full for the province administrator, masked for everyone
/// else (<see cref="Domain.Needs.PurchaseRules.Mask"/>).
/// </summary>
public sealed record PurchaseView(
    long Id,
    int PlanId,
    int UnitId,
    string ProductName,
    string? Vendor,
    int Quantity,
    string ContractNumber,
    DateOnly ContractDate,
    DateOnly TermStart,
    DateOnly TermEnd,
    string? LicenceKey,
    string? Note,
    string RecordedBy,
    DateTime RecordedAtUtc,
    string? CancelledBy,
    DateTime? CancelledAtUtc,
    string? CancelReason)
{
    public bool IsCancelled => CancelledAtUtc is not null;
}

/// <summary>Licences a unit bought, to be recorded in a plan.</summary>
public sealed record RecordPurchase(int PlanId, int UnitId, Domain.Needs.PurchaseDetails Details);
