using System.Text.Json;
using LicenseAllocation.Application.Needs;

namespace LicenseAllocation.Web.Api;

/// <summary>Licences a unit bought itself; dates are <c>yyyy-MM-dd</c>, the quantity a whole number.</summary>
public sealed record PurchaseRequest(
    string? ProductName,
    string? Vendor,
    JsonElement Quantity,
    string? ContractNumber,
    string? ContractDate,
    string? TermStart,
    string? TermEnd,
    string? LicenceKey,
    string? Note)
{
    internal bool TryGetQuantity(out int quantity) => NeedJson.TryRead(Quantity, out quantity);
}

public sealed record CancelPurchaseRequest(string? Reason);

/// <summary>A self-purchase; <c>licenceKey</c> is masked except for the province administrator.</summary>
public sealed record PurchaseDto(
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
    bool Cancelled,
    string? CancelledBy,
    DateTime? CancelledAtUtc,
    string? CancelReason)
{
    public static PurchaseDto From(PurchaseView p)
    {
        ArgumentNullException.ThrowIfNull(p);
        return new(
            p.Id, p.PlanId, p.UnitId, p.ProductName, p.Vendor, p.Quantity, p.ContractNumber, p.ContractDate, p.TermStart, p.TermEnd,
            p.LicenceKey, p.Note, p.RecordedBy, p.RecordedAtUtc, p.IsCancelled, p.CancelledBy, p.CancelledAtUtc, p.CancelReason);
    }
}
