using System.Globalization;
using LicenseAllocation.Application.Allocations;
using LicenseAllocation.Application.Needs;
using LicenseAllocation.Application.Transfers;
using LicenseAllocation.Web.Components.Controls;
using LicenseAllocation.Web.Resources;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace LicenseAllocation.Web.Components.Requests;

/// <summary>
/// Gives licences back to the unit's parent through <see cref="TransferService.ReturnAsync"/>; every rule (reason,
/// handed-on, lock, scope) is the service's, and a quantity that does not parse is sent as 0 so its refusal is read.
/// </summary>
public partial class ReturnForm
{
    private readonly ServiceCall _call = new();
    private IReadOnlyList<UnitNodeView>? _units;
    private int _unitId;
    private string? _quantity;
    private string? _reason;
    private PlanContext? _loadedFor;

    [Inject]
    private CoverageQuery Coverage { get; set; } = default!;

    [Inject]
    private TreeBrowsing Tree { get; set; } = default!;

    [Inject]
    private TransferService Transfers { get; set; } = default!;

    [Inject]
    private IStringLocalizer<RequestTexts> Loc { get; set; } = default!;

    [Parameter, EditorRequired]
    public PlanContext Plan { get; set; } = default!;

    [Parameter]
    public EventCallback<LicencesTransferred> OnReturned { get; set; }

    private UnitNodeView? Chosen => _units?.FirstOrDefault(u => u.UnitId == _unitId);

    protected override async Task OnParametersSetAsync()
    {
        if (ReferenceEquals(_loadedFor, Plan))
        {
            return;
        }

        _loadedFor = Plan;
        await LoadUnitsAsync();
    }

    /// <summary>Reads the units' figures again (after a change moved a quantity).</summary>
    public async Task LoadUnitsAsync()
    {
        _units = await TransferUnits.LoadAsync(Coverage, Tree, Plan);
        if (Chosen is null)
        {
            _unitId = _units.Count > 0 ? _units[0].UnitId : 0;
        }

        StateHasChanged();
    }

    private void UnitChosen(ChangeEventArgs e) =>
        _unitId = int.TryParse(e.Value?.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : 0;

    private async Task SubmitAsync()
    {
        var quantity = int.TryParse(_quantity?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var given) ? given : 0;
        var (succeeded, unit) = await _call.RunAsync(() => Transfers.ReturnAsync(Plan.Caller, new ReturnLicences(Plan.Plan.Id, _unitId, quantity, _reason)));
        if (succeeded)
        {
            (_quantity, _reason) = (null, null);
            await OnReturned.InvokeAsync(new LicencesTransferred(quantity, unit!, null));
        }
    }
}
