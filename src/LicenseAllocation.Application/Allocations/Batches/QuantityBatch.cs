using LicenseAllocation.Domain.Allocations;

namespace LicenseAllocation.Application.Allocations.Batches;

/// <summary>Many quantities saved as one change with one reason: all are applied, or none.</summary>
public sealed record QuantityBatch(int PlanId, string? Reason, IReadOnlyList<QuantityBatchItem> Items);

public sealed record QuantityBatchItem(int UnitId, int Quantity);

/// <summary>An item that cannot be applied, and why (with the numbers, as for a single change).</summary>
public sealed record BatchRefusal(int UnitId, AllocationError Error);

/// <summary>
/// The verdict on a batch: when <see cref="Applied"/>, <see cref="Changed"/> holds the new figures of every changed unit
/// and <see cref="ChangeSetId"/> groups their audit rows; otherwise <see cref="Refused"/> explains every refused item
/// and nothing was written. <see cref="Error"/> is set when the batch as a whole is refused before any item is looked at
/// (no reason, a caller who may not edit, an unknown plan, a published one).
/// </summary>
public sealed record QuantityBatchResult(
    bool Applied, IReadOnlyList<UnitNodeView> Changed, IReadOnlyList<BatchRefusal> Refused, Guid? ChangeSetId, AllocationError? Error = null)
{
    public static QuantityBatchResult RefusedAsAWhole(AllocationError error) => new(false, [], [], null, error);

    public static QuantityBatchResult RefusedItems(IReadOnlyList<BatchRefusal> refused) => new(false, [], refused, null);
}
