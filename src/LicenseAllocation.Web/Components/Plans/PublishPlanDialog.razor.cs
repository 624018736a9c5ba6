using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Plans;
using LicenseAllocation.Domain.Plans;
using LicenseAllocation.Web.Components.Controls;
using LicenseAllocation.Web.Resources;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace LicenseAllocation.Web.Components.Plans;

/// <summary>Closes with the published <see cref="PlanSummary"/>; a refusal (missing letter, wrong status) stays in the dialog.</summary>
public partial class PublishPlanDialog
{
    private readonly ServiceCall _publish = new();
    private string? _number;
    private string? _date;
    private string? _signer;
    private string? _invalidDay;
    private AllocationProgress _progress = AllocationProgress.Empty;

    [Inject]
    private PlanPublication Publication { get; set; } = default!;

    [Inject]
    private PlanProgressQuery ProgressQuery { get; set; } = default!;

    [Inject]
    private IStringLocalizer<Resources.Plans> Loc { get; set; } = default!;

    [Inject]
    private IStringLocalizer<Common> Text { get; set; } = default!;

    [CascadingParameter]
    private IMudDialogInstance Dialog { get; set; } = default!;

    [Parameter, EditorRequired]
    public int PlanId { get; set; }

    [Parameter, EditorRequired]
    public Caller Caller { get; set; } = default!;

    private string? Refusal => _invalidDay ?? _publish.Refusal;

    protected override async Task OnInitializedAsync()
    {
        var progress = await ProgressQuery.GetAsync(Caller, PlanId);
        _progress = progress.Succeeded ? progress.Value : AllocationProgress.Empty;
    }

    private void Cancel() => Dialog.Cancel();

    private async Task PublishAsync()
    {
        if (!DayText.TryParse(_date, out var date))
        {
            _invalidDay = Text[nameof(Common.InvalidDay)];
            return;
        }

        _invalidDay = null;
        var (published, plan) = await _publish.RunAsync(() => Publication.PublishAsync(Caller, new PublishPlan(PlanId, _number, date, _signer)));
        if (published)
        {
            Dialog.Close(DialogResult.Ok(plan));
        }
    }
}
