using LicenseAllocation.Application.Allocations;
using LicenseAllocation.Application.Deployments;
using LicenseAllocation.Domain.Units;
using LicenseAllocation.Web.Localization;
using LicenseAllocation.Web.Resources;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace LicenseAllocation.Web.Components.Allocation;

public sealed partial class AllocationTreeRow
{
    [Inject]
    private IStringLocalizer<Resources.Allocation> Loc { get; set; } = default!;

    [Inject]
    private IStringLocalizer<Common> Text { get; set; } = default!;

    [Inject]
    private IStringLocalizer<ConsoleReports> Reports { get; set; } = default!;

    [Parameter, EditorRequired]
    public TreeItem Item { get; set; } = default!;

    [Parameter, EditorRequired]
    public int PlanId { get; set; }

    [Parameter]
    public bool Interactive { get; set; }

    /// <summary>The tree shows a filter's matches: the paths are fixed, and matches can be shown in the whole tree.</summary>
    [Parameter]
    public bool Filtered { get; set; }

    [Parameter]
    public bool Focused { get; set; }

    [Parameter]
    public bool CanEdit { get; set; }

    [Parameter]
    public bool CanDownloadTemplate { get; set; }

    [Parameter]
    public bool Editing { get; set; }

    /// <summary>The plan has a console report: the row has a cell for its subtree's band.</summary>
    [Parameter]
    public bool ShowBand { get; set; }

    [Parameter]
    public EventCallback<int> OnToggle { get; set; }

    [Parameter]
    public EventCallback<int> OnEdit { get; set; }

    [Parameter]
    public EventCallback<int> OnReveal { get; set; }

    // The tree draws every row in view again whenever anything in it changes (the editor opening, a saved figure): a row
    // that would draw what it drew last time skips it, so opening the editor on a 50-row view draws two rows, not fifty.
    // Everything the row shows comes from its parameters and its item; it holds no state of its own.
    private RowLook? _drawn;

    private sealed record RowLook(TreeItem Item, UnitNodeView Node, bool Expanded, bool Match, UnitBand? Band, int PlanId, bool Interactive,
        bool Filtered, bool Focused, bool CanEdit, bool CanDownloadTemplate, bool Editing, bool ShowBand);

    private RowLook CurrentLook =>
        new(Item, Item.Node, Item.IsExpanded, Item.IsMatch, Item.Band, PlanId, Interactive, Filtered, Focused, CanEdit, CanDownloadTemplate, Editing, ShowBand);

    // The first render is not asked about: what it draws is noted here, just before it.
    protected override void OnInitialized() => _drawn = CurrentLook;

    protected override bool ShouldRender()
    {
        var look = CurrentLook;
        if (look == _drawn)
        {
            return false;
        }

        _drawn = look;
        return true;
    }

    // Installed against licensed in the subtree, for whoever hovers the band.
    private string? BandTitle => Item.Band is { } band ? Ui.F(Reports[nameof(ConsoleReports.TreeBandTitle)], Ui.N(band.Installed), Ui.N(band.Licensed)) : null;

    private string RowClass => string.Join(' ', new[]
    {
        Item.Node.Kind is UnitKind.Province or UnitKind.DistrictGroup ? "row-group" : null,
        Focused ? "row-focused" : null,
        Item.Node.IsActive ? null : "row-inactive",
    }.Where(c => c is not null));
}
