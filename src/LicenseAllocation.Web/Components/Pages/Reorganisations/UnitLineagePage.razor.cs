using LicenseAllocation.Application.Reorganisations;
using LicenseAllocation.Web.Components.Controls;
using LicenseAllocation.Web.Localization;
using LicenseAllocation.Web.Resources;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace LicenseAllocation.Web.Components.Pages.Reorganisations;

/// <summary>"Nguồn gốc và kế thừa" of one unit.</summary>
public partial class UnitLineagePage : PortalComponent
{
    private UnitLineageView? _lineage;
    private string? _problem;

    [Parameter]
    public int UnitId { get; set; }

    [Inject]
    private UnitLineage Lineage { get; set; } = default!;

    [Inject]
    private IStringLocalizer<ReorganisationTexts> Loc { get; set; } = default!;

    [Inject]
    private IStringLocalizer<Common> Text { get; set; } = default!;

    private string Title => _lineage is null
        ? Loc[nameof(ReorganisationTexts.Lineage)]
        : Loc[nameof(ReorganisationTexts.LineageOf), _lineage.Name];

    protected override async Task OnParametersSetAsync()
    {
        if (await ResolveCallerAsync() is not { } caller)
        {
            _problem = Text[nameof(Common.NoRole)];
            return;
        }

        var outcome = await Lineage.GetAsync(caller, UnitId);
        (_lineage, _problem) = outcome.Succeeded ? (outcome.Value, (string?)null) : ((UnitLineageView?)null, Ui.Refusal(outcome.Error));
    }
}
