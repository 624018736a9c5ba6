using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Plans;
using LicenseAllocation.Domain.Plans;
using LicenseAllocation.Web.Components.Controls;
using LicenseAllocation.Web.Resources;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace LicenseAllocation.Web.Components.Allocation;

/// <summary>
/// "Còn lại" says only what the province has not allocated; "Chưa giao xuống" adds what the district group and the
/// districts hold without having split it, so the overview does not read 0 while 3.960 wait for the districts.
/// </summary>
public sealed partial class PlanFigures
{
    private PlanSummary? _loadedFor;
    private AllocationProgress _progress = AllocationProgress.Empty;

    [Inject]
    private PlanProgressQuery Progress { get; set; } = default!;

    [Inject]
    private IStringLocalizer<Common> Text { get; set; } = default!;

    [Inject]
    private IStringLocalizer<Resources.Allocation> Loc { get; set; } = default!;

    [Parameter, EditorRequired]
    public PlanSummary Plan { get; set; } = default!;

    [Parameter, EditorRequired]
    public Caller Caller { get; set; } = default!;

    // A reload after a change brings a new summary; the progress is read again only then.
    protected override async Task OnParametersSetAsync()
    {
        if (ReferenceEquals(_loadedFor, Plan))
        {
            return;
        }

        _loadedFor = Plan;
        var progress = await Progress.GetAsync(Caller, Plan.Id);
        _progress = progress.Succeeded ? progress.Value : AllocationProgress.Empty;
    }

    private IReadOnlyList<Figure> Figures =>
    [
        new(Text[nameof(Common.TotalLicences)], Plan.TotalLicenses, "plan-total"),
        new(Text[nameof(Common.Allocated)], Plan.Allocated, "plan-allocated"),
        new(Text[nameof(Common.Remaining)], Plan.Remaining, "plan-remaining", Attention: Plan.Remaining > 0),
        new(Loc[nameof(Resources.Allocation.NotHandedOn)], _progress.NotHandedOn, "plan-not-handed-on", Attention: _progress.NotHandedOn > 0, Note: DistrictsNote),
    ];

    private string? DistrictsNote => _progress.DistrictsOpen > 0
        ? Loc[nameof(Resources.Allocation.DistrictsOpenNote), _progress.DistrictsOpen, _progress.Districts].Value
        : null;
}
