using LicenseAllocation.Application.Reorganisations;
using LicenseAllocation.Web.Resources;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace LicenseAllocation.Web.Components.Reorganisations;

public partial class LineageSteps
{
    [Inject]
    private IStringLocalizer<ReorganisationTexts> Loc { get; set; } = default!;

    [Parameter, EditorRequired]
    public IReadOnlyList<LineageStep> Steps { get; set; } = [];

    [Parameter]
    public string TestId { get; set; } = "lineage-steps";
}
