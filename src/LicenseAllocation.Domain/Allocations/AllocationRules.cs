namespace LicenseAllocation.Domain.Allocations;

/// <summary>
/// The allocation rules as pure functions. Every write path asks these first so that a refusal can quote the numbers;
/// the database then re-checks the same rule atomically (see the application's quantity service), because figures read
/// a moment ago may already be stale under concurrent edits.
/// </summary>
public static class AllocationRules
{
    public static AllocationError? CheckQuantityChange(NodeFigures node, NodeFigures? parent, int newQuantity)
    {
        if (newQuantity < 0)
        {
            return AllocationError.InvalidQuantity(newQuantity);
        }

        if (newQuantity < node.HandedOn)
        {
            return AllocationError.BelowHandedOn(newQuantity, node.HandedOn);
        }

        var increase = newQuantity - node.Quantity;
        if (parent is { } p && increase > p.Remaining)
        {
            return AllocationError.ExceedsParent(newQuantity, node.Quantity + p.Remaining, p.Remaining);
        }

        return null;
    }

    /// <summary>An inactive unit holds 0: it may be brought down to 0 (or kept there) but receives nothing.</summary>
    public static AllocationError? CheckUnitActivity(bool isActive, int newQuantity) =>
        !isActive && newQuantity > 0 ? AllocationError.UnitInactive(newQuantity) : null;

    /// <summary>A unit is deactivated only once it holds 0 in every draft plan: <paramref name="held"/> is what it holds there.</summary>
    public static AllocationError? CheckDeactivation(int held) =>
        held > 0 ? AllocationError.UnitNotEmpty(held) : null;
}
