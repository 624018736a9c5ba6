using LicenseAllocation.Domain.Allocations;

namespace LicenseAllocation.Application.Allocations.Batches;

/// <summary>
/// Many quantities saved as one change with one reason, and optionally under one official letter
/// (<paramref name="DocumentRef"/>): all are applied, or none.
/// </summary>
public sealed record QuantityBatch(int PlanId, string? Reason, IReadOnlyList<QuantityBatchItem> Items, string? DocumentRef = null);

public sealed record QuantityBatchItem(int UnitId, int Quantity);

/// <summary>A unit whose quantity the batch changes (or, in a preview, would change): from what it holds to what was asked.</summary>
public sealed record QuantityBatchChange(int UnitId, int OldQuantity, int NewQuantity);

/// <summary>An item that cannot be applied, and why (with the numbers, as for a single change).</summary>
public sealed record BatchRefusal(int UnitId, AllocationError Error);

/// <summary>
/// The verdict on a batch: when <see cref="Applied"/>, <see cref="Changed"/> holds the new figures of every changed unit
/// and <see cref="ChangeSetId"/> groups their audit rows; otherwise <see cref="Refused"/> explains every refused item
/// and nothing was written. <see cref="Error"/> is set when the batch as a whole is refused before any item is looked at
/// (no reason, a caller who may not edit, an unknown plan, a published one).
/// <see cref="Changes"/> lists every unit whose quantity differs from what it holds, old → new: what was written when
/// applied, what would be written in a preview (there also beside the refusals, for the items that passed their own checks).
/// </summary>
public sealed record QuantityBatchResult(
    bool Applied, IReadOnlyList<UnitNodeView> Changed, IReadOnlyList<BatchRefusal> Refused, Guid? ChangeSetId, AllocationError? Error = null)
{
    public IReadOnlyList<QuantityBatchChange> Changes { get; init; } = [];

    /// <summary>True when nothing was refused: the batch was applied, or (in a preview) it would be.</summary>
    public bool IsAcceptable => Error is null && Refused.Count == 0;

    public static QuantityBatchResult RefusedAsAWhole(AllocationError error) => new(false, [], [], null, error);

    public static QuantityBatchResult RefusedItems(IReadOnlyList<BatchRefusal> refused) => new(false, [], refused, null);
}
