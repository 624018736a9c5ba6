using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Allocations;
using LicenseAllocation.Application.Decisions;
using LicenseAllocation.Application.Districts;
using LicenseAllocation.Domain.Plans;
using LicenseAllocation.Web.Localization;
using LicenseAllocation.Web.Resources;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace LicenseAllocation.Web.Components.Districts;

/// <summary>
/// The districts overview, and for the province administrator the districts' shares in the bulk grid the districts use
/// (one reason and document for the whole change, live totals beside the grid, a guard on leaving with unsaved figures).
/// </summary>
public partial class DistrictsOverview
{
    private DistrictOverview? _overview;
    private DistrictWorkspace? _groupWorkspace;
    private BulkAllocationState? _bulk;
    private LevelDecisionView? _groupLevel;
    private string? _problem;
    private List<BreadcrumbItem> _breadcrumbs = [];

    [Inject]
    private DistrictQueries Districts { get; set; } = default!;

    [Inject]
    private DecisionQueries Decisions { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private IStringLocalizer<Resources.Districts> Loc { get; set; } = default!;

    [Inject]
    private IStringLocalizer<Common> Text { get; set; } = default!;

    private int PlanId => Plan.Plan.Id;

    /// <summary>The group as the card shows it: with the drafts while the shares are being typed.</summary>
    private UnitNodeView? Group => _bulk?.Preview ?? _overview?.Group;

    /// <summary>The detailed allocation is published: each district's share is fixed until it is amended.</summary>
    private bool SharesFrozen => _groupLevel is { Status: not PlanStatus.Draft };

    private bool CanEditShares => Plan.Plan.IsOpen && _overview?.Group is not null && _groupLevel is { Status: PlanStatus.Draft }
        && AccessPolicy.SeesWholeTree(Plan.Caller) && AccessPolicy.MayEdit(Plan.Caller);

    protected override async Task LoadForPlanAsync()
    {
        _breadcrumbs =
        [
            new(Text[nameof(Common.Plan)], "/"),
            new(Text[nameof(Common.AllocationPlan)], $"/plans/{PlanId}"),
            new(Text[nameof(Common.Districts)], null, disabled: true),
        ];
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        var outcome = await Districts.GetOverviewAsync(Plan.Caller, PlanId);
        (_overview, _problem) = outcome.Succeeded ? (outcome.Value, (string?)null) : ((DistrictOverview?)null, Ui.Refusal(outcome.Error));
        if (_overview?.Group is { } group)
        {
            var levels = await Decisions.ListAsync(Plan.Caller, PlanId);
            _groupLevel = levels.Succeeded ? levels.Value.FirstOrDefault(l => l.IssuingUnitId == group.UnitId) : null;
        }
    }

    private async Task BeginBulkEditAsync()
    {
        var outcome = await Districts.GetGroupWorkspaceAsync(Plan.Caller, PlanId);
        if (!outcome.Succeeded)
        {
            Snackbar.Add(Ui.Refusal(outcome.Error), Severity.Error);
            return;
        }

        _groupWorkspace = outcome.Value;
        _bulk = new BulkAllocationState(_groupWorkspace);
    }

    private async Task BulkSavedAsync(int changed)
    {
        Snackbar.Add(Loc[nameof(Resources.Districts.SavedChanges), Ui.N(changed)], Severity.Success);
        (_bulk, _groupWorkspace) = (null, null);
        await LoadAsync();
    }
}
