namespace LicenseAllocation.Web.Components.Allocation;

/// <summary>What the inline editor sends: the new quantity, the reason, and the official letter if one was named.</summary>
public sealed record QuantityEdit(int Quantity, string Reason, string? DocumentRef = null);
