using System.Text.Json;

namespace LicenseAllocation.Web.Api;

/// <summary>Many quantities saved as one change: <c>{"reason","documentRef","items":[{"unitId","quantity"}]}</c>; <c>documentRef</c> is optional.</summary>
public sealed record QuantityBatchRequest(string? Reason, IReadOnlyList<QuantityBatchItemRequest>? Items, string? DocumentRef = null);

/// <summary>The quantity is read as raw JSON, as for a single change, so that 1.5 or "12" is answered with <c>invalid-quantity</c>.</summary>
public sealed record QuantityBatchItemRequest(int UnitId, JsonElement Quantity)
{
    internal bool TryGetQuantity(out int quantity)
    {
        quantity = 0;
        return Quantity.ValueKind == JsonValueKind.Number && Quantity.TryGetInt32(out quantity);
    }
}

public sealed record QuantityBatchResponse(Guid? ChangeSetId, IReadOnlyList<UnitDto> Items);

/// <summary>One refused item of a batch, as listed in the <c>items</c> extension of a <c>batch-refused</c> problem.</summary>
public sealed record BatchRefusalDto(int UnitId, string Code, string Message, int? Limit);

public sealed record AddUnitRequest(int ParentUnitId, string? Name, string? Kind, string? Code);

public sealed record UpdateUnitRequest(string? Name, int? Order, bool? Active, string? AgencyCode = null);
