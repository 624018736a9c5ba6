using Microsoft.AspNetCore.Components;

namespace LicenseAllocation.Web.Components.Pages.Needs;

/// <summary>A plan's page of the director's dashboard of needs and coverage; <c>?unitId=</c> narrows it to one unit's subtree.</summary>
public partial class DashboardPage
{
    [Parameter]
    public int PlanId { get; set; }

    [SupplyParameterFromQuery(Name = "unitId")]
    public int? UnitId { get; set; }
}
