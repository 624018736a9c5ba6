using LicenseAllocation.Application.Districts;
using LicenseAllocation.Web.Components.Controls;
using LicenseAllocation.Web.Localization;
using LicenseAllocation.Web.Resources;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace LicenseAllocation.Web.Components.Districts;

public partial class DistrictsOverview
{
    private DistrictOverview? _overview;
    private string? _problem;
    private PlanContext? _loadedFor;
    private List<BreadcrumbItem> _breadcrumbs = [];

    [Inject]
    private DistrictQueries Districts { get; set; } = default!;

    [Inject]
    private IStringLocalizer<Resources.Districts> Loc { get; set; } = default!;

    [Inject]
    private IStringLocalizer<Common> Text { get; set; } = default!;

    [Parameter, EditorRequired]
    public PlanContext Plan { get; set; } = default!;

    private int PlanId => Plan.Plan.Id;

    protected override async Task OnParametersSetAsync()
    {
        if (ReferenceEquals(_loadedFor, Plan))
        {
            return;
        }

        _loadedFor = Plan;
        _breadcrumbs =
        [
            new(Text[nameof(Common.Plan)], "/"),
            new(Text[nameof(Common.AllocationPlan)], $"/plans/{PlanId}"),
            new(Text[nameof(Common.Districts)], null, disabled: true),
        ];
        var outcome = await Districts.GetOverviewAsync(Plan.Caller, PlanId);
        (_overview, _problem) = outcome.Succeeded ? (outcome.Value, (string?)null) : ((DistrictOverview?)null, Ui.Refusal(outcome.Error));
    }
}
