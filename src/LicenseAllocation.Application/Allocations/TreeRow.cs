namespace LicenseAllocation.Application.Allocations;

/// <summary>A node in tree order: its depth below the plan's root and how many children it has.</summary>
public sealed record TreeRow(UnitNodeView Node, int Depth, int ChildCount);
