namespace LicenseAllocation.Domain.Allocations;

/// <summary>The three figures of a node: what it received, what it has handed on, and what remains.</summary>
public readonly record struct NodeFigures(int Quantity, int HandedOn)
{
    public int Remaining => Quantity - HandedOn;
}
