using LicenseAllocation.Application.Allocations;

namespace LicenseAllocation.Application.Auditing;

/// <summary>
/// Every audit row of one unit in one plan, oldest first, with the quantity the unit held after each. The running
/// figure is rebuilt from the trail alone (each change's difference added to what came before, from 0), so that it can be
/// held against the figure stored on the unit: <see cref="Reconciles"/> says whether the trail accounts for it exactly.
/// In a plan made from another (an amendment, a copy, a successor plan) the plan's one PlanCreated row for the copy heads
/// the history, with the figure the unit was carried with, and the changes continue from that figure.
/// </summary>
public sealed record UnitHistory(int PlanId, string PlanName, UnitNodeView Unit, IReadOnlyList<string> Ancestors, IReadOnlyList<UnitHistoryRow> Rows)
{
    /// <summary>The quantity the trail arrives at after its last row.</summary>
    public int TrailQuantity => Rows.Count == 0 ? 0 : Rows[^1].QuantityAfter;

    /// <summary>Every change starts from the figure the one before left, and the last one ends at the stored quantity.</summary>
    public bool Reconciles => TrailQuantity == Unit.Quantity && Rows.All(r => r.Continues);
}

/// <param name="Entry">The audit row.</param>
/// <param name="QuantityAfter">The unit's quantity after this row, by the trail.</param>
/// <param name="Continues">False when a quantity change does not start from the figure the trail had reached.</param>
public sealed record UnitHistoryRow(AuditRow Entry, int QuantityAfter, bool Continues);
