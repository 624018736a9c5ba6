using LicenseAllocation.Domain.Plans;
using LicenseAllocation.Web.Resources;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace LicenseAllocation.Web.Components.Plans;

public partial class PlanStatusChip
{
    [Inject]
    private IStringLocalizer<Common> Text { get; set; } = default!;

    [Parameter, EditorRequired]
    public PlanStatus Status { get; set; }

    [Parameter]
    public string TestId { get; set; } = "plan-status";

    private Color Colour => Status switch
    {
        PlanStatus.Published => Color.Success,
        PlanStatus.Superseded => Color.Default,
        _ => Color.Info,
    };
}
