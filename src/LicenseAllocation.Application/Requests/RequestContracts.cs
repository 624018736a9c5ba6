using LicenseAllocation.Domain.Requests;

namespace LicenseAllocation.Application.Requests;

/// <summary>A unit's officer asks for <paramref name="Quantity"/> more licences for the unit, saying why.</summary>
public sealed record SubmitRequest(int PlanId, int UnitId, int Quantity, string? Justification);

/// <summary>
/// The decider grants <paramref name="ApprovedQuantity"/> (all, part or none) with a comment (required for less than asked),
/// taken from the parent's remaining quantity or, when <paramref name="SourceUnitId"/> names a sibling, moved from it.
/// </summary>
public sealed record DecideRequest(long RequestId, int ApprovedQuantity, string? Comment, int? SourceUnitId = null);

/// <summary>Which requests of a plan to list: all the caller may see, narrowed by status, unit, own, or those waiting for the caller's decision.</summary>
public sealed record RequestFilter(RequestStatus? Status = null, int? UnitId = null, bool Mine = false, bool ToDecide = false);

/// <summary>The unit's figures as they stood when it asked.</summary>
public sealed record RequestFigures(int Quantity, int HandedOn, int OwnShare);

/// <summary>A request as a reader sees it, with what the caller may do with it now.</summary>
public sealed record RequestView(
    long Id,
    int PlanId,
    int UnitId,
    string UnitName,
    int Requested,
    int? Approved,
    int? Posted,
    RequestStatus Status,
    string Justification,
    string RequestedBy,
    DateTime RequestedAtUtc,
    string? DecidedBy,
    DateTime? DecidedAtUtc,
    string? Comment,
    int? SourceUnitId,
    string? SourceUnitName,
    RequestFigures FiguresAtRequest,
    Guid? ChangeSetId,
    bool CanDecide,
    bool CanWithdraw);

public sealed record RequestPage(IReadOnlyList<RequestView> Items, int Total, int Page, int PageSize);
