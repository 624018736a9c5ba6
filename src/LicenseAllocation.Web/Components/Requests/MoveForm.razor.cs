using LicenseAllocation.Application.Allocations;
using LicenseAllocation.Application.Needs;
using LicenseAllocation.Application.Transfers;
using LicenseAllocation.Web.Resources;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace LicenseAllocation.Web.Components.Requests;

/// <summary>
/// Moves licences between two units of the caller's scope through <see cref="TransferService.MoveAsync"/>; every rule
/// (free licences of the source, reason, lock, scope of each unit on the path) is the service's, shown as it words it.
/// The chosen unit is the source.
/// </summary>
public partial class MoveForm
{
    private int _toId;
    private string? _quantity;
    private string? _reason;

    [Inject]
    private CoverageQuery Coverage { get; set; } = default!;

    [Inject]
    private TreeBrowsing Tree { get; set; } = default!;

    [Inject]
    private TransferService Transfers { get; set; } = default!;

    [Inject]
    private IStringLocalizer<RequestTexts> Loc { get; set; } = default!;

    [Parameter]
    public EventCallback<LicencesTransferred> OnMoved { get; set; }

    protected override int IdOf(UnitNodeView unit) => unit.UnitId;

    protected override Task<IReadOnlyList<UnitNodeView>> ReadUnitsAsync() => TransferUnits.LoadAsync(Coverage, Tree, Plan);

    protected override void UnitsRead()
    {
        if (Units!.All(u => u.UnitId != _toId))
        {
            _toId = Units!.Count > 1 ? Units[1].UnitId : 0;
        }
    }

    private async Task SubmitAsync()
    {
        var quantity = Number(_quantity);
        var (succeeded, result) = await Call.RunAsync(() => Transfers.MoveAsync(Plan.Caller, new MoveLicences(Plan.Plan.Id, ChosenId, _toId, quantity, _reason)));
        if (succeeded)
        {
            (_quantity, _reason) = (null, null);
            await OnMoved.InvokeAsync(new LicencesTransferred(quantity, result!.From, result.To));
        }
    }
}
