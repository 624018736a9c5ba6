using LicenseAllocation.Application.Reorganisations;
using LicenseAllocation.Web.Resources;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace LicenseAllocation.Web.Components.Reorganisations;

public partial class ReorganisationList
{
    [Inject]
    private IStringLocalizer<ReorganisationTexts> Loc { get; set; } = default!;

    [Parameter, EditorRequired]
    public IReadOnlyList<ReorganisationSummary> Items { get; set; } = [];
}
