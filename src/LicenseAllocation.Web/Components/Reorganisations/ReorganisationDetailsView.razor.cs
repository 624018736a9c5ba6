using LicenseAllocation.Application.Reorganisations;
using LicenseAllocation.Web.Resources;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace LicenseAllocation.Web.Components.Reorganisations;

public partial class ReorganisationDetailsView
{
    [Inject]
    private IStringLocalizer<ReorganisationTexts> Loc { get; set; } = default!;

    [Inject]
    private IStringLocalizer<Common> Text { get; set; } = default!;

    [Parameter, EditorRequired]
    public ReorganisationDetails Details { get; set; } = default!;

    /// <summary>The new units under the new province (the province itself is the record's first line).</summary>
    private List<ReorganisationUnitView> Units => [.. Details.Units];
}
