using LicenseAllocation.Domain.Allocations;
using LicenseAllocation.Web.Localization;
using LicenseAllocation.Web.Resources;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace LicenseAllocation.Web.Components.Pages.Deployments;

public partial class DeploymentImportPage
{
    [Inject]
    private IStringLocalizer<ConsoleReports> Loc { get; set; } = default!;

    [Inject]
    private IStringLocalizer<Common> Text { get; set; } = default!;

    [Parameter]
    public int PlanId { get; set; }

    private static string Forbidden => Ui.Refusal(AllocationError.Forbidden());

    private List<BreadcrumbItem> Breadcrumbs =>
    [
        new(Text[nameof(Common.AllocationPlan)], $"/plans/{PlanId}"),
        new(Loc[nameof(ConsoleReports.PictureTitle)], $"/plans/{PlanId}/deployment"),
        new(Loc[nameof(ConsoleReports.ImportTitle)], null, disabled: true),
    ];
}
