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

    // Installed against licensed in the subtree, for whoever hovers the band.
    private string? BandTitle => Item.Band is { } band ? Ui.F(Reports[nameof(ConsoleReports.TreeBandTitle)], Ui.N(band.Installed), Ui.N(band.Licensed)) : null;

    private string RowClass => string.Join(' ', new[]
    {
        Item.Node.Kind is UnitKind.Province or UnitKind.DistrictGroup ? "row-group" : null,
        Focused ? "row-focused" : null,
        Item.Node.IsActive ? null : "row-inactive",
    }.Where(c => c is not null));
}
