using Microsoft.AspNetCore.Components;

namespace LicenseAllocation.Web.Components.Pages.Districts;

/// <summary>A district's workspace: its quota from the province and the agencies and communes it hands it on to.</summary>
public partial class DistrictWorkspacePage
{
    [Parameter]
    public int PlanId { get; set; }

    [Parameter]
    public int DistrictId { get; set; }
}
