using LicenseAllocation.Domain.Plans;

namespace LicenseAllocation.Application.Plans;

/// <summary>
/// A plan with its headline figures: the total is its root's quantity, allocated is what the root has handed on. Its
/// place among its versions (<see cref="Version"/>, <see cref="AmendmentOfId"/>), the product once announced, who
/// published it and when, and the SHA-256 of its frozen appendix once published.
/// </summary>
public sealed record PlanSummary(
    int Id,
    string Name,
    int Year,
    string? ProductName,
    PlanStatus Status,
    OfficialDocument? Document,
    int RootUnitId,
    int TotalLicenses,
    int Allocated,
    int Version = 1,
    int? AmendmentOfId = null,
    string? Vendor = null,
    DateOnly? LicenceTermStart = null,
    DateOnly? LicenceTermEnd = null,
    DateTime? PublishedAtUtc = null,
    string? PublishedBy = null,
    string? AppendixSha256 = null,
    int? PendingAmendmentId = null)
{
    public int Remaining => TotalLicenses - Allocated;

    /// <summary>Published or superseded: the province's letter is issued, its appendix frozen.</summary>
    public bool IsLocked => Status != PlanStatus.Draft;

    /// <summary>
    /// The plan takes the changes its published decisions leave open: a draft, or the plan in force with no amendment
    /// under way (docs/decisions/0019-decisions-by-level.md).
    /// </summary>
    public bool IsOpen => Status == PlanStatus.Draft || (Status == PlanStatus.Published && PendingAmendmentId is null);
}
