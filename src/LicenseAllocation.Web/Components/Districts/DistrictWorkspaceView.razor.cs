using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Allocations;
using LicenseAllocation.Application.Common;
using LicenseAllocation.Application.Decisions;
using LicenseAllocation.Application.Districts;
using LicenseAllocation.Application.Needs;
using LicenseAllocation.Application.Units;
using LicenseAllocation.Domain.Plans;
using LicenseAllocation.Web.Components.Controls;
using LicenseAllocation.Web.Localization;
using LicenseAllocation.Web.Resources;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace LicenseAllocation.Web.Components.Districts;

/// <summary>
/// Reads the district for the plan its page's <see cref="PlanFrame"/> loaded, and keeps it current after every change
/// made here. It is a part of its own rather than the page's state so that typing into it re-renders it alone, not
/// the frame around it (which reads the plan again whenever its parent renders).
/// </summary>
public partial class DistrictWorkspaceView
{
    private readonly ServiceCall _call = new();
    private DistrictWorkspace? _workspace;
    private string? _problem;
    private PlanContext? _loadedFor;
    private BulkAllocationState? _bulk;
    private bool _adding;
    private UnitNodeView? _renaming;
    private LevelDecisionView? _level;
    private IReadOnlyDictionary<int, CoverageLine>? _coverage;
    private List<BreadcrumbItem> _breadcrumbs = [];

    [Inject]
    private DistrictQueries Districts { get; set; } = default!;

    [Inject]
    private UnitAdministration Units { get; set; } = default!;

    [Inject]
    private DecisionQueries Decisions { get; set; } = default!;

    [Inject]
    private CoverageQuery Coverage { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private IStringLocalizer<Resources.Districts> Loc { get; set; } = default!;

    [Inject]
    private IStringLocalizer<Common> Text { get; set; } = default!;

    [Inject]
    private IStringLocalizer<Resources.Needs> Needs { get; set; } = default!;

    [Parameter, EditorRequired]
    public PlanContext Plan { get; set; } = default!;

    [Parameter, EditorRequired]
    public int DistrictId { get; set; }

    private int PlanId => Plan.Plan.Id;

    private string ExportUrl => $"/api/v1/plans/{PlanId}/districts/{DistrictId}.xlsx";

    /// <summary>The plan and the district's level are open and the caller may change at least one of the district's units.</summary>
    private bool CanEdit => _workspace is not null && Plan.Plan.IsOpen && _level?.Status == PlanStatus.Draft && AccessPolicy.MayEdit(Plan.Caller)
        && _workspace.Units.Any(u => AccessPolicy.CanChangeQuantity(Plan.Caller, u.Node.UnitId, withinScope: true));

    protected override async Task OnParametersSetAsync()
    {
        // The frame hands over a new context each time it has read the plan: read the district with it.
        if (ReferenceEquals(_loadedFor, Plan) && _workspace?.District.UnitId == DistrictId)
        {
            return;
        }

        _loadedFor = Plan;
        _breadcrumbs =
        [
            new(Text[nameof(Common.AllocationPlan)], $"/plans/{PlanId}"),
            new(Text[nameof(Common.Districts)], $"/plans/{PlanId}/districts"),
            new(Text[nameof(Common.District)], null, disabled: true),
        ];
        await LoadAsync();
    }

    /// <summary>Why the district's figures do not change here, when they do not: the plan version is closed, or the district's decision is published.</summary>
    private string? LockedText =>
        !Plan.Plan.IsOpen ? Loc[nameof(Resources.Districts.PlanClosedExplanation)].Value
        : _level is { Status: not PlanStatus.Draft } ? Loc[nameof(Resources.Districts.LockedExplanation)].Value
        : null;

    private async Task LoadAsync()
    {
        var outcome = await Districts.GetWorkspaceAsync(Plan.Caller, PlanId, DistrictId);
        (_workspace, _problem) = outcome.Succeeded ? (outcome.Value, (string?)null) : ((DistrictWorkspace?)null, Ui.Refusal(outcome.Error));
        var coverage = _workspace is null ? null : await Coverage.ForUnitsAsync(Plan.Caller, PlanId, [.. _workspace.Units.Select(u => u.Node.UnitId)]);
        _coverage = coverage is { Succeeded: true } ? coverage.Value : null;
        var levels = await Decisions.ListAsync(Plan.Caller, PlanId);
        _level = levels.Succeeded ? levels.Value.FirstOrDefault(l => l.IssuingUnitId == DistrictId) : null;
    }

    private void BeginBulkEdit()
    {
        (_adding, _renaming) = (false, null);
        _bulk = new BulkAllocationState(_workspace!);
    }

    private async Task BulkSavedAsync(int changed)
    {
        Snackbar.Add(Loc[nameof(Resources.Districts.SavedChanges), Ui.N(changed)], Severity.Success);
        _bulk = null;
        await LoadAsync();
    }

    private async Task UnitAddedAsync(string name)
    {
        Snackbar.Add(Loc[nameof(Resources.Districts.AddedUnit), name], Severity.Success);
        await LoadAsync();
    }

    private async Task RenamedAsync()
    {
        Snackbar.Add(Loc[nameof(Resources.Districts.Renamed)], Severity.Success);
        _renaming = null;
        await LoadAsync();
    }

    /// <summary>Moves a unit one place among its siblings; positions count from 1.</summary>
    private Task MoveAsync(UnitMove move)
    {
        var siblings = _workspace!.Units.Where(u => u.Node.ParentUnitId == move.Unit.ParentUnitId).ToList();
        var position = siblings.FindIndex(u => u.Node.UnitId == move.Unit.UnitId) + 1 + move.Step;
        return position < 1 || position > siblings.Count
            ? Task.CompletedTask
            : UpdateAsync(() => Units.UpdateUnitAsync(Plan.Caller, PlanId, move.Unit.UnitId, order: position), done: null);
    }

    private Task SetActiveAsync(UnitNodeView unit)
    {
        var activate = !unit.IsActive;
        var done = activate ? Loc[nameof(Resources.Districts.UnitActiveAgain)] : Loc[nameof(Resources.Districts.UnitDeactivated)];
        return UpdateAsync(() => Units.UpdateUnitAsync(Plan.Caller, PlanId, unit.UnitId, active: activate), done);
    }

    private async Task UpdateAsync(Func<Task<Outcome<UnitNodeView>>> change, string? done)
    {
        var (succeeded, _) = await _call.RunAsync(change);
        if (!succeeded)
        {
            if (_call.Refusal is { } refusal)
            {
                Snackbar.Add(refusal, Severity.Error);
            }

            return;
        }

        if (done is not null)
        {
            Snackbar.Add(done, Severity.Success);
        }

        await LoadAsync();
    }
}
