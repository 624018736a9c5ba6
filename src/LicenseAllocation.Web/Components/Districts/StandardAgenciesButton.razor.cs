using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Units;
using LicenseAllocation.Web.Components.Controls;
using LicenseAllocation.Web.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace LicenseAllocation.Web.Components.Districts;

public partial class StandardAgenciesButton
{
    private readonly ServiceCall _call = new();

    [Inject]
    private UnitAdministration Units { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private IStringLocalizer<Resources.Districts> Loc { get; set; } = default!;

    [Parameter, EditorRequired]
    public Caller Caller { get; set; } = default!;

    [Parameter, EditorRequired]
    public int PlanId { get; set; }

    [Parameter, EditorRequired]
    public int DistrictId { get; set; }

    /// <summary>Raised with how many agencies were added (0 when the district had them all).</summary>
    [Parameter]
    public EventCallback<int> OnAdded { get; set; }

    private async Task AddAsync()
    {
        var (added, agencies) = await _call.RunAsync(() => Units.AddStandardDistrictAgenciesAsync(Caller, PlanId, DistrictId, CancellationToken.None));
        if (!added)
        {
            if (_call.Refusal is { } refusal)
            {
                Snackbar.Add(refusal, Severity.Error);
            }

            return;
        }

        Snackbar.Add(Loc[nameof(Resources.Districts.AddedAgencies), Ui.N(agencies!.Count)], Severity.Success);
        await OnAdded.InvokeAsync(agencies.Count);
    }
}
