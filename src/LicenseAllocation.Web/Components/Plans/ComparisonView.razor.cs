using System.Globalization;
using LicenseAllocation.Application.Plans;
using LicenseAllocation.Web.Components.Controls;
using LicenseAllocation.Web.Localization;
using LicenseAllocation.Web.Resources;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace LicenseAllocation.Web.Components.Plans;

public partial class ComparisonView
{
    private PlanComparisonResult? _result;
    private IReadOnlyList<PlanSummary> _candidates = [];
    private string? _problem;
    private (int Plan, int Other)? _loaded;

    [Inject]
    private PlanComparison Comparison { get; set; } = default!;

    [Inject]
    private PlanQueries PlanList { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private IStringLocalizer<Resources.Plans> Loc { get; set; } = default!;

    [Inject]
    private IStringLocalizer<Common> Text { get; set; } = default!;

    /// <summary>The plan on the left, as the page's frame read it for the caller.</summary>
    [Parameter, EditorRequired]
    public PlanContext Plan { get; set; } = default!;

    [Parameter, EditorRequired]
    public int OtherPlanId { get; set; }

    private IReadOnlyList<Figure> Figures =>
    [
        new(Loc[nameof(Resources.Plans.TotalOfVersion), VersionName(_result!.Plan)], _result.Plan.TotalLicenses, "compare-total"),
        new(Loc[nameof(Resources.Plans.TotalOfVersion), VersionName(_result.Other)], _result.Other.TotalLicenses, "compare-other-total"),
        new(Loc[nameof(Resources.Plans.UnitsThatDiffer)], _result.Items.Count, "compare-count"),
    ];

    protected override async Task OnParametersSetAsync()
    {
        // The frame hands over a fresh context whenever it re-reads the plan; compare again only for another pair.
        if (_loaded == (Plan.Plan.Id, OtherPlanId))
        {
            return;
        }

        _loaded = (Plan.Plan.Id, OtherPlanId);
        var result = await Comparison.CompareAsync(Plan.Caller, Plan.Plan.Id, OtherPlanId);
        if (!result.Succeeded)
        {
            (_result, _problem) = (null, Ui.Refusal(result.Error));
            return;
        }

        var plans = await PlanList.ListAsync(Plan.Caller);
        _candidates = [.. (plans.Value ?? []).Where(p => p.Id != Plan.Plan.Id)];
        (_result, _problem) = (result.Value, null);
    }

    private void PickOther(int otherPlanId) => Navigation.NavigateTo($"/plans/{Plan.Plan.Id}/compare/{otherPlanId}");

    private string VersionName(PlanSummary plan) => Text[nameof(Common.VersionNumber), plan.Version];

    private string Choice(PlanSummary plan) =>
        Loc[nameof(Resources.Plans.PlanChoice), plan.Name, plan.Year.ToString(CultureInfo.InvariantCulture), VersionName(plan), Text.Of(plan.Status)];
}
