using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Auditing;
using LicenseAllocation.Web.Components.Controls;
using LicenseAllocation.Web.Resources;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using AuditingText = LicenseAllocation.Web.Resources.Auditing;

namespace LicenseAllocation.Web.Components.Auditing;

public partial class AuditTrailTable
{
    private readonly ServiceCall _load = new();
    private AuditPage? _page;
    private (AuditFilter Filter, int Page)? _shown;

    [Inject]
    private AuditQueries Audit { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private IStringLocalizer<AuditingText> Loc { get; set; } = default!;

    [Inject]
    private IStringLocalizer<Common> Text { get; set; } = default!;

    [Parameter, EditorRequired]
    public Caller Caller { get; set; } = default!;

    [Parameter, EditorRequired]
    public AuditFilter Filter { get; set; } = new();

    /// <summary>From 1. A page past the last has no rows; its pager leads back.</summary>
    [Parameter]
    public int Page { get; set; } = 1;

    [Parameter]
    public EventCallback<int> PageChanged { get; set; }

    protected override async Task OnParametersSetAsync()
    {
        // Filters change faster than a page loads: a running load looks again at what is asked for when it ends.
        if (_load.Busy)
        {
            return;
        }

        while (_shown != (Filter, Page))
        {
            var (filter, number) = (Filter, Page);
            var (succeeded, page) = await _load.RunAsync(() => Audit.PageAsync(Caller, filter, number));
            (_page, _shown) = (succeeded ? page : null, (filter, number));
        }
    }

    private static int PageCount(AuditPage page) => (page.Total + page.PageSize - 1) / page.PageSize;

    private static int First(AuditPage page) => page.Items.Count == 0 ? 0 : ((page.Page - 1) * page.PageSize) + 1;

    private static int Last(AuditPage page) => page.Items.Count == 0 ? 0 : ((page.Page - 1) * page.PageSize) + page.Items.Count;

    private string ChangeSetLink(Guid changeSetId) => AuditLinks.Trail(Filter with { ChangeSetId = changeSetId });

    private void OpenChangeSet(Guid changeSetId) => Navigation.NavigateTo(ChangeSetLink(changeSetId));
}
