using LicenseAllocation.Application.Allocations;
using LicenseAllocation.Application.Decisions;
using LicenseAllocation.Application.Plans;
using LicenseAllocation.Domain.Plans;
using LicenseAllocation.Web.Components.Controls;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace LicenseAllocation.Web.Components.Pages.Plans;

/// <summary>A plan: its letter and product, its headline figures, and the tree of what every unit receives.</summary>
public sealed partial class PlanPage
{
    private PlanFrame? _frame;
    private IReadOnlyList<PlanSummary>? _versions;
    private IReadOnlyList<LevelDecisionView> _levels = [];
    private IReadOnlySet<int> _frozenLevels = new HashSet<int>();

    [Inject]
    private PlanQueries Plans { get; set; } = default!;

    [Inject]
    private DecisionQueries Decisions { get; set; } = default!;

    [Inject]
    private IStringLocalizer<Resources.Allocation> Loc { get; set; } = default!;

    [Parameter]
    public int PlanId { get; set; }

    // Set while the page reloads after a quantity edit in the tree: the versions and the levels' statuses stay as they
    // are, and only the levels around the changed unit are read again.
    private int? _changedUnitId;

    private async Task LoadVersionsAsync(PlanContext context)
    {
        if (_changedUnitId is { } unitId)
        {
            var moved = await Decisions.ListMovedByAsync(context.Caller, PlanId, unitId);
            var fresh = moved.Succeeded ? moved.Value.ToDictionary(l => l.IssuingUnitId) : [];
            _levels = [.. _levels.Select(l => fresh.GetValueOrDefault(l.IssuingUnitId, l))];
            return;
        }

        _versions = (await Plans.GetVersionsAsync(context.Caller, PlanId)).Value;
        var levels = await Decisions.ListAsync(context.Caller, PlanId);
        _levels = levels.Succeeded ? levels.Value : [];
        _frozenLevels = _levels.Where(l => l.Status != PlanStatus.Draft).Select(l => l.IssuingUnitId).ToHashSet();
    }

    private Task ReloadAsync() => _frame?.ReloadAsync() ?? Task.CompletedTask;

    private async Task QuantityChangedAsync(UnitNodeView changed)
    {
        _changedUnitId = changed.UnitId;
        try
        {
            await ReloadAsync();
        }
        finally
        {
            _changedUnitId = null;
        }
    }

    // The product form starts afresh when the product it shows changes, not when an edit moves the plan's figures.
    private static object ProductKey(PlanSummary plan) => (plan.Id, plan.ProductName, plan.Vendor, plan.LicenceTermStart, plan.LicenceTermEnd);

    private string? LockedNote(PlanSummary plan)
    {
        if (!plan.IsLocked)
        {
            return null;
        }

        var superseding = _versions?.FirstOrDefault(v => v.AmendmentOfId == PlanId && v.Status != PlanStatus.Draft);
        return plan.Status == PlanStatus.Superseded && superseding is not null ? Loc[nameof(Resources.Allocation.SupersededNote), superseding.Version]
            : plan.IsOpen ? Loc[nameof(Resources.Allocation.PublishedNote)]
            : Loc[nameof(Resources.Allocation.AmendmentUnderWayNote)];
    }
}
