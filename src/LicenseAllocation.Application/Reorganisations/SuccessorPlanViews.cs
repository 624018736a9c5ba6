using LicenseAllocation.Application.Plans;

namespace LicenseAllocation.Application.Reorganisations;

/// <summary>
/// Make a draft plan on the structure a reorganisation created, from the figures of <paramref name="PlanId"/>.
/// <paramref name="Confirm"/> settles links: for each old unit named there, its links are exactly those entries (a null
/// new unit means none: what it holds is not placed). <paramref name="AcceptUnconfirmed"/> applies every unconfirmed link
/// as recorded.
/// </summary>
public sealed record CreateSuccessorPlan(
    int PlanId, int ReorganisationId, string? Name, int Year, string? Reason, IReadOnlyList<LinkChoice> Confirm, bool AcceptUnconfirmed);

/// <summary>The administrator's choice for one old unit: this new unit takes it (with a share when split), or none.</summary>
public sealed record LinkChoice(int OldUnitId, int? NewUnitId, decimal? Share);

/// <summary>What a new unit starts with, and from which old units.</summary>
public sealed record CarriedUnit(int UnitId, string Name, int Quantity, IReadOnlyList<CarriedFrom> From);

public sealed record CarriedFrom(int UnitId, string Name, int Quantity);

/// <summary>An old unit's holding that no new unit takes ("chưa có đơn vị tiếp nhận"): it stays with the province as remaining.</summary>
public sealed record NotPlacedUnit(int UnitId, string Name, int Quantity);

/// <summary>A recorded link the law leaves open, not yet confirmed or changed, with what the old unit holds.</summary>
public sealed record UnconfirmedLink(int OldUnitId, string OldName, int NewUnitId, string NewName, int Quantity);

/// <summary>
/// The preview (or the result) of a successor plan. Reconciliation: <see cref="OldTotal"/> = carried + not placed =
/// <see cref="NewTotal"/>, the new plan's total.
/// </summary>
public sealed record SuccessorPlanResult(
    PlanSummary? Plan,
    IReadOnlyList<CarriedUnit> Carried,
    IReadOnlyList<NotPlacedUnit> NotPlaced,
    IReadOnlyList<UnconfirmedLink> Unconfirmed,
    int OldTotal,
    int NewTotal)
{
    public int CarriedTotal => Carried.Sum(c => c.Quantity);

    public int NotPlacedTotal => NotPlaced.Sum(n => n.Quantity);
}
