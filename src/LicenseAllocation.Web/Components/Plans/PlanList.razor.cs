using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Identity;
using LicenseAllocation.Application.Plans;
using LicenseAllocation.Domain.Plans;
using LicenseAllocation.Web.Resources;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace LicenseAllocation.Web.Components.Plans;

public partial class PlanList
{
    [Inject]
    private IStringLocalizer<Home> Loc { get; set; } = default!;

    [Inject]
    private IStringLocalizer<Common> Text { get; set; } = default!;

    [Parameter, EditorRequired]
    public IReadOnlyList<PlanSummary> Plans { get; set; } = [];

    /// <summary>Who reads the list: it decides where a plan's link leads.</summary>
    [Parameter]
    public Caller? Caller { get; set; }

    // A district officer works in their district's workspace; everyone else starts from the plan's tree.
    private string LinkTo(PlanSummary plan) =>
        Caller is { Role: PortalRole.DistrictOfficer, ScopeUnitId: { } district }
            ? $"/plans/{plan.Id}/districts/{district}"
            : $"/plans/{plan.Id}";

    /// <summary>The earlier version this plan amends, when the caller can read it.</summary>
    private PlanSummary? EarlierVersion(PlanSummary plan) =>
        plan.AmendmentOfId is { } previous ? Plans.FirstOrDefault(p => p.Id == previous) : null;

    /// <summary>The later version that amends this plan, when the caller can read it.</summary>
    private PlanSummary? LaterVersion(PlanSummary plan) => Plans.FirstOrDefault(p => p.AmendmentOfId == plan.Id);

    private string VersionName(PlanSummary plan) => Text[nameof(Common.VersionNumber), plan.Version];

    private static Color StatusColour(PlanStatus status) => status switch
    {
        PlanStatus.Published => Color.Success,
        PlanStatus.Superseded => Color.Default,
        _ => Color.Info,
    };
}
