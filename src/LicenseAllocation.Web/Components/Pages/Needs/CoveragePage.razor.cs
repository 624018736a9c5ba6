using Microsoft.AspNetCore.Components;

namespace LicenseAllocation.Web.Components.Pages.Needs;

/// <summary>A plan's page of who is short of licences: need, allocated, self-purchased and coverage per unit; <c>?unitId=</c> narrows it to one unit's subtree.</summary>
public partial class CoveragePage
{
    [Parameter]
    public int PlanId { get; set; }

    [SupplyParameterFromQuery(Name = "unitId")]
    public int? UnitId { get; set; }
}
