using LicenseAllocation.Application.Needs;
using LicenseAllocation.Web.Components.Controls;
using LicenseAllocation.Web.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace LicenseAllocation.Web.Components.Needs;

/// <summary>
/// The dashboard of a plan (or of one unit's subtree): everything is read with <see cref="CoverageQuery"/>, the query
/// behind <c>GET /api/v1/plans/{id}/coverage</c>, whose sums the database computes; the page only picks the groups.
/// </summary>
public partial class NeedsDashboard
{
    /// <summary>How many of the units most short are listed.</summary>
    public const int TopCount = 10;

    private CoverageSummary? _summary;
    private string? _problem;
    private PlanContext? _loadedFor;
    private List<ChartSeries<double>> _groupSeries = [];
    private string[] _groupLabels = [];
    private List<ChartSeries<double>> _donutSeries = [];
    private string[] _donutLabels = [];

    [Inject]
    private CoverageQuery Coverage { get; set; } = default!;

    [Inject]
    private IStringLocalizer<Resources.Needs> Loc { get; set; } = default!;

    [Parameter, EditorRequired]
    public PlanContext Plan { get; set; } = default!;

    [Parameter]
    public int? UnitId { get; set; }

    private string CoverageUrl => UnitId is { } id ? Ui.F("/plans/{0}/coverage?unitId={1}", Plan.Plan.Id, id) : Ui.F("/plans/{0}/coverage", Plan.Plan.Id);

    private string UnitUrl(int unitId) => Ui.F("/plans/{0}/units/{1}/needs", Plan.Plan.Id, unitId);

    protected override async Task OnParametersSetAsync()
    {
        if (ReferenceEquals(_loadedFor, Plan))
        {
            return;
        }

        _loadedFor = Plan;
        var outcome = await Coverage.GetAsync(Plan.Caller, Plan.Plan.Id, UnitId);
        if (!outcome.Succeeded)
        {
            (_summary, _problem) = (null, Ui.Refusal(outcome.Error));
            return;
        }

        var summary = CoverageSummary.Of(outcome.Value);
        _groupLabels = [.. summary.Groups.Select(g => g.Name)];
        _groupSeries =
        [
            Series(Loc[nameof(Resources.Needs.Need)], summary.Groups.Select(g => (double)g.Figures.Need)),
            Series(Loc[nameof(Resources.Needs.Allocated)], summary.Groups.Select(g => (double)g.Figures.Allocated)),
            Series(Loc[nameof(Resources.Needs.SelfPurchased)], summary.Groups.Select(g => (double)g.Figures.SelfPurchased)),
        ];
        var total = summary.Total;
        _donutLabels = [Loc[nameof(Resources.Needs.Allocated)], Loc[nameof(Resources.Needs.SelfPurchased)], Loc[nameof(Resources.Needs.Shortfall)]];
        _donutSeries = [Series(Loc[nameof(Resources.Needs.Covered)], [Math.Min(total.Allocated, total.Need), Math.Min(total.SelfPurchased, Math.Max(0, total.Need - total.Allocated)), total.Shortfall])];
        (_summary, _problem) = (summary, null);
    }

    private static ChartSeries<double> Series(string name, IEnumerable<double> values) => new() { Name = name, Data = new ChartData<double>([.. values]) };
}
