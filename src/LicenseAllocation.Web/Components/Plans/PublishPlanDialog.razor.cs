using LicenseAllocation.Application.Common;
using LicenseAllocation.Application.Plans;
using LicenseAllocation.Domain.Plans;
using Microsoft.AspNetCore.Components;

namespace LicenseAllocation.Web.Components.Plans;

/// <summary>Closes with the published <see cref="PlanSummary"/>; a refusal (missing letter, wrong status) stays in the dialog.</summary>
public partial class PublishPlanDialog
{
    private AllocationProgress _progress = AllocationProgress.Empty;

    [Inject]
    private PlanPublication Publication { get; set; } = default!;

    [Inject]
    private PlanProgressQuery ProgressQuery { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        var progress = await ProgressQuery.GetAsync(Caller, PlanId);
        _progress = progress.Succeeded ? progress.Value : AllocationProgress.Empty;
    }

    protected override Task<Outcome<PlanSummary>> PublishOnAsync(DateOnly? signedOn) =>
        Publication.PublishAsync(Caller, new PublishPlan(PlanId, Number, signedOn, Signer));
}
