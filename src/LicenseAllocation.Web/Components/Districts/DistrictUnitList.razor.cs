using LicenseAllocation.Application.Allocations;
using LicenseAllocation.Application.Districts;
using LicenseAllocation.Web.Localization;
using LicenseAllocation.Web.Resources;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace LicenseAllocation.Web.Components.Districts;

/// <summary>A unit to move one place up (-1) or down (+1) among its siblings.</summary>
public sealed record UnitMove(UnitNodeView Unit, int Step);

public partial class DistrictUnitList
{
    /// <summary>The height of a row with its status chip, in pixels; Virtualize measures and corrects it.</summary>
    internal const float RowHeight = 45f;

    /// <summary>Rows rendered beyond each edge of the view, so a scroll or a jump by Tab rarely shows a blank.</summary>
    internal const int Overscan = 20;

    /// <summary>The scroll container Virtualize watches: with a fixed height only the rows inside it are rendered.</summary>
    private const string ScrollStyle = "max-height: 65vh; overflow-y: auto";

    /// <summary>MudBlazor's small icon button, as plain markup: a component per action would make every row heavy.</summary>
    private const string ActionClass = "mud-button-root mud-icon-button mud-icon-button-size-small row-action";

    private ICollection<WorkspaceRow> _rows = [];
    private TreeFilter _filter = new();

    [Inject]
    private IStringLocalizer<Resources.Districts> Loc { get; set; } = default!;

    [Inject]
    private IStringLocalizer<Common> Text { get; set; } = default!;

    [Inject]
    private IStringLocalizer<Resources.Needs> Needs { get; set; } = default!;

    [Parameter, EditorRequired]
    public IReadOnlyList<WorkspaceRow> Rows { get; set; } = [];

    [Parameter, EditorRequired]
    public int PlanId { get; set; }

    /// <summary>Shows rename, move and deactivate on every row.</summary>
    [Parameter]
    public bool ShowActions { get; set; }

    /// <summary>The coverage of the rows (need and shortfall of each unit's subtree); a unit missing here shows a dash.</summary>
    [Parameter]
    public IReadOnlyDictionary<int, LicenseAllocation.Application.Needs.CoverageLine>? Coverage { get; set; }

    /// <summary>While a change is being saved, the row actions wait.</summary>
    [Parameter]
    public bool Busy { get; set; }

    /// <summary>The drafts of a bulk allocation: when set, active rows show an input bound to it.</summary>
    [Parameter]
    public BulkAllocationState? Bulk { get; set; }

    /// <summary>Raised after a draft was typed, for the running figures outside the list.</summary>
    [Parameter]
    public EventCallback OnDraftChanged { get; set; }

    [Parameter]
    public EventCallback<UnitNodeView> OnRename { get; set; }

    [Parameter]
    public EventCallback<UnitMove> OnMove { get; set; }

    /// <summary>Raised to deactivate an active unit or reactivate an inactive one.</summary>
    [Parameter]
    public EventCallback<UnitNodeView> OnSetActive { get; set; }

    private bool Inert => !RendererInfo.IsInteractive;

    protected override void OnParametersSet() => ApplyFilter();

    // Drafts of the bulk editor are kept by unit, so narrowing the list hides rows without losing what was typed.
    private void ApplyFilter() => _rows = _filter.IsEmpty
        ? Rows as ICollection<WorkspaceRow> ?? [.. Rows]
        : [.. Rows.Where(r => _filter.Matches(r.Node, r.ChildCount))];

    private Task FilterAsync(TreeFilter filter)
    {
        _filter = filter;
        ApplyFilter();
        return Task.CompletedTask;
    }

    private static int Indent(WorkspaceRow row) => 12 + ((row.Depth - 1) * 20);

    /// <summary>A plain number input that reads as one of the form's fields; red while the service refuses its figure.</summary>
    private static string DraftStyle(bool refused) =>
        $"width: 110px; padding: 4px 8px; text-align: right; font: inherit; border-radius: 4px; border: 1px solid var({(refused ? "--mud-palette-error" : "--mud-palette-lines-inputs")})";

    private static MarkupString Icon(string svgPath) => new(svgPath);

    private string HistoryUrl(UnitNodeView node) => $"/plans/{PlanId}/units/{node.UnitId}/history";

    private string NeedText(int unitId) =>
        Coverage?.GetValueOrDefault(unitId) is { Subtree.NeedsStated: > 0 } line ? Ui.N(line.Subtree.Need) : "—";

    private string ShortfallText(int unitId) =>
        Coverage?.GetValueOrDefault(unitId) is { Subtree.NeedsStated: > 0 } line ? Ui.N(line.Subtree.Shortfall) : "—";

        private string NeedsUrl(UnitNodeView node) => $"/plans/{PlanId}/units/{node.UnitId}/needs";

    private string ToggleText(bool deactivates) =>
        deactivates ? Loc[nameof(Resources.Districts.Deactivate)] : Loc[nameof(Resources.Districts.Reactivate)];

    private Task DraftTypedAsync(int unitId, ChangeEventArgs e)
    {
        Bulk?.SetDraft(unitId, e.Value?.ToString());
        return OnDraftChanged.InvokeAsync();
    }
}
