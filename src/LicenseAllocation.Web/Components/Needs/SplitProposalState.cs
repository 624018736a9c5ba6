using System.Globalization;
using LicenseAllocation.Application.Allocations.Batches;
using LicenseAllocation.Application.Needs;

namespace LicenseAllocation.Web.Components.Needs;

/// <summary>
/// A split proposal as the officer edits it: the suggested figures to start from, each replaceable by a typed one, and
/// the batch that applies them (only the children whose figure differs from what they hold).
/// </summary>
public sealed class SplitProposalState(SplitProposal proposal)
{
    private readonly Dictionary<int, string> _typed = [];

    public SplitProposal Proposal { get; } = proposal;

    public string Text(int unitId) =>
        _typed.TryGetValue(unitId, out var typed) ? typed : Proposal.Items.Single(i => i.UnitId == unitId).Suggested.ToString(CultureInfo.InvariantCulture);

    public void Type(int unitId, string? text) => _typed[unitId] = text ?? string.Empty;

    /// <summary>The figure for a child, or null while what is typed is not a whole number from 0.</summary>
    public int? Figure(int unitId) =>
        int.TryParse(Text(unitId).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary>The sum of the figures, or null while one of them is not a number.</summary>
    public int? Total
    {
        get
        {
            var figures = Proposal.Items.Select(i => Figure(i.UnitId)).ToList();
            return figures.Any(f => f is null) ? null : figures.Sum(f => f!.Value);
        }
    }

    /// <summary>The batch for the figures; null while one is not a number.</summary>
    public QuantityBatch? ToBatch(string? reason)
    {
        if (Total is null)
        {
            return null;
        }

        var items = Proposal.Items.Where(i => Figure(i.UnitId) != i.Current).Select(i => new QuantityBatchItem(i.UnitId, Figure(i.UnitId)!.Value)).ToList();
        return new QuantityBatch(Proposal.PlanId, reason, items);
    }
}
