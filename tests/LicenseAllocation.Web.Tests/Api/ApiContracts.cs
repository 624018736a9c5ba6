namespace LicenseAllocation.Web.Tests.Api;

internal sealed record PlanJson(int Id, string Name, int Year, int TotalLicenses, int Allocated, string Status);

internal sealed record UnitJson(int UnitId, int? ParentUnitId, string? Code, string Name, string Kind, int Quantity, int HandedOn, int Remaining, int Version);

internal sealed record ProblemJson(int Status, string? Title, string? Detail, string? Code, int? Limit, int? ParentRemaining);

internal sealed record UserJson(string Id, string UserName, string? Role, int? ScopeUnitId, string? ScopeUnitName, bool Disabled);
