using System.Text.Json;
using LicenseAllocation.Application.Allocations;
using LicenseAllocation.Application.Plans;

namespace LicenseAllocation.Web.Api;

/// <summary>
/// A plan as the API shows it: headline figures, status (Draft, Published, Superseded), its version and the plan it
/// amends, the product once announced, the publishing letter, and the SHA-256 of its frozen appendix once published.
/// </summary>
public sealed record PlanDto(
    int Id,
    string Name,
    int Year,
    string? ProductName,
    int TotalLicenses,
    int Allocated,
    int Remaining,
    string Status,
    int Version,
    int? AmendmentOf,
    string? Vendor,
    DateOnly? LicenceTermStart,
    DateOnly? LicenceTermEnd,
    PlanDocumentDto? Document,
    DateTime? PublishedAt,
    string? PublishedBy,
    string? AppendixSha256)
{
    internal static PlanDto From(PlanSummary plan) =>
        new(
            plan.Id,
            plan.Name,
            plan.Year,
            plan.ProductName,
            plan.TotalLicenses,
            plan.Allocated,
            plan.Remaining,
            plan.Status.ToString(),
            plan.Version,
            plan.AmendmentOfId,
            plan.Vendor,
            plan.LicenceTermStart,
            plan.LicenceTermEnd,
            plan.Document is { } d ? new PlanDocumentDto(d.Number, d.Date, d.Signer, d.Issuer) : null,
            plan.PublishedAtUtc,
            plan.PublishedBy,
            plan.AppendixSha256);
}

/// <summary>The letter that issues the plan; number, date and signer stay null until it is published.</summary>
public sealed record PlanDocumentDto(string? Number, DateOnly? Date, string? Signer, string Issuer);

public sealed record UnitDto(
    int UnitId, int? ParentUnitId, string? Code, string Name, string Kind, int Quantity, int HandedOn, int Remaining, int Version)
{
    internal static UnitDto From(UnitNodeView node) =>
        new(node.UnitId, node.ParentUnitId, node.Code, node.Name, node.Kind.ToString(), node.Quantity, node.HandedOn, node.Remaining, node.Version);
}

/// <summary>
/// The quantity is read as raw JSON so that 1.5, "12" or 1e10 are answered with the code <c>invalid-quantity</c>
/// rather than a generic binding failure. <c>documentRef</c> optionally names the official letter (at most 200 characters).
/// </summary>
public sealed record QuantityChangeRequest(JsonElement Quantity, string? Reason, int? Version, string? DocumentRef = null)
{
    internal bool TryGetQuantity(out int quantity)
    {
        quantity = 0;
        return Quantity.ValueKind == JsonValueKind.Number && Quantity.TryGetInt32(out quantity);
    }
}
