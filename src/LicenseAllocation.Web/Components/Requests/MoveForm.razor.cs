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
/// Moves licences between two units of the caller's scope through <see cref="TransferService.MoveAsync"/>; every rule
/// (free licences of the source, reason, lock, scope of each unit on the path) is the service's, shown as it words it.
/// </summary>
public partial class MoveForm
{
    private readonly ServiceCall _call = new();
    private IReadOnlyList<UnitNodeView>? _units;
    private int _fromId;
    private int _toId;
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
    public EventCallback<LicencesTransferred> OnMoved { get; set; }

    private UnitNodeView? Source => _units?.FirstOrDefault(u => u.UnitId == _fromId);

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
        if (Source is null)
        {
            _fromId = _units.Count > 0 ? _units[0].UnitId : 0;
        }

        if (_units.All(u => u.UnitId != _toId))
        {
            _toId = _units.Count > 1 ? _units[1].UnitId : 0;
        }

        StateHasChanged();
    }

    private static int Parse(ChangeEventArgs e) =>
        int.TryParse(e.Value?.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : 0;

    private void FromChosen(ChangeEventArgs e) => _fromId = Parse(e);

    private void ToChosen(ChangeEventArgs e) => _toId = Parse(e);

    private async Task SubmitAsync()
    {
        var quantity = int.TryParse(_quantity?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var moved) ? moved : 0;
        var (succeeded, result) = await _call.RunAsync(() => Transfers.MoveAsync(Plan.Caller, new MoveLicences(Plan.Plan.Id, _fromId, _toId, quantity, _reason)));
        if (succeeded)
        {
            (_quantity, _reason) = (null, null);
            await OnMoved.InvokeAsync(new LicencesTransferred(quantity, result!.From, result.To));
        }
    }
}
