using LicenseAllocation.Application.Reorganisations;
using LicenseAllocation.Web.Localization;
using LicenseAllocation.Web.Resources;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace LicenseAllocation.Web.Components.Reorganisations;

public partial class LineageView
{
    [Inject]
    private IStringLocalizer<ReorganisationTexts> Loc { get; set; } = default!;

    [Parameter, EditorRequired]
    public UnitLineageView Lineage { get; set; } = default!;

    private string Validity => (Lineage.ValidFrom, Lineage.ValidTo) switch
    {
        ({ } from, { } to) => Loc[nameof(ReorganisationTexts.ValidFromTo), Ui.D(from), Ui.D(to)],
        ({ } from, null) => Loc[nameof(ReorganisationTexts.ValidSince), Ui.D(from)],
        (null, { } to) => Loc[nameof(ReorganisationTexts.ValidUntil), Ui.D(to)],
        _ => Loc[nameof(ReorganisationTexts.Always)],
    };
}
