using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Allocations.Batches;
using LicenseAllocation.Web.Localization;
using LicenseAllocation.Web.Resources;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.Extensions.Localization;
using Microsoft.JSInterop;

namespace LicenseAllocation.Web.Components.Districts;

public partial class BulkAllocationEditor
{
    private bool _saving;
    private string? _problem;

    [Inject]
    private QuantityBatchService Batches { get; set; } = default!;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    [Inject]
    private IStringLocalizer<Resources.Districts> Loc { get; set; } = default!;

    [Inject]
    private IStringLocalizer<Common> Text { get; set; } = default!;

    [Parameter, EditorRequired]
    public BulkAllocationState State { get; set; } = default!;

    [Parameter, EditorRequired]
    public Caller Caller { get; set; } = default!;

    [Parameter, EditorRequired]
    public int PlanId { get; set; }

    /// <summary>Raised with how many units changed once the whole batch is saved.</summary>
    [Parameter]
    public EventCallback<int> OnSaved { get; set; }

    /// <summary>Raised when the service refused the batch, so the rows can show why.</summary>
    [Parameter]
    public EventCallback OnRefused { get; set; }

    [Parameter]
    public EventCallback OnCancel { get; set; }

    // Figures typed but not saved are lost on leaving: the officer is asked first (the browser asks for a reload or a
    // closed tab, through ConfirmExternalNavigation).
    private async Task ConfirmLeavingAsync(LocationChangingContext context)
    {
        if (State.HasChanges && !await JS.InvokeAsync<bool>("confirm", Loc[nameof(Resources.Districts.LeaveUnsaved)].Value))
        {
            context.PreventNavigation();
        }
    }

    private async Task SaveAsync()
    {
        // Over the quota the whole change is refused as a total before anything is sent: no single row is to blame.
        if (State.IsOverQuota)
        {
            State.ClearRefusals();
            _problem = Loc[nameof(Resources.Districts.OverQuota), Ui.N(State.Excess), Ui.N(State.HandedOnAfterSaving), Ui.N(State.Quota)];
            await OnRefused.InvokeAsync();
            return;
        }

        _saving = true;
        try
        {
            var result = await Batches.ApplyAsync(Caller, State.ToBatch(PlanId), CancellationToken.None);
            State.Refused(result);
            if (!result.Applied)
            {
                _problem = result.Error is { } whole
                    ? Ui.Refusal(whole)
                    : Loc[nameof(Resources.Districts.NothingSavedRowsInvalid), Ui.N(result.Refused.Count)];
                await OnRefused.InvokeAsync();
                return;
            }

            _problem = null;
            await OnSaved.InvokeAsync(result.Changed.Count);
        }
        finally
        {
            _saving = false;
        }
    }
}
