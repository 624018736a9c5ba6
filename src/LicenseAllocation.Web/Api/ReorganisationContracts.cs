using LicenseAllocation.Application.Reorganisations;

namespace LicenseAllocation.Web.Api;

/// <summary>A reorganisation as listed: its new units and its links new ← old counted.</summary>
public sealed record ReorganisationDto(int Id, string Name, DateOnly EffectiveFrom, string LegalBasis, int NewUnits, int Links)
{
    internal static ReorganisationDto From(ReorganisationSummary r) => new(r.Id, r.Name, r.EffectiveFrom, r.LegalBasis, r.NewUnits, r.Links);
}

/// <summary>A reorganisation with every new unit and the old units it was formed from.</summary>
public sealed record ReorganisationDetailsDto(
    int Id, string Name, DateOnly EffectiveFrom, string LegalBasis, int NewUnits, int Links, IReadOnlyList<ReorganisationUnitDto> Units)
{
    internal static ReorganisationDetailsDto From(ReorganisationDetails d) =>
        new(d.Summary.Id, d.Summary.Name, d.Summary.EffectiveFrom, d.Summary.LegalBasis, d.Summary.NewUnits, d.Summary.Links,
        [
            .. d.Units.Select(u => new ReorganisationUnitDto(u.UnitId, u.Code, u.Name, u.Kind.ToString(), u.AgencyCode,
                [.. u.FormedFrom.Select(f => new FormedFromDto(f.UnitId, f.Code, f.Name, f.Share, f.Partial, f.Confirmed))])),
        ]);
}

public sealed record ReorganisationUnitDto(int UnitId, string? Code, string Name, string Kind, string? AgencyCode, IReadOnlyList<FormedFromDto> FormedFrom);

/// <summary>One old unit: <c>unitId</c> is null for a predecessor the portal never held; <c>share</c> null means equal parts.</summary>
public sealed record FormedFromDto(int? UnitId, string? Code, string Name, decimal? Share, bool Partial, bool Confirmed);

/// <summary>The body of <c>POST /api/v1/plans/{planId}/successors</c>.</summary>
public sealed record SuccessorPlanRequest(
    int? ReorganisationId, string? Name, int? Year, string? Reason, IReadOnlyList<LinkChoiceRequest>? Confirm, bool? AcceptUnconfirmed);

/// <summary>Settles one old unit: <c>newUnitId</c> takes it (with <c>share</c> when split); a null <c>newUnitId</c> places it nowhere.</summary>
public sealed record LinkChoiceRequest(int OldUnitId, int? NewUnitId, decimal? Share);

/// <summary>The successor plan (null on a dry run) with where every figure comes from and the reconciliation.</summary>
public sealed record SuccessorPlanDto(
    PlanDto? Plan,
    IReadOnlyList<CarriedUnit> Carried,
    IReadOnlyList<NotPlacedUnit> NotPlaced,
    IReadOnlyList<UnconfirmedLink> Unconfirmed,
    int OldTotal,
    int NewTotal,
    int CarriedTotal,
    int NotPlacedTotal)
{
    internal static SuccessorPlanDto From(SuccessorPlanResult r) =>
        new(r.Plan is null ? null : PlanDto.From(r.Plan), r.Carried, r.NotPlaced, r.Unconfirmed, r.OldTotal, r.NewTotal, r.CarriedTotal, r.NotPlacedTotal);
}
