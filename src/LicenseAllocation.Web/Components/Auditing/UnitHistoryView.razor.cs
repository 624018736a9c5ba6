using LicenseAllocation.Application.Auditing;
using LicenseAllocation.Web.Components.Controls;
using LicenseAllocation.Web.Localization;
using LicenseAllocation.Web.Resources;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;
using AuditingText = LicenseAllocation.Web.Resources.Auditing;

namespace LicenseAllocation.Web.Components.Auditing;

public partial class UnitHistoryView
{
    private readonly ServiceCall _load = new();
    private UnitHistory? _history;
    private (int PlanId, int UnitId)? _shown;

    [Inject]
    private AuditQueries Audit { get; set; } = default!;

    [Inject]
    private IStringLocalizer<AuditingText> Loc { get; set; } = default!;

    [Inject]
    private IStringLocalizer<Common> Text { get; set; } = default!;

    /// <summary>For the link to the unit's lineage across reorganisations.</summary>
    [Inject]
    private IStringLocalizer<ReorganisationTexts> Reorganisation { get; set; } = default!;

    [Parameter, EditorRequired]
    public PlanContext Plan { get; set; } = default!;

    [Parameter, EditorRequired]
    public int UnitId { get; set; }

    private List<BreadcrumbItem> Breadcrumbs =>
    [
        new(Text[nameof(Common.AllocationPlan)], $"/plans/{Plan.Plan.Id}"),
        new(Text[nameof(Common.AuditTrail)], AuditLinks.Trail(new AuditFilter(Plan.Plan.Id))),
        new(_history!.Unit.Name, null, disabled: true),
    ];

    /// <summary>The unit's place in the tree, its code and kind, and the plan: "Tỉnh Đồng Tháp › … · Mã 866 · UBND cấp huyện · …".</summary>
    private string Whereabouts
    {
        get
        {
            var unit = _history!.Unit;
            var parts = new List<string> { string.Join(" › ", _history.Ancestors) };
            if (unit.Code is not null)
            {
                parts.Add($"{Text[nameof(Common.Code)]} {unit.Code}");
            }

            parts.Add(Text.Of(unit.Kind));
            parts.Add(_history.PlanName);
            return string.Join(" · ", parts.Where(p => p.Length > 0));
        }
    }

    protected override async Task OnParametersSetAsync()
    {
        // The plan frame hands down a fresh context each time it renders: read the history again only for another
        // unit, and when the address moves on during a read, read again for the unit it ends on.
        if (_load.Busy)
        {
            return;
        }

        while (_shown != (Plan.Plan.Id, UnitId))
        {
            var (context, unitId) = (Plan, UnitId);
            var (succeeded, history) = await _load.RunAsync(() => Audit.UnitHistoryAsync(context.Caller, context.Plan.Id, unitId));
            (_history, _shown) = (succeeded ? history : null, (context.Plan.Id, unitId));
        }
    }
}
