using LicenseAllocation.Application.Plans;
using LicenseAllocation.Application.Reorganisations;
using LicenseAllocation.Web.Components.Controls;
using LicenseAllocation.Web.Localization;
using LicenseAllocation.Web.Resources;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace LicenseAllocation.Web.Components.Pages.Reorganisations;

/// <summary>"Kế hoạch trên cơ cấu mới": the successor-plan wizard for one reorganisation.</summary>
public partial class SuccessorPlanPage : PortalComponent
{
    private IReadOnlyList<ReorganisationSummary>? _reorganisations;
    private IReadOnlyList<PlanSummary>? _plans;
    private string? _problem;

    [Parameter]
    public int ReorganisationId { get; set; }

    [Inject]
    private ReorganisationQueries Queries { get; set; } = default!;

    [Inject]
    private PlanQueries PlanList { get; set; } = default!;

    [Inject]
    private IStringLocalizer<ReorganisationTexts> Loc { get; set; } = default!;

    [Inject]
    private IStringLocalizer<Common> Text { get; set; } = default!;

    protected override async Task OnParametersSetAsync()
    {
        if (await ResolveCallerAsync() is not { } caller)
        {
            _problem = Text[nameof(Common.NoRole)];
            return;
        }

        var reorganisations = await Queries.ListAsync(caller);
        var plans = await PlanList.ListAsync(caller);
        if (!reorganisations.Succeeded || !plans.Succeeded)
        {
            _problem = Ui.Refusal(reorganisations.Succeeded ? plans.Error! : reorganisations.Error!);
            return;
        }

        (_reorganisations, _plans, _problem) = (reorganisations.Value, plans.Value, null);
    }
}
