using System.Text.Json;
using LicenseAllocation.Application.Allocations;
using LicenseAllocation.Application.Plans;

namespace LicenseAllocation.Web.Api;

public sealed record PlanDto(int Id, string Name, int Year, string? ProductName, int TotalLicenses, int Allocated, int Remaining, string Status)
{
    internal static PlanDto From(PlanSummary plan) =>
        new(plan.Id, plan.Name, plan.Year, plan.ProductName, plan.TotalLicenses, plan.Allocated, plan.Remaining, plan.Status.ToString());
}

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
