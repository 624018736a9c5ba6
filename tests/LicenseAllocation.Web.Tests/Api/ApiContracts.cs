namespace LicenseAllocation.Web.Tests.Api;

internal sealed record PlanJson(int Id, string Name, int Year, int TotalLicenses, int Allocated, string Status);

internal sealed record UnitJson(int UnitId, int? ParentUnitId, string? Code, string Name, string Kind, int Quantity, int HandedOn, int Remaining, int Version);

internal sealed record ProblemJson(int Status, string? Title, string? Detail, string? Code, int? Limit, int? ParentRemaining);

internal sealed record UserJson(string Id, string UserName, string? Role, int? ScopeUnitId, string? ScopeUnitName, bool Disabled);

internal sealed record AuditEntryJson(
    long Id, long Sequence, int? PlanId, DateTimeOffset At, string Actor, string Action, int? UnitId, string? UnitName, int? Old, int? New, string Reason, Guid ChangeSetId, string? DocumentRef,
    string Hash = "");

internal sealed record AuditPageJson(AuditEntryJson[] Items, int Total, int Page, int PageSize);

internal sealed record AuditVerdictJson(
    bool Valid, long Checked, long? FirstBrokenId, long? FirstBrokenSequence, string? Problem, string HeadHash, string Message,
    long HeadSequence = 0, string Head = "", bool KeyedSealsChecked = false, bool? CheckpointHeld = null);

internal sealed record UnitHistoryEntryJson(long Id, DateTimeOffset At, string Actor, string Action, int? Old, int? New, int QuantityAfter, bool Continues, string Reason, Guid ChangeSetId, string? DocumentRef);

internal sealed record UnitHistoryJson(int PlanId, UnitJson Unit, string[] Ancestors, int TrailQuantity, bool Reconciles, UnitHistoryEntryJson[] Items);
internal sealed record PlanDocumentJson(string? Number, string? Date, string? Signer, string Issuer);

internal sealed record PlanDetailJson(
    int Id, string Name, int Year, string Status, int Version, int? AmendmentOf, int TotalLicenses, string? ProductName, string? Vendor,
    string? LicenceTermStart, string? LicenceTermEnd, PlanDocumentJson? Document, string? PublishedBy, string? AppendixSha256);

internal sealed record ComparisonItemJson(int UnitId, string? Code, string Name, int Quantity, int OtherQuantity, int Difference);

internal sealed record ComparisonJson(int PlanId, int OtherPlanId, int Total, int OtherTotal, ComparisonItemJson[] Items);
