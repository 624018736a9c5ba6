using LicenseAllocation.Application.Requests;
using LicenseAllocation.Domain.Requests;
using LicenseAllocation.Web.Components.Requests;
using LicenseAllocation.Web.Localization;
using LicenseAllocation.Web.Resources;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace LicenseAllocation.Web.Components.Pages.Requests;

/// <summary>A plan's requests for more licences: the officers' form to ask, the list with the deciders' answers.</summary>
public partial class RequestsPage
{
    private RequestForm? _form;
    private RequestList? _list;

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
        if (_form is not null)
        {
            await _form.LoadUnitsAsync();
        }
    }
}
