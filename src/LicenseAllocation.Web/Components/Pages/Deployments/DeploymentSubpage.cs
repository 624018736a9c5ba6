using LicenseAllocation.Domain.Allocations;
using LicenseAllocation.Web.Localization;
using LicenseAllocation.Web.Resources;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace LicenseAllocation.Web.Components.Pages.Deployments;

/// <summary>A page below the plan's deployment picture: its texts, its plan, and the way back through the picture.</summary>
public abstract class DeploymentSubpage : ComponentBase
{
    [Inject]
    private protected IStringLocalizer<ConsoleReports> Loc { get; set; } = default!;

    [Inject]
    private protected IStringLocalizer<Common> Text { get; set; } = default!;

    [Parameter]
    public int PlanId { get; set; }

    protected static string Forbidden => Ui.Refusal(AllocationError.Forbidden());

    /// <summary>This page's own title, the last crumb.</summary>
    protected abstract string Title { get; }

    protected List<BreadcrumbItem> Breadcrumbs =>
    [
        new(Text[nameof(Common.AllocationPlan)], $"/plans/{PlanId}"),
        new(Loc[nameof(ConsoleReports.PictureTitle)], $"/plans/{PlanId}/deployment"),
        new(Title, null, disabled: true),
    ];
}
