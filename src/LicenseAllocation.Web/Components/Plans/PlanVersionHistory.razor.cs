using LicenseAllocation.Application.Plans;
using LicenseAllocation.Web.Localization;
using LicenseAllocation.Web.Resources;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace LicenseAllocation.Web.Components.Plans;

public partial class PlanVersionHistory
{
    [Inject]
    private IStringLocalizer<Resources.Plans> Loc { get; set; } = default!;

    [Inject]
    private IStringLocalizer<Common> Text { get; set; } = default!;

    [Parameter, EditorRequired]
    public IReadOnlyList<PlanSummary> Versions { get; set; } = [];

    [Parameter, EditorRequired]
    public int CurrentPlanId { get; set; }

    private string VersionName(PlanSummary plan) => Text[nameof(Common.VersionNumber), plan.Version];

    /// <summary>Only a locked version has a letter; a draft shows a dash.</summary>
    private string Letter(PlanSummary plan) =>
        plan.IsLocked && plan.Document is { Number: { } number, Date: { } date }
            ? Loc[nameof(Resources.Plans.LetterOfDay), number, Ui.D(date)]
            : "—";
}
