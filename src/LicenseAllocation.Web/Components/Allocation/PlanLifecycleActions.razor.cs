using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Plans;
using LicenseAllocation.Web.Components.Controls;
using LicenseAllocation.Web.Components.Plans;
using LicenseAllocation.Web.Resources;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace LicenseAllocation.Web.Components.Allocation;

public sealed partial class PlanLifecycleActions
{
    private static readonly DialogOptions DialogSize = new() { MaxWidth = MaxWidth.Small, FullWidth = true };
    private readonly ServiceCall _call = new();

    [Inject]
    private PlanVersions Versions { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private IStringLocalizer<Resources.Allocation> Loc { get; set; } = default!;

    [Inject]
    private IStringLocalizer<Common> Text { get; set; } = default!;

    [Parameter, EditorRequired]
    public PlanSummary Plan { get; set; } = default!;

    [Parameter, EditorRequired]
    public Caller Caller { get; set; } = default!;

    /// <summary>Raised when the plan itself changed (published), so the page reads it again.</summary>
    [Parameter]
    public EventCallback OnChanged { get; set; }

    private async Task PublishAsync()
    {
        var parameters = new DialogParameters<PublishPlanDialog> { { d => d.PlanId, Plan.Id }, { d => d.Caller, Caller } };
        var dialog = await Dialogs.ShowAsync<PublishPlanDialog>(Loc[nameof(Resources.Allocation.PublishPlanTitle)], parameters, DialogSize);
        if (await dialog.Result is { Canceled: false })
        {
            Snackbar.Add(Loc[nameof(Resources.Allocation.PublishedNotice)], Severity.Success);
            await OnChanged.InvokeAsync();
        }
    }

    private async Task AmendAsync()
    {
        var (created, amendment) = await _call.RunAsync(() => Versions.CreateAmendmentAsync(Caller, Plan.Id));
        if (!created || amendment is null)
        {
            Snackbar.Add(_call.Refusal!, Severity.Error);
            return;
        }

        Snackbar.Add(Loc[nameof(Resources.Allocation.AmendmentCreated), amendment.Version], Severity.Success);
        Navigation.NavigateTo($"/plans/{amendment.Id}");
    }

    private async Task CopyAsync()
    {
        var parameters = new DialogParameters<CopyPlanDialog> { { d => d.Plan, Plan }, { d => d.Caller, Caller } };
        var dialog = await Dialogs.ShowAsync<CopyPlanDialog>(Text[nameof(Common.CopyPlan)], parameters, DialogSize);
        if (await dialog.Result is { Canceled: false, Data: PlanSummary copy })
        {
            Snackbar.Add(Loc[nameof(Resources.Allocation.PlanCopied), copy.Name], Severity.Success);
            Navigation.NavigateTo($"/plans/{copy.Id}");
        }
    }
}
