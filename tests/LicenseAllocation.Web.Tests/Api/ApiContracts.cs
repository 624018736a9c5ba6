namespace LicenseAllocation.Web.Tests.Api;

internal sealed record PlanJson(int Id, string Name, int Year, int TotalLicenses, int Allocated, string Status);

internal sealed record UnitJson(int UnitId, int? ParentUnitId, string? Code, string Name, string Kind, int Quantity, int HandedOn, int Remaining, int Version);

internal sealed record ProblemJson(int Status, string? Title, string? Detail, string? Code, int? Limit, int? ParentRemaining);

internal sealed record UserJson(string Id, string UserName, string? Role, int? ScopeUnitId, string? ScopeUnitName, bool Disabled);

internal sealed record PlanDocumentJson(string? Number, string? Date, string? Signer, string Issuer);

internal sealed record PlanDetailJson(
    int Id, string Name, int Year, string Status, int Version, int? AmendmentOf, int TotalLicenses, string? ProductName, string? Vendor,
    string? LicenceTermStart, string? LicenceTermEnd, PlanDocumentJson? Document, string? PublishedBy, string? AppendixSha256);

internal sealed record ComparisonItemJson(int UnitId, string? Code, string Name, int Quantity, int OtherQuantity, int Difference);

internal sealed record ComparisonJson(int PlanId, int OtherPlanId, int Total, int OtherTotal, ComparisonItemJson[] Items);
