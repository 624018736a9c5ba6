using LicenseAllocation.Application.Common;
using LicenseAllocation.Application.Requests;

namespace LicenseAllocation.Web.Api;

/// <summary>A request for <c>quantity</c> more licences for <c>unitId</c>, with the reason the unit needs them.</summary>
public sealed record SubmitRequestBody(int UnitId, int Quantity, string? Justification);

/// <summary>The decision: <c>approvedQuantity</c> from 0 (rejected) to the requested number, a comment (required below it), optionally a sibling as the source.</summary>
public sealed record DecisionBody(int ApprovedQuantity, string? Comment, int? SourceUnitId);

/// <summary>The unit's figures when it asked: its quantity, what it had handed on and what it kept for itself.</summary>
public sealed record RequestFiguresDto(int Quantity, int HandedOn, int OwnShare);

/// <summary>
/// A request with its three quantities: <c>requested</c>, <c>approved</c> and <c>posted</c> (always equal to approved once
/// decided). Times are in Vietnam time with their offset (+07:00).
/// </summary>
public sealed record RequestDto(
    long Id,
    int PlanId,
    int UnitId,
    string UnitName,
    int Requested,
    int? Approved,
    int? Posted,
    string Status,
    string Justification,
    string RequestedBy,
    DateTimeOffset RequestedAt,
    string? DecidedBy,
    DateTimeOffset? DecidedAt,
    string? Comment,
    int? SourceUnitId,
    string? SourceUnitName,
    RequestFiguresDto FiguresAtRequest,
    Guid? ChangeSetId,
    bool CanDecide,
    bool CanWithdraw)
{
    internal static RequestDto From(RequestView view) => new(
        view.Id,
        view.PlanId,
        view.UnitId,
        view.UnitName,
        view.Requested,
        view.Approved,
        view.Posted,
        view.Status.ToString(),
        view.Justification,
        view.RequestedBy,
        VietnamTime.FromUtc(view.RequestedAtUtc),
        view.DecidedBy,
        view.DecidedAtUtc is { } decided ? VietnamTime.FromUtc(decided) : null,
        view.Comment,
        view.SourceUnitId,
        view.SourceUnitName,
        new RequestFiguresDto(view.FiguresAtRequest.Quantity, view.FiguresAtRequest.HandedOn, view.FiguresAtRequest.OwnShare),
        view.ChangeSetId,
        view.CanDecide,
        view.CanWithdraw);
}

public sealed record RequestPageDto(IReadOnlyList<RequestDto> Items, int Total, int Page, int PageSize)
{
    internal static RequestPageDto From(RequestPage page) => new([.. page.Items.Select(RequestDto.From)], page.Total, page.Page, page.PageSize);
}
