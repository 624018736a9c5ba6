using LicenseAllocation.Domain.Plans;
using LicenseAllocation.Web.Resources;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace LicenseAllocation.Web.Components.Plans;

public partial class PlanStatusChip
{
    [Inject]
    private IStringLocalizer<Common> Text { get; set; } = default!;

    [Parameter, EditorRequired]
    public PlanStatus Status { get; set; }

    [Parameter]
    public string TestId { get; set; } = "plan-status";

    private string Tone => Status switch
    {
        PlanStatus.Published => "tone-success",
        PlanStatus.Superseded => "tone-neutral",
        _ => "tone-info",
    };
}
