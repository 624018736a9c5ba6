using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Allocations;
using LicenseAllocation.Application.Deployments;
using LicenseAllocation.Web.Components.Controls;
using LicenseAllocation.Web.Localization;
using LicenseAllocation.Web.Resources;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using Microsoft.JSInterop;
using MudBlazor;

namespace LicenseAllocation.Web.Components.Allocation;

public sealed partial class AllocationTree : IAsyncDisposable
{
    /// <summary>The height of a row in pixels, as the stylesheet draws it; Virtualize places rows by it.</summary>
    public const float RowHeight = 37;

    private readonly ServiceCall _call = new();
    private ElementReference _scroll;
    private IJSObjectReference? _module;
    private int? _scrollTo;

    [Inject]
    private TreeBrowsing Browsing { get; set; } = default!;

    [Inject]
    private QuantityService Quantities { get; set; } = default!;

    [Inject]
    private DeploymentTreeBands Bands { get; set; } = default!;

    [Inject]
    private IStringLocalizer<ConsoleReports> Reports { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private IJSRuntime Js { get; set; } = default!;

    [Inject]
    private IStringLocalizer<Resources.Allocation> Loc { get; set; } = default!;

    [Inject]
    private IStringLocalizer<Common> Text { get; set; } = default!;

    [Parameter, EditorRequired]
    public int PlanId { get; set; }

    [Parameter, EditorRequired]
    public Caller Caller { get; set; } = default!;

    /// <summary>A published or superseded plan: no edit buttons, and editors are told why.</summary>
    [Parameter]
    public bool Locked { get; set; }

    /// <summary>
    /// The units whose decision over their level is published: their children's rows have no edit button (the plan's root
    /// in it stands for the province's letter, which also fixes the root's own total).
    /// </summary>
    [Parameter]
    public IReadOnlySet<int> FrozenLevels { get; set; } = new HashSet<int>();

    /// <summary>Raised after an accepted change, so the page can reload the figures that moved.</summary>
    [Parameter]
    public EventCallback<UnitNodeView> OnChanged { get; set; }

    /// <summary>The lines shown; exposed for tests and for the page's own parts.</summary>
    public AllocationTreeState? State { get; private set; }

    // The page is first sent as static HTML; its buttons only work once the live connection is up, so until then they
    // are shown disabled rather than ignoring a click.
    private bool Interactive => RendererInfo.IsInteractive;

    /// <summary>The plan has a console report: each row shows its subtree's band at the latest one.</summary>
    private bool ShowsBands => State?.BandsTakenOn is not null;

    private int ShownMatches => State?.Items.Count(i => i.IsMatch) ?? 0;

    protected override async Task OnParametersSetAsync()
    {
        if (State is null || _loadedPlan != PlanId || _loadedFor != Caller)
        {
            (_loadedPlan, _loadedFor) = (PlanId, Caller);
            State = new AllocationTreeState(Browsing, Caller, PlanId, Bands);
            await _call.RunAsync(State.LoadAsync);
        }
    }

    private int _loadedPlan;
    private Caller? _loadedFor;

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (_scrollTo is { } index && Interactive)
        {
            _scrollTo = null;
            _module ??= await Js.InvokeAsync<IJSObjectReference>("import", "./Components/Allocation/AllocationTree.razor.js");
            await _module.InvokeVoidAsync("scrollToRow", _scroll, index, RowHeight);
        }
    }

    // A tree row may only be edited where the service would accept it; the service checks again on save.
    private bool CanEdit(TreeItem item) =>
        !Locked && !FrozenLevels.Contains(item.Node.ParentUnitId ?? item.UnitId) && AccessPolicy.CanChangeQuantity(Caller, item.UnitId, withinScope: true);

    private async Task ToggleAsync(int unitId) => await _call.RunAsync(() => State!.ToggleAsync(unitId));

    private async Task ExpandAllAsync() => await _call.RunAsync(State!.ExpandAllAsync);

    private async Task CollapseAllAsync() => await _call.RunAsync(State!.CollapseAllAsync);

    private async Task FilterAsync(TreeFilter filter)
    {
        await _call.RunAsync(() => State!.ApplyFilterAsync(filter));
        ScrollToFocused();
    }

    private async Task RevealAsync(int unitId)
    {
        await _call.RunAsync(() => State!.RevealAsync(unitId));
        ScrollToFocused();
    }

    private void BeginEdit(int unitId)
    {
        _call.Clear();
        State!.BeginEdit(unitId);
    }

    private void CancelEdit()
    {
        _call.Clear();
        State!.CancelEdit();
    }

    private async Task SaveAsync(QuantityEdit edit)
    {
        if (State?.EditingUnitId is not { } unitId || State.Find(unitId) is not { } item)
        {
            return;
        }

        var (saved, node) = await _call.RunAsync(() => Quantities.ChangeAsync(
            Caller, new ChangeQuantity(PlanId, unitId, edit.Quantity, edit.Reason, item.Node.Version, edit.DocumentRef)));
        if (!saved || node is null)
        {
            return;
        }

        // The saved row is drawn first; its ancestors' figures and then the page's headline figures follow as they are read.
        State.ShowSaved(node);
        Snackbar.Add(Loc[nameof(Resources.Allocation.Saved), node.Name, Ui.N(node.Quantity)], Severity.Success);
        StateHasChanged();

        // SQLite's async calls complete synchronously, so without a yield the whole chain below (the ancestors, the
        // page's figures and levels) would run inside the key press's event and the browser would see the saved row
        // only at its end. Yielding lets the renderer send the saved row first.
        await Task.Yield();
        await _call.RunAsync(() => State.RefreshAfterChangeAsync(node));
        StateHasChanged();
        await OnChanged.InvokeAsync(node);
    }

    private void ScrollToFocused()
    {
        if (State?.FocusedUnitId is { } unitId && State.IndexOf(unitId) is var index and >= 0)
        {
            _scrollTo = index;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_module is not null)
        {
            try
            {
                await _module.DisposeAsync();
            }
            catch (JSDisconnectedException)
            {
                // The circuit is gone; so is the module.
            }
        }
    }
}
