using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Decisions;
using LicenseAllocation.Application.Identity;
using LicenseAllocation.Web.Components.Controls;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace LicenseAllocation.Web.Components.Plans;

public sealed partial class LevelDecisionActions
{
    private static readonly DialogOptions DialogSize = new() { MaxWidth = MaxWidth.Small, FullWidth = true };
    private readonly ServiceCall _call = new();

    [Inject]
    private DecisionPublication Publication { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private IStringLocalizer<Resources.Plans> Loc { get; set; } = default!;

    [Parameter, EditorRequired]
    public int PlanId { get; set; }

    [Parameter, EditorRequired]
    public LevelDecisionView Level { get; set; } = default!;

    [Parameter, EditorRequired]
    public Caller Caller { get; set; } = default!;

    /// <summary>The plan takes changes at all (not superseded, no amendment under way).</summary>
    [Parameter]
    public bool PlanOpen { get; set; } = true;

    /// <summary>Raised after the level was published or opened again, so the page reads it again.</summary>
    [Parameter]
    public EventCallback OnChanged { get; set; }

    /// <summary>
    /// The province administrator decides for every level below the letter, a district officer for the levels of its
    /// district (the service checks the same, and that the level above is published).
    /// </summary>
    private bool CanDecide => PlanOpen && (Caller.Role == PortalRole.ProvinceAdmin
        || (Caller.Role == PortalRole.DistrictOfficer && Caller.ScopeUnitId == Level.IssuingUnitId));

    private string AppendixUrl => $"/api/v1/plans/{PlanId}/decisions/{Level.IssuingUnitId}/appendix";

    private async Task PublishAsync()
    {
        var parameters = new DialogParameters<PublishDecisionDialog> { { d => d.PlanId, PlanId }, { d => d.Level, Level }, { d => d.Caller, Caller } };
        var dialog = await Dialogs.ShowAsync<PublishDecisionDialog>(Loc[nameof(Resources.Plans.PublishDecisionTitle), Level.IssuingUnitName], parameters, DialogSize);
        if (await dialog.Result is { Canceled: false, Data: DecisionPublished published })
        {
            Snackbar.Add(Loc[nameof(Resources.Plans.DecisionPublishedNotice), published.Decision.IssuingBody ?? published.Decision.IssuingUnitName], Severity.Success);
            await OnChanged.InvokeAsync();
        }
    }

    private async Task AmendAsync()
    {
        var (reopened, _) = await _call.RunAsync(() => Publication.AmendAsync(Caller, PlanId, Level.IssuingUnitId));
        if (reopened)
        {
            Snackbar.Add(Loc[nameof(Resources.Plans.DecisionReopenedNotice)], Severity.Info);
            await OnChanged.InvokeAsync();
        }
    }
}
