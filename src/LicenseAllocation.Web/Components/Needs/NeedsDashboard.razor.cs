using LicenseAllocation.Application.Needs;
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

    /// <summary>How many groups the bar chart shows at most, so that their names stay readable.</summary>
    public const int ChartCount = 12;

    private bool _chartIsPartial;

    private CoverageSummary? _summary;
    private string? _problem;
    private List<ChartSeries<double>> _groupSeries = [];
    private string[] _groupLabels = [];
    private List<ChartSeries<double>> _donutSeries = [];
    private string[] _donutLabels = [];

    [Inject]
    private CoverageQuery Coverage { get; set; } = default!;

    [Inject]
    private IStringLocalizer<Resources.Needs> Loc { get; set; } = default!;

    [Parameter]
    public int? UnitId { get; set; }

    private string CoverageUrl => UnitId is { } id ? Ui.F("/plans/{0}/coverage?unitId={1}", Plan.Plan.Id, id) : Ui.F("/plans/{0}/coverage", Plan.Plan.Id);

    private string UnitUrl(int unitId) => Ui.F("/plans/{0}/units/{1}/needs", Plan.Plan.Id, unitId);

    protected override object? LoadKey => UnitId;

    protected override async Task LoadForPlanAsync()
    {
        var outcome = await Coverage.GetAsync(Plan.Caller, Plan.Plan.Id, UnitId);
        if (!outcome.Succeeded)
        {
            (_summary, _problem) = (null, Ui.Refusal(outcome.Error));
            return;
        }

        var summary = CoverageSummary.Of(outcome.Value);
        var groups = ChartGroups(summary.Groups);
        _chartIsPartial = groups.Count < summary.Groups.Count;
        _groupLabels = [.. groups.Select(g => g.Name)];
        _groupSeries =
        [
            Series(Loc[nameof(Resources.Needs.Need)], groups.Select(g => (double)g.Figures.Need)),
            Series(Loc[nameof(Resources.Needs.Allocated)], groups.Select(g => (double)g.Figures.Allocated)),
            Series(Loc[nameof(Resources.Needs.SelfPurchased)], groups.Select(g => (double)g.Figures.SelfPurchased)),
        ];
        var total = summary.Total;
        _donutLabels = [Loc[nameof(Resources.Needs.Allocated)], Loc[nameof(Resources.Needs.SelfPurchased)], Loc[nameof(Resources.Needs.Shortfall)]];
        _donutSeries = [Series(Loc[nameof(Resources.Needs.Covered)], [Math.Min(total.Allocated, total.Need), Math.Min(total.SelfPurchased, Math.Max(0, total.Need - total.Allocated)), total.Shortfall])];
        (_summary, _problem) = (summary, null);
    }

    /// <summary>
    /// The groups a bar chart can still label: all of them up to <see cref="ChartCount"/>, else the ones that need most
    /// (then hold most), kept in the official order.
    /// </summary>
    internal static IReadOnlyList<CoverageGroup> ChartGroups(IReadOnlyList<CoverageGroup> groups) =>
        groups.Count <= ChartCount ? groups
        : [.. groups.Select((g, i) => (g, i)).OrderByDescending(x => x.g.Figures.Need).ThenByDescending(x => x.g.Figures.Allocated).ThenBy(x => x.i)
            .Take(ChartCount).OrderBy(x => x.i).Select(x => x.g)];

    private static ChartSeries<double> Series(string name, IEnumerable<double> values) => new() { Name = name, Data = new ChartData<double>([.. values]) };
}
