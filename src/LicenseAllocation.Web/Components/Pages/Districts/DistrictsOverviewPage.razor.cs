using Microsoft.AspNetCore.Components;

namespace LicenseAllocation.Web.Components.Pages.Districts;

/// <summary>The province's districts side by side within one plan.</summary>
public partial class DistrictsOverviewPage
{
    [Parameter]
    public int PlanId { get; set; }
}
