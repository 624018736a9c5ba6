using LicenseAllocation.Application.Requests;
using LicenseAllocation.Domain.Requests;
using LicenseAllocation.Web.Components.Requests;
using LicenseAllocation.Web.Localization;
using LicenseAllocation.Web.Resources;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace LicenseAllocation.Web.Components.Pages.Requests;

/// <summary>
/// A plan's requests for more licences: the officers' form to ask, the forms to give back and to move licences, the list
/// with the deciders' answers. A published plan keeps its requests waiting for the amendment.
/// </summary>
public partial class RequestsPage
{
    private RequestForm? _form;
    private RequestList? _list;
    private ReturnForm? _return;
    private MoveForm? _move;

    [Inject]
    private IStringLocalizer<RequestTexts> Loc { get; set; } = default!;

    [Inject]
    private IStringLocalizer<Common> Text { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Parameter]
    public int PlanId { get; set; }

    private List<BreadcrumbItem> Breadcrumbs =>
    [
        new(Text[nameof(Common.AllocationPlan)], $"/plans/{PlanId}"),
        new(Loc[nameof(RequestTexts.RequestsTitle)], null, disabled: true),
    ];

    private async Task SubmittedAsync(RequestView request)
    {
        Snackbar.Add(Loc[nameof(RequestTexts.AskSubmitted), Ui.N(request.Requested), request.UnitName], Severity.Success);
        if (_list is not null)
        {
            await _list.ReloadAsync();
        }
    }

    private async Task ChangedAsync(RequestView request)
    {
        var key = request.Status == RequestStatus.Withdrawn ? nameof(RequestTexts.Withdrawn) : nameof(RequestTexts.Decided);
        Snackbar.Add(Loc[key, request.Id], Severity.Success);
        await ReloadFiguresAsync();
    }

    private async Task ReturnedAsync(LicencesTransferred returned)
    {
        var unit = returned.From;
        Snackbar.Add(Loc[nameof(RequestTexts.Returned), Ui.N(returned.Quantity), unit.Name, Ui.N(unit.Quantity), Ui.N(unit.Remaining)], Severity.Success);
        await ReloadFiguresAsync();
    }

    private async Task MovedAsync(LicencesTransferred moved)
    {
        var (from, to) = (moved.From, moved.To!);
        Snackbar.Add(Loc[nameof(RequestTexts.Moved), Ui.N(moved.Quantity), from.Name, to.Name, Ui.N(from.Quantity), Ui.N(to.Quantity)], Severity.Success);
        await ReloadFiguresAsync();
    }

    /// <summary>The forms show the units' figures: read again after any change moved a quantity.</summary>
    private async Task ReloadFiguresAsync()
    {
        await (_form?.LoadUnitsAsync() ?? Task.CompletedTask);
        await (_return?.LoadUnitsAsync() ?? Task.CompletedTask);
        await (_move?.LoadUnitsAsync() ?? Task.CompletedTask);
    }
}
