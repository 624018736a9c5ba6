using LicenseAllocation.Application.Auditing;
using LicenseAllocation.Application.Plans;
using LicenseAllocation.Web.Api;
using LicenseAllocation.Web.Components.Auditing;
using LicenseAllocation.Web.Localization;
using LicenseAllocation.Web.Resources;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace LicenseAllocation.Web.Components.Pages.Auditing;

/// <summary>
/// The trail, filtered by its address: links from a unit's history or a change set, and links copied from this page,
/// open on the same rows. The address is read by the code that reads the API's (<see cref="AuditQueryParameters"/>).
/// </summary>
public partial class AuditPage
{
    private AuditFilterChoices? _choices;
    private IReadOnlyList<PlanSummary>? _plans;
    private string? _problem;
    private AuditQuery _query = new(new AuditFilter(), 1, []);

    [Inject]
    private AuditQueries Audit { get; set; } = default!;

    [Inject]
    private PlanQueries Plans { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private IStringLocalizer<Common> Text { get; set; } = default!;

    [SupplyParameterFromQuery(Name = AuditQueryParameters.PlanIdName)]
    public string? PlanId { get; set; }

    [SupplyParameterFromQuery(Name = AuditQueryParameters.UnitIdName)]
    public string? UnitId { get; set; }

    [SupplyParameterFromQuery(Name = AuditQueryParameters.FromName)]
    public string? From { get; set; }

    [SupplyParameterFromQuery(Name = AuditQueryParameters.ToName)]
    public string? To { get; set; }

    [SupplyParameterFromQuery(Name = AuditQueryParameters.UserNameName)]
    public string? UserName { get; set; }

    [SupplyParameterFromQuery(Name = AuditQueryParameters.ActionName)]
    public string? ActionName { get; set; }

    [SupplyParameterFromQuery(Name = AuditQueryParameters.ChangeSetIdName)]
    public string? ChangeSetId { get; set; }

    [SupplyParameterFromQuery(Name = AuditQueryParameters.PageName)]
    public string? PageNumber { get; set; }

    protected override async Task OnParametersSetAsync()
    {
        _query = ReadQuery();
        var caller = await ResolveCallerAsync();
        if (caller is null)
        {
            _problem = Text[nameof(Common.NoRole)];
            return;
        }

        if (_choices is not null)
        {
            return;
        }

        var choices = await Audit.FilterChoicesAsync(caller);
        var plans = await Plans.ListAsync(caller);
        if (!choices.Succeeded || !plans.Succeeded)
        {
            _problem = Ui.Refusal(choices.Error ?? plans.Error!);
            return;
        }

        (_choices, _plans) = (choices.Value, plans.Value);
    }

    private AuditQuery ReadQuery()
    {
        var planProblem = AuditQueryParameters.ParsePlanId(PlanId, out var planId);
        var query = new AuditQueryParameters(UnitId, From, To, UserName, ActionName, ChangeSetId, PageNumber).Parse(planId);
        return planProblem is null ? query : query with { Problems = [planProblem, .. query.Problems] };
    }

    /// <summary>A new filter starts again from its first page.</summary>
    private void ShowFilter(AuditFilter filter) => Navigation.NavigateTo(AuditLinks.Trail(filter));

    private void ShowPage(int page) => Navigation.NavigateTo(AuditLinks.Trail(_query.Filter, page));
}
