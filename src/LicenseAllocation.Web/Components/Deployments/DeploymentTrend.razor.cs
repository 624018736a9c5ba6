using LicenseAllocation.Application.Deployments;
using LicenseAllocation.Web.Components.Controls;
using LicenseAllocation.Web.Localization;
using LicenseAllocation.Web.Resources;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace LicenseAllocation.Web.Components.Deployments;

/// <summary>The trend from <see cref="DeploymentPicture.TrendAsync"/>: installed, licensed and stale devices per report, as a line chart.</summary>
public partial class DeploymentTrend
{
    private IReadOnlyList<TrendPoint>? _points;
    private string? _problem;
    private List<ChartSeries<double>> _series = [];
    private string[] _labels = [];
    private int? _loadedPlan;

    [Inject]
    private DeploymentPicture Pictures { get; set; } = default!;

    [Inject]
    private IStringLocalizer<ConsoleReports> Loc { get; set; } = default!;

    [Parameter, EditorRequired]
    public PlanContext Plan { get; set; } = default!;

    /// <summary>The trend's points as read, for tests and the page.</summary>
    internal IReadOnlyList<TrendPoint> Points => _points ?? [];

    protected override async Task OnParametersSetAsync()
    {
        if (_loadedPlan == Plan.Plan.Id)
        {
            return;
        }

        _loadedPlan = Plan.Plan.Id;
        var result = await Pictures.TrendAsync(Plan.Caller, Plan.Plan.Id);
        _problem = DeploymentText.Problem(result);
        _points = result.Value;
        if (_points is { } points)
        {
            _labels = [.. points.Select(p => Ui.D(p.TakenOn))];
            _series =
            [
                new() { Name = Loc[nameof(ConsoleReports.TrendInstalled)], Data = new ChartData<double>([.. points.Select(p => (double)p.Figures.Installed)]) },
                new() { Name = Loc[nameof(ConsoleReports.TrendLicensed)], Data = new ChartData<double>([.. points.Select(p => (double)p.Figures.Licensed)]) },
                new() { Name = Loc[nameof(ConsoleReports.TrendStale)], Data = new ChartData<double>([.. points.Select(p => (double)p.Figures.Stale)]) },
            ];
            if (points.Any(p => p.Figures.LastSeenUnknown > 0))
            {
                _series.Add(new() { Name = Loc[nameof(ConsoleReports.TrendLastSeenUnknown)], Data = new ChartData<double>([.. points.Select(p => (double)p.Figures.LastSeenUnknown)]) });
            }
        }
    }
}
