namespace LicenseAllocation.Web.Components.Allocation;

public sealed record QuantityEdit(int Quantity, string Reason);
