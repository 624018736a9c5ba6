using Microsoft.AspNetCore.Components;

namespace LicenseAllocation.Web.Components.Pages.Needs;

/// <summary>One unit's need, coverage and self-bought licences in a plan, and the split among the units below it.</summary>
public partial class UnitNeedsPage
{
    [Parameter]
    public int PlanId { get; set; }

    [Parameter]
    public int UnitId { get; set; }
}
