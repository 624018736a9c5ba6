using LicenseAllocation.Application.Requests;
using LicenseAllocation.Web.Localization;
using LicenseAllocation.Web.Resources;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace LicenseAllocation.Web.Components.Requests;

/// <summary>Which of the plan's requests the list shows.</summary>
public enum RequestListView
{
    All,
    ToDecide,
    Mine,
}

public partial class RequestList
{
    private static readonly (RequestListView View, string Key)[] Views =
    [
        (RequestListView.All, nameof(RequestTexts.FilterAll)),
        (RequestListView.ToDecide, nameof(RequestTexts.FilterToDecide)),
        (RequestListView.Mine, nameof(RequestTexts.FilterMine)),
    ];

    private RequestPage? _page;
    private string? _problem;
    private RequestListView _view;
    private int _pageNumber = 1;

    [Inject]
    private RequestService Requests { get; set; } = default!;

    [Inject]
    private IStringLocalizer<RequestTexts> Loc { get; set; } = default!;

    /// <summary>Raised after a request was decided or withdrawn here (the unit's figures may have moved).</summary>
    [Parameter]
    public EventCallback<RequestView> OnChanged { get; set; }

    protected override async Task LoadForPlanAsync()
    {
        await ReloadAsync();
    }

    /// <summary>Reads the current page again (after a request was made on the page).</summary>
    public async Task ReloadAsync()
    {
        var filter = new RequestFilter(Mine: _view == RequestListView.Mine, ToDecide: _view == RequestListView.ToDecide);
        var outcome = await Requests.ListAsync(Plan.Caller, Plan.Plan.Id, filter, _pageNumber);
        (_page, _problem) = outcome.Succeeded ? (outcome.Value, (string?)null) : ((RequestPage?)null, Ui.Refusal(outcome.Error));
        StateHasChanged();
    }

    private async Task ShowAsync(RequestListView view)
    {
        (_view, _pageNumber) = (view, 1);
        await ReloadAsync();
    }

    private async Task ShowPageAsync(int page)
    {
        _pageNumber = page;
        await ReloadAsync();
    }

    private async Task ChangedAsync(RequestView request)
    {
        await ReloadAsync();
        await OnChanged.InvokeAsync(request);
    }
}
