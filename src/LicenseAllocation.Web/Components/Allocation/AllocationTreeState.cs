using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Allocations;
using LicenseAllocation.Application.Common;
using LicenseAllocation.Application.Deployments;

namespace LicenseAllocation.Web.Components.Allocation;

/// <summary>
/// The lines of the allocation tree a reader has open, loaded a level at a time: only what is open is held, so a tree
/// of 20,000 units costs the circuit the few dozen lines in view. With a filter the lines are the matches and the
/// paths to them. The component renders <see cref="Items"/> through <c>Virtualize</c>; this class holds no markup.
/// When the plan has a console report, the lines read come with their subtree's band, asked for in one call per level
/// read (<see cref="DeploymentTreeBands"/>), never per row.
/// </summary>
public sealed class AllocationTreeState(TreeBrowsing browsing, Caller caller, int planId, DeploymentTreeBands? bands = null)
{
    /// <summary>At most this many matches are shown with their paths; the count says how many there are in all.</summary>
    public const int MatchLimit = 500;

    private readonly List<TreeItem> _items = [];

    public IReadOnlyList<TreeItem> Items => _items;

    /// <summary>The same lines as <see cref="Items"/>, in the collection type <c>Virtualize</c> takes.</summary>
    internal ICollection<TreeItem> Lines => _items;

    public TreeFilter Filter { get; private set; } = new();

    /// <summary>Matches of the current filter in all (more than are shown when <see cref="Truncated"/>).</summary>
    public int MatchCount { get; private set; }

    public bool Truncated { get; private set; }

    /// <summary>The unit whose quantity is being edited, if any.</summary>
    public int? EditingUnitId { get; private set; }

    /// <summary>The unit last found or edited: highlighted, and scrolled to when it is revealed.</summary>
    public int? FocusedUnitId { get; private set; }

    /// <summary>The day of the plan's latest console report whose bands the lines show; null when there is none.</summary>
    public DateOnly? BandsTakenOn { get; private set; }

    /// <summary>The province (or the caller's own unit) and the level under it, as the tree opens.</summary>
    public async Task<Outcome<bool>> LoadAsync()
    {
        var top = await browsing.GetTopAsync(caller, planId);
        if (!top.Succeeded)
        {
            return top.Error;
        }

        Filter = new TreeFilter();
        (MatchCount, Truncated) = (0, false);
        ReplaceAll(top.Value.Select(TreeItem.From));
        if (_items.Count > 0)
        {
            _items[0].IsExpanded = true;
        }

        _noReport = false;
        await FillBandsAsync(_items);
        return true;
    }

    public async Task<Outcome<bool>> ToggleAsync(int unitId)
    {
        var index = IndexOf(unitId);
        if (index < 0 || !_items[index].HasChildren)
        {
            return true;
        }

        var item = _items[index];
        if (item.IsExpanded)
        {
            RemoveBelow(index);
            item.IsExpanded = false;
            return true;
        }

        var children = await browsing.GetChildrenAsync(caller, planId, unitId, item.Depth + 1);
        if (!children.Succeeded)
        {
            return children.Error;
        }

        var opened = children.Value.Select(TreeItem.From).ToList();
        _items.InsertRange(index + 1, opened);
        item.IsExpanded = true;
        await FillBandsAsync(opened);
        return true;
    }

    /// <summary>Every unit open: the whole tree is read once and rendered a window at a time.</summary>
    public async Task<Outcome<bool>> ExpandAllAsync()
    {
        var everything = await browsing.SearchAsync(caller, planId, new TreeFilter(), int.MaxValue);
        if (!everything.Succeeded)
        {
            return everything.Error;
        }

        Filter = new TreeFilter();
        (MatchCount, Truncated) = (0, false);
        ReplaceAll(everything.Value.Rows.Select(TreeItem.From));
        foreach (var item in _items)
        {
            item.IsExpanded = item.HasChildren;
        }

        await FillBandsAsync(_items);
        return true;
    }

    public Task<Outcome<bool>> CollapseAllAsync() => LoadAsync();

    /// <summary>Shows the units answering <paramref name="filter"/> with their paths open; an empty filter goes back to the tree.</summary>
    public async Task<Outcome<bool>> ApplyFilterAsync(TreeFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        if (filter.IsEmpty)
        {
            var focused = FocusedUnitId;
            var loaded = await LoadAsync();
            return loaded.Succeeded && focused is { } unitId ? await RevealAsync(unitId) : loaded;
        }

        var result = await browsing.SearchAsync(caller, planId, filter, MatchLimit);
        if (!result.Succeeded)
        {
            return result.Error;
        }

        Filter = filter;
        (MatchCount, Truncated) = (result.Value.MatchCount, result.Value.Truncated);
        ReplaceAll(result.Value.Rows.Select(TreeItem.From));
        var parentsShown = _items.Select(i => i.Node.ParentUnitId).OfType<int>().ToHashSet();
        foreach (var item in _items)
        {
            item.IsMatch = result.Value.Matches.Contains(item.UnitId);
            item.IsExpanded = parentsShown.Contains(item.UnitId);
        }

        FocusedUnitId = result.Value.Matches.Count == 1 ? result.Value.Matches.Single() : FocusedUnitId;
        await FillBandsAsync(_items);
        return true;
    }

    /// <summary>Back in the unfiltered tree, opens the path to a unit and focuses it.</summary>
    public async Task<Outcome<bool>> RevealAsync(int unitId)
    {
        if (!Filter.IsEmpty)
        {
            var loaded = await LoadAsync();
            if (!loaded.Succeeded)
            {
                return loaded;
            }
        }

        var path = await browsing.GetAncestorsAsync(caller, planId, unitId);
        if (!path.Succeeded)
        {
            return path.Error;
        }

        // Open each ancestor from the top down; each opening loads one level.
        foreach (var ancestor in path.Value)
        {
            var index = IndexOf(ancestor);
            if (index >= 0 && !_items[index].IsExpanded)
            {
                var opened = await ToggleAsync(ancestor);
                if (!opened.Succeeded)
                {
                    return opened;
                }
            }
        }

        FocusedUnitId = IndexOf(unitId) >= 0 ? unitId : null;
        return true;
    }

    public int IndexOf(int unitId) => _items.FindIndex(i => i.UnitId == unitId && !i.IsEditor);

    public TreeItem? Find(int unitId) => IndexOf(unitId) is var index and >= 0 ? _items[index] : null;

    public void BeginEdit(int unitId)
    {
        CancelEdit();
        var index = IndexOf(unitId);
        if (index < 0)
        {
            return;
        }

        var item = _items[index];
        _items.Insert(index + 1, new TreeItem(item.Node, item.Depth, 0, isEditor: true));
        (EditingUnitId, FocusedUnitId) = (unitId, unitId);
    }

    public void CancelEdit()
    {
        _items.RemoveAll(i => i.IsEditor);
        EditingUnitId = null;
    }

    /// <summary>What is left to hand on at the unit's parent, for the editor's "at most" hint; null at the top.</summary>
    public int? ParentRemaining(UnitNodeView node) => node.ParentUnitId is { } parent ? Find(parent)?.Node.Remaining : null;

    /// <summary>After an accepted change: the unit and every ancestor shown get their new figures.</summary>
    /// <summary>
    /// Closes the editor and puts the saved figures on the changed row at once, before its ancestors are read again by
    /// <see cref="RefreshAfterChangeAsync"/>: the official sees the new figure one database read sooner.
    /// </summary>
    public void ShowSaved(UnitNodeView changed)
    {
        ArgumentNullException.ThrowIfNull(changed);
        CancelEdit();
        if (Find(changed.UnitId) is { } item)
        {
            item.Node = changed;
        }

        FocusedUnitId = changed.UnitId;
    }

    public async Task<Outcome<bool>> RefreshAfterChangeAsync(UnitNodeView changed)
    {
        ArgumentNullException.ThrowIfNull(changed);
        CancelEdit();
        var ids = new List<int> { changed.UnitId };
        for (var parent = changed.ParentUnitId; parent is { } id && Find(id) is { } item; parent = item.Node.ParentUnitId)
        {
            ids.Add(id);
        }

        var fresh = await browsing.GetNodesAsync(caller, planId, ids);
        if (!fresh.Succeeded)
        {
            return fresh.Error;
        }

        foreach (var node in fresh.Value)
        {
            if (Find(node.UnitId) is { } item)
            {
                item.Node = node;
            }
        }

        FocusedUnitId = changed.UnitId;
        await FillBandsAsync([.. ids.Select(Find).OfType<TreeItem>()]);
        return true;
    }

    // Set when the plan turned out to have no console report: the levels opened after it do not ask again until the
    // tree is loaded anew.
    private bool _noReport;

    /// <summary>
    /// The bands of <paramref name="lines"/> in one call. The bands are an addition to the tree: when they cannot be
    /// read (a refusal), the lines are shown without them.
    /// </summary>
    private async Task FillBandsAsync(List<TreeItem> lines)
    {
        if (bands is null || _noReport || lines.Count == 0)
        {
            return;
        }

        var result = await bands.GetAsync(caller, planId, [.. lines.Where(l => !l.IsEditor).Select(l => l.UnitId)]);
        if (!result.Succeeded)
        {
            return;
        }

        if (result.Value is not { } view)
        {
            (_noReport, BandsTakenOn) = (true, null);
            return;
        }

        BandsTakenOn = view.TakenOn;
        foreach (var line in lines)
        {
            line.Band = view.Units.GetValueOrDefault(line.UnitId);
        }
    }

    private void ReplaceAll(IEnumerable<TreeItem> items)
    {
        EditingUnitId = null;
        _items.Clear();
        _items.AddRange(items);
    }

    private void RemoveBelow(int index)
    {
        var depth = _items[index].Depth;
        var end = index + 1;
        var unitId = _items[index].UnitId;
        while (end < _items.Count && (_items[end].Depth > depth || (_items[end].IsEditor && _items[end].UnitId == unitId)))
        {
            end++;
        }

        if (_items.Skip(index + 1).Take(end - index - 1).Any(i => i.IsEditor))
        {
            EditingUnitId = null;
        }

        _items.RemoveRange(index + 1, end - index - 1);
    }
}
