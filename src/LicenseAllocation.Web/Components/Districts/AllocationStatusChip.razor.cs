using LicenseAllocation.Application.Districts;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace LicenseAllocation.Web.Components.Districts;

/// <summary>How far a unit's share is allocated; the names are the keys <c>AllocationStatus_*</c>.</summary>
public partial class AllocationStatusChip
{
    [Inject]
    private IStringLocalizer<Resources.Districts> Loc { get; set; } = default!;

    [Parameter, EditorRequired]
    public AllocationStatus Status { get; set; }

    internal static Color ColorOf(AllocationStatus status) => status switch
    {
        AllocationStatus.FullyAllocated => Color.Success,
        AllocationStatus.PartlyAllocated => Color.Warning,
        _ => Color.Default,
    };
}
