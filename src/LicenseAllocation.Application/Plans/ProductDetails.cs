namespace LicenseAllocation.Application.Plans;

/// <summary>The product a plan's licences are for, once the tender has chosen it: its name, vendor and licence term.</summary>
public sealed record ProductDetails(int PlanId, string? ProductName, string? Vendor, DateOnly? LicenceTermStart, DateOnly? LicenceTermEnd);
