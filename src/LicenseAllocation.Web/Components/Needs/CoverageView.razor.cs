using LicenseAllocation.Application.Needs;
using LicenseAllocation.Web.Components.Controls;
using LicenseAllocation.Web.Localization;
using LicenseAllocation.Web.Resources;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace LicenseAllocation.Web.Components.Needs;

/// <summary>
/// Reads the plan's coverage for the caller (the whole province, or the subtree of their scope, or of
/// <see cref="UnitId"/>) once, from the same query as <c>GET /api/v1/plans/{id}/coverage</c>.
/// </summary>
public partial class CoverageView
{
    private CoverageReport? _report;
    private CoverageSummary? _summary;
    private List<CoverageLine> _rows = [];
    private string? _problem;
    private bool _onlyShort;

    [Inject]
    private CoverageQuery Coverage { get; set; } = default!;

    [Inject]
    private IStringLocalizer<Resources.Needs> Loc { get; set; } = default!;

    [Inject]
    private IStringLocalizer<Common> Text { get; set; } = default!;

    [Parameter]
    public int? UnitId { get; set; }

    private string Query => UnitId is { } id ? Ui.F("?unitId={0}", id) : string.Empty;

    private string WorkbookUrl => Ui.F("/api/v1/plans/{0}/coverage.xlsx{1}", Plan.Plan.Id, Query);

    private string DashboardUrl => Ui.F("/plans/{0}/dashboard{1}", Plan.Plan.Id, Query);

    private string UnitUrl(int unitId) => Ui.F("/plans/{0}/units/{1}/needs", Plan.Plan.Id, unitId);

    private IReadOnlyList<Figure> Figures =>
    [
        new(Loc[nameof(Resources.Needs.Need)], _summary!.Total.Need, "total-need"),
        new(Loc[nameof(Resources.Needs.Covered)], _summary.Total.Covered, "total-covered",
            Note: Loc[nameof(Resources.Needs.CoveredNote), Ui.N(_summary.Total.Allocated), Ui.N(_summary.Total.SelfPurchased)]),
        new(Loc[nameof(Resources.Needs.ShortUnits)], _summary.ShortUnits.Count, "short-units", Attention: _summary.ShortUnits.Count > 0),
        new(Loc[nameof(Resources.Needs.ShortBy)], _summary.ShortBy, "short-by", Attention: _summary.ShortBy > 0),
    ];

    protected override object? LoadKey => UnitId;

    protected override async Task LoadForPlanAsync()
    {
        var outcome = await Coverage.GetAsync(Plan.Caller, Plan.Plan.Id, UnitId);
        if (!outcome.Succeeded)
        {
            (_report, _summary, _problem) = (null, null, Ui.Refusal(outcome.Error));
            return;
        }

        (_report, _summary, _problem) = (outcome.Value, CoverageSummary.Of(outcome.Value), null);
        Filter();
    }

    private void ShowOnlyShort(bool value)
    {
        _onlyShort = value;
        Filter();
    }

    private void Filter() =>
        _rows = _onlyShort ? [.. _report!.Items.Where(l => l.Subtree.Shortfall > 0)] : [.. _report!.Items];
}
