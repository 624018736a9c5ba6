using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Plans;
using LicenseAllocation.Web.Components.Controls;
using LicenseAllocation.Web.Resources;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace LicenseAllocation.Web.Components.Plans;

/// <summary>Closes with the new plan's <see cref="PlanSummary"/>; it is a draft of its own, not an amendment.</summary>
public partial class CopyPlanDialog
{
    private readonly ServiceCall _copy = new();
    private string? _name;
    private int _year;

    [Inject]
    private PlanVersions Versions { get; set; } = default!;

    [Inject]
    private IStringLocalizer<Resources.Plans> Loc { get; set; } = default!;

    [Inject]
    private IStringLocalizer<Common> Text { get; set; } = default!;

    [CascadingParameter]
    private IMudDialogInstance Dialog { get; set; } = default!;

    [Parameter, EditorRequired]
    public PlanSummary Plan { get; set; } = default!;

    [Parameter, EditorRequired]
    public Caller Caller { get; set; } = default!;

    // A copy is usually next year's plan.
    protected override void OnInitialized() => _year = Plan.Year + 1;

    private void Cancel() => Dialog.Cancel();

    private async Task CopyAsync()
    {
        var (copied, copy) = await _copy.RunAsync(() => Versions.CopyAsync(Caller, new CopyPlan(Plan.Id, _name, _year)));
        if (copied)
        {
            Dialog.Close(DialogResult.Ok(copy));
        }
    }
}
