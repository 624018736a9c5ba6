namespace LicenseAllocation.Domain.Allocations;

/// <summary>
/// One unit's place in one plan. <see cref="HandedOn"/> is kept on the node (not summed on demand) so that the
/// database can guard "children never exceed the parent" with a single conditional update of the parent row.
/// </summary>
public sealed class AllocationNode
{
    private AllocationNode(int planId, int unitId, int quantity)
    {
        PlanId = planId;
        UnitId = unitId;
        Quantity = quantity;
    }

    public long Id { get; private set; }

    public int PlanId { get; private set; }

    public int UnitId { get; private set; }

    /// <summary>What the unit receives from its parent.</summary>
    public int Quantity { get; private set; }

    /// <summary>What the unit has handed on to its children: always the sum of their quantities.</summary>
    public int HandedOn { get; private set; }

    /// <summary>Counts changes to <see cref="Quantity"/>; clients send it back to detect an edit they have not seen.</summary>
    public int Version { get; private set; }

    /// <summary>
    /// The unit's own decision over the level below it is published: its children's quantities and the list of its
    /// children are frozen (for the plan's root, its own total too). Checked by the conditional update of this row that
    /// every change of a child's quantity makes (see docs/decisions/0019-decisions-by-level.md).
    /// </summary>
    public bool LevelFrozen { get; private set; }

    /// <summary>
    /// The quantity the unit started this plan with when the plan was made from another (an amendment, a copy, a
    /// successor plan): the figure the plan's single PlanCreated row carried over. 0 for a plan loaded from its appendix,
    /// whose trail states every first figure itself. Never changes; the unit's trail in this plan starts from it.
    /// </summary>
    public int CarriedQuantity { get; private set; }

    public NodeFigures Figures => new(Quantity, HandedOn);

    public int Remaining => Quantity - HandedOn;

    public static AllocationNode Create(int planId, int unitId) => new(planId, unitId, 0);

    /// <summary>The same unit with the same figures in another plan (an amendment, a copy or a successor plan), carried as its starting figure.</summary>
    public static AllocationNode CopyFor(int planId, int unitId, int quantity, int handedOn, bool levelFrozen = false)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(handedOn);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(handedOn, quantity);
        return new(planId, unitId, quantity) { HandedOn = handedOn, LevelFrozen = levelFrozen, CarriedQuantity = quantity };
    }

    /// <summary>Applies a change already checked by <see cref="AllocationRules"/> (used where one process owns the whole tree).</summary>
    public void SetQuantity(int quantity)
    {
        if (quantity < HandedOn)
        {
            throw new InvalidOperationException("A node cannot hold less than it has handed on.");
        }

        Quantity = quantity;
        Version++;
    }

    public void AddHandedOn(int delta)
    {
        if (HandedOn + delta > Quantity || HandedOn + delta < 0)
        {
            throw new InvalidOperationException("Children cannot hold more than their parent.");
        }

        HandedOn += delta;
    }
}
