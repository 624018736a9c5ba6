using LicenseAllocation.Web.Resources;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace LicenseAllocation.Web.Components.Pages.Deployments;

public partial class DeploymentPage
{
    [Inject]
    private IStringLocalizer<ConsoleReports> Loc { get; set; } = default!;

    [Inject]
    private IStringLocalizer<Common> Text { get; set; } = default!;

    [Parameter]
    public int PlanId { get; set; }

    /// <summary>The snapshot to show; the latest when absent (same parameter as the API's).</summary>
    [SupplyParameterFromQuery(Name = "snapshotId")]
    public int? SnapshotId { get; set; }

    private List<BreadcrumbItem> Breadcrumbs =>
    [
        new(Text[nameof(Common.AllocationPlan)], $"/plans/{PlanId}"),
        new(Loc[nameof(ConsoleReports.PictureTitle)], null, disabled: true),
    ];
}
