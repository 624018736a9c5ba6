namespace LicenseAllocation.Application.Needs;

/// <summary>A unit's need in a plan: the number of computers it must protect, and optionally why it changes.</summary>
public sealed record StateNeed(int PlanId, int UnitId, int Computers, string? Reason = null);

/// <summary>Many needs stated as one change with one reason: all of them, or none.</summary>
public sealed record StateNeeds(int PlanId, string? Reason, IReadOnlyList<NeedItem> Items);

public sealed record NeedItem(int UnitId, int Computers);

/// <summary>A unit whose need a batch changes (or, in a preview, would change): from the figure stated before (none: null) to the new one.</summary>
public sealed record NeedChange(int UnitId, int? Old, int New);

/// <summary>A need that cannot be stated, and why.</summary>
public sealed record NeedRefusal(int UnitId, Domain.Allocations.AllocationError Error);

/// <summary>
/// The verdict on many needs: when <see cref="Applied"/>, <see cref="Changed"/> counts the units whose need changed;
/// otherwise <see cref="Refused"/> explains every refused item (or <see cref="Error"/> the batch as a whole) and
/// nothing was written. <see cref="Changes"/> lists, old → new, what was written (or, in a preview, would be).
/// </summary>
public sealed record NeedBatchResult(bool Applied, int Changed, IReadOnlyList<NeedRefusal> Refused, Domain.Allocations.AllocationError? Error = null)
{
    public IReadOnlyList<NeedChange> Changes { get; init; } = [];


    public static NeedBatchResult RefusedAsAWhole(Domain.Allocations.AllocationError error) => new(false, 0, [], error);
}
