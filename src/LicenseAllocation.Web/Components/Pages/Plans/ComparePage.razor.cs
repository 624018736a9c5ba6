using LicenseAllocation.Web.Resources;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace LicenseAllocation.Web.Components.Pages.Plans;

public partial class ComparePage
{
    [Inject]
    private IStringLocalizer<Resources.Plans> Loc { get; set; } = default!;

    [Inject]
    private IStringLocalizer<Common> Text { get; set; } = default!;

    [Parameter]
    public int PlanId { get; set; }

    [Parameter]
    public int OtherPlanId { get; set; }

    private List<BreadcrumbItem> Breadcrumbs =>
    [
        new(Text[nameof(Common.AllocationPlan)], $"/plans/{PlanId}"),
        new(Text[nameof(Common.Compare)], null, disabled: true),
    ];
}
