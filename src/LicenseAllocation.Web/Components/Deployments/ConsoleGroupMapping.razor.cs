using LicenseAllocation.Application.Common;
using LicenseAllocation.Application.Deployments;
using LicenseAllocation.Web.Components.Controls;
using LicenseAllocation.Web.Localization;
using LicenseAllocation.Web.Resources;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace LicenseAllocation.Web.Components.Deployments;

/// <summary>
/// The groups from <see cref="DeploymentGroups.ListAsync"/> with a unit to choose for each: an unmapped group starts on
/// its suggested unit, and saving confirms every group whose unit differs from its mapping (a cleared one is unmapped).
/// </summary>
public partial class ConsoleGroupMapping
{
    private readonly ServiceCall _call = new();
    private readonly Dictionary<string, int?> _chosen = new(StringComparer.Ordinal);
    private IReadOnlyList<GroupView>? _groups;
    private IReadOnlyList<UnitChoice> _units = [];
    private UnitOffer? _offer;
    private string? _problem;
    private int? _saved;

    [Inject]
    private DeploymentGroups Groups { get; set; } = default!;

    [Inject]
    private IStringLocalizer<ConsoleReports> Loc { get; set; } = default!;

    [Parameter, EditorRequired]
    public PlanContext Plan { get; set; } = default!;

    /// <summary>The groups whose chosen unit differs from the unit they are mapped to.</summary>
    internal IReadOnlyList<GroupAssignment> Changes =>
        [.. (_groups ?? []).Where(g => Chosen(g) != g.UnitId).Select(g => new GroupAssignment(g.Group, Chosen(g)))];

    protected override async Task OnInitializedAsync()
    {
        var units = await Groups.UnitChoicesAsync(Plan.Caller, Plan.Plan.Id);
        _offer = units.Value;
        _units = _offer?.Units ?? [];
        await LoadAsync();
        _problem ??= DeploymentText.Problem(units);
    }

    /// <summary>
    /// Why no unit is offered, when the plan's latest report is dated after every unit of the plan ended (a report of
    /// November 2025 on the 2020 plan, whose units ended on 30/06/2025): it belongs to the plan of the structure after.
    /// </summary>
    private string? NoUnitInForce => _offer is { NoneInForce: true, ReportDay: { } day } offer
        ? offer.StructureEnded is { } ended
            ? Ui.F(Loc[nameof(ConsoleReports.NoUnitInForce)], Ui.D(day), Ui.D(ended.AddDays(1)))
            : Ui.F(Loc[nameof(ConsoleReports.NoUnitInForceOnReportDay)], Ui.D(day))
        : null;

    private int? Chosen(GroupView group) => _chosen.TryGetValue(group.Group, out var unit) ? unit : group.UnitId ?? group.SuggestedUnitId;

    private string UnitName(int? unitId) => unitId is { } id ? _units.FirstOrDefault(u => u.UnitId == id)?.Name ?? string.Empty : string.Empty;

    private void Choose(string group, int? unit)
    {
        _chosen[group] = unit;
        _saved = null;
    }

    private async Task LoadAsync()
    {
        var result = await Groups.ListAsync(Plan.Caller, planId: Plan.Plan.Id);
        _problem = DeploymentText.Problem(result);
        _groups = result.Value;
        _chosen.Clear();
    }

    private async Task SaveAsync()
    {
        var changes = Changes;
        if (changes.Count == 0)
        {
            return;
        }

        DeploymentResult<int>? result = null;
        await _call.RunAsync(async () =>
        {
            result = await Groups.SaveAsync(Plan.Caller, changes);
            return Outcome.Success(true);
        });
        _problem = result is null ? _call.Refusal : DeploymentText.Problem(result);
        if (result?.Succeeded == true)
        {
            await LoadAsync();
            _saved = result.Value;
        }
    }
}
