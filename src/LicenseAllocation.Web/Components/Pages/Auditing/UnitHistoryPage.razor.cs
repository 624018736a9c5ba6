using Microsoft.AspNetCore.Components;

namespace LicenseAllocation.Web.Components.Pages.Auditing;

/// <summary>"Who changed this unit's quantity, when, why and under which letter", from the trail of one unit.</summary>
public partial class UnitHistoryPage
{
    [Parameter]
    public int PlanId { get; set; }

    [Parameter]
    public int UnitId { get; set; }
}
