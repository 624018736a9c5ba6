namespace LicenseAllocation.Application.Districts;

/// <summary>
/// How far a unit's share is allocated. A unit with units under it is judged by what it has handed on; a unit at the
/// bottom of the tree by whether it has received anything.
/// </summary>
public enum AllocationStatus
{
    NotAllocated,
    PartlyAllocated,
    FullyAllocated,
}

public static class AllocationStatuses
{
    public static AllocationStatus Of(int quantity, int handedOn, bool hasChildren)
    {
        if (!hasChildren)
        {
            return quantity == 0 ? AllocationStatus.NotAllocated : AllocationStatus.FullyAllocated;
        }

        if (handedOn == 0)
        {
            return AllocationStatus.NotAllocated;
        }

        return handedOn < quantity ? AllocationStatus.PartlyAllocated : AllocationStatus.FullyAllocated;
    }
}
