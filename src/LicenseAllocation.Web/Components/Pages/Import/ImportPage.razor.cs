using LicenseAllocation.Web.Resources;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace LicenseAllocation.Web.Components.Pages.Import;

public partial class ImportPage
{
    [Inject]
    private IStringLocalizer<Resources.Import> Loc { get; set; } = default!;

    [Inject]
    private IStringLocalizer<Common> Text { get; set; } = default!;

    [Parameter]
    public int PlanId { get; set; }

    /// <summary>The unit whose template is expected, when the page is opened from that unit's workspace.</summary>
    [SupplyParameterFromQuery(Name = "unitId")]
    public int? UnitId { get; set; }

    private List<BreadcrumbItem> Breadcrumbs =>
    [
        new(Text[nameof(Common.AllocationPlan)], $"/plans/{PlanId}"),
        .. UnitId is { } unit ? [new BreadcrumbItem(Text[nameof(Common.Unit)], $"/plans/{PlanId}/districts/{unit}")] : Array.Empty<BreadcrumbItem>(),
        new(Text[nameof(Common.ImportFromExcel)], null, disabled: true),
    ];
}
