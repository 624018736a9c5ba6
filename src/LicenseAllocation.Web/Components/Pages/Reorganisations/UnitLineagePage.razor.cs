using LicenseAllocation.Application.Reorganisations;
using LicenseAllocation.Web.Components.Controls;
using LicenseAllocation.Web.Resources;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace LicenseAllocation.Web.Components.Pages.Reorganisations;

/// <summary>"Nguồn gốc và kế thừa" of one unit; opened from its history in a plan (<c>?planId=</c>), it leads back there.</summary>
public partial class UnitLineagePage : PortalComponent
{
    private UnitLineageView? _lineage;
    private string? _problem;

    [Parameter]
    public int UnitId { get; set; }

    /// <summary>The plan whose history page led here, so that the page can lead back to it.</summary>
    [SupplyParameterFromQuery(Name = "planId")]
    public int? PlanId { get; set; }

    [Inject]
    private UnitLineage Lineage { get; set; } = default!;

    [Inject]
    private IStringLocalizer<Common> Text { get; set; } = default!;

    [Inject]
    private IStringLocalizer<ReorganisationTexts> Loc { get; set; } = default!;

    private string Title => _lineage is null
        ? Loc[nameof(ReorganisationTexts.Lineage)]
        : Loc[nameof(ReorganisationTexts.LineageOf), _lineage.Name];

    protected override async Task OnParametersSetAsync()
    {
        (_lineage, _problem) = await ReadForCallerAsync(caller => Lineage.GetAsync(caller, UnitId));
    }
}
