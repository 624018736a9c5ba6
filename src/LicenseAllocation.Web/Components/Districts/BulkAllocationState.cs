using System.Globalization;
using LicenseAllocation.Application.Allocations;
using LicenseAllocation.Application.Allocations.Batches;
using LicenseAllocation.Application.Districts;
using LicenseAllocation.Web.Localization;

namespace LicenseAllocation.Web.Components.Districts;

/// <summary>
/// The figures an officer is typing for every active unit below one allocating unit at once: a district officer for
/// the district's agencies and communes, the province for the 12 districts' shares of their group. All drafts live here, not in
/// the rows, so a row that scrolls out of view (and is no longer rendered) keeps what was typed into it. The running
/// figures start from the service's handed-on and remaining and only add what the drafts change.
/// </summary>
public sealed class BulkAllocationState
{
    private readonly DistrictWorkspace _workspace;
    private readonly Dictionary<int, int> _saved;
    private readonly Dictionary<int, int> _drafts;
    private readonly HashSet<int> _directChildren;
    private readonly HashSet<int> _blank = [];
    private Dictionary<int, string> _refusals = [];

    public BulkAllocationState(DistrictWorkspace workspace)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        _workspace = workspace;
        _saved = workspace.Units.Where(u => u.Node.IsActive).ToDictionary(u => u.Node.UnitId, u => u.Node.Quantity);
        _drafts = new Dictionary<int, int>(_saved);
        _directChildren = workspace.Units.Where(u => u.Node.ParentUnitId == workspace.District.UnitId).Select(u => u.Node.UnitId).ToHashSet();
    }

    public string? Reason { get; set; }

    public string? DocumentRef { get; set; }

    /// <summary>The district's quota from the province, as the service reported it.</summary>
    public int Quota => _workspace.District.Quantity;

    /// <summary>What the district's own units would hold together once the drafts are saved.</summary>
    public int HandedOnAfterSaving => _workspace.District.HandedOn + ChangeToDistrict;

    public int RemainingAfterSaving => _workspace.District.Remaining - ChangeToDistrict;

    /// <summary>How far the drafts go beyond the quota; 0 while they fit.</summary>
    public int Excess => Math.Max(0, -RemainingAfterSaving);

    public bool IsOverQuota => Excess > 0;

    /// <summary>True once a typed figure differs from what is saved: leaving the page would lose it.</summary>
    public bool HasChanges => _drafts.Any(d => d.Value != _saved[d.Key]);

    /// <summary>Why the service refused each unit's figure at the last save, in the reader's language.</summary>
    public IReadOnlyDictionary<int, string> Refusals => _refusals;

    public bool IsEditable(int unitId) => _drafts.ContainsKey(unitId);

    public int DraftOf(int unitId) => _drafts.TryGetValue(unitId, out var draft) ? draft : 0;

    /// <summary>The draft as its input shows it: a cleared input stays empty while it counts as 0.</summary>
    public string DraftText(int unitId) => _blank.Contains(unitId) ? string.Empty : DraftOf(unitId).ToString(CultureInfo.InvariantCulture);

    public void SetDraft(int unitId, int quantity)
    {
        if (_drafts.ContainsKey(unitId))
        {
            _drafts[unitId] = Math.Max(0, quantity);
            _blank.Remove(unitId);
        }
    }

    /// <summary>What was typed into a number input: digits, or nothing while the reader clears it to type anew.</summary>
    public void SetDraft(int unitId, string? typed)
    {
        if (string.IsNullOrWhiteSpace(typed))
        {
            SetDraft(unitId, 0);
            _blank.Add(unitId);
        }
        else if (int.TryParse(typed, NumberStyles.Integer, CultureInfo.InvariantCulture, out var quantity))
        {
            SetDraft(unitId, quantity);
        }
    }

    /// <summary>Only the figures that differ from what is saved: the service leaves the others alone anyway.</summary>
    public QuantityBatch ToBatch(int planId) =>
        new(planId, Reason, _drafts.Where(d => d.Value != _saved[d.Key]).Select(d => new QuantityBatchItem(d.Key, d.Value)).ToList(), DocumentRef);

    public void Refused(QuantityBatchResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        _refusals = result.Refused.GroupBy(r => r.UnitId).ToDictionary(g => g.Key, g => Ui.Refusal(g.First().Error));
    }

    /// <summary>The allocating unit as it would stand once the drafts are saved, for the figures card above the list.</summary>
    public UnitNodeView Preview => _workspace.District with { HandedOn = HandedOnAfterSaving };

    /// <summary>How far the allocating unit would be allocated once the drafts are saved, for its chip.</summary>
    public AllocationStatus Status => AllocationStatuses.Of(Quota, HandedOnAfterSaving, hasChildren: true);

    /// <summary>A row's chip while drafts are typed: a unit with nothing below it by its draft, one with units by what it has handed on.</summary>
    public AllocationStatus StatusOf(WorkspaceRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var quantity = IsEditable(row.Node.UnitId) ? DraftOf(row.Node.UnitId) : row.Node.Quantity;
        return AllocationStatuses.Of(quantity, row.Node.HandedOn, row.ChildCount > 0);
    }

    /// <summary>A row's subtree figure while drafts are typed: a unit with nothing below it holds its draft.</summary>
    public int SubtreeOf(WorkspaceRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return row.ChildCount == 0 && IsEditable(row.Node.UnitId) ? DraftOf(row.Node.UnitId) : row.SubtreeQuantity;
    }

    /// <summary>Forgets the refusals of the last save, when the save is refused as a whole before it is sent.</summary>
    public void ClearRefusals() => _refusals = [];

    public string NameOf(int unitId) => _workspace.Units.FirstOrDefault(u => u.Node.UnitId == unitId)?.Node.Name ?? string.Empty;

    private int ChangeToDistrict => _directChildren.Where(_drafts.ContainsKey).Sum(id => _drafts[id] - _saved[id]);
}
