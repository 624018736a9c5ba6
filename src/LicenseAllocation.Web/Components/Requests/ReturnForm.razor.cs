using LicenseAllocation.Application.Allocations;
using LicenseAllocation.Application.Needs;
using LicenseAllocation.Application.Transfers;
using LicenseAllocation.Web.Resources;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace LicenseAllocation.Web.Components.Requests;

/// <summary>
/// Gives licences back to the unit's parent through <see cref="TransferService.ReturnAsync"/>; every rule (reason,
/// handed-on, lock, scope) is the service's.
/// </summary>
public partial class ReturnForm
{
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
    public EventCallback<LicencesTransferred> OnReturned { get; set; }

    protected override int IdOf(UnitNodeView unit) => unit.UnitId;

    protected override Task<IReadOnlyList<UnitNodeView>> ReadUnitsAsync() => TransferUnits.LoadAsync(Coverage, Tree, Plan);

    private async Task SubmitAsync()
    {
        var quantity = Number(_quantity);
        var (succeeded, unit) = await Call.RunAsync(() => Transfers.ReturnAsync(Plan.Caller, new ReturnLicences(Plan.Plan.Id, ChosenId, quantity, _reason)));
        if (succeeded)
        {
            (_quantity, _reason) = (null, null);
            await OnReturned.InvokeAsync(new LicencesTransferred(quantity, unit!, null));
        }
    }
}
