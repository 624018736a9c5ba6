using System.Globalization;
using LicenseAllocation.Application.Reorganisations;
using LicenseAllocation.Web.Resources;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace LicenseAllocation.Web.Components.Reorganisations;

public partial class ImportedUnitsPreview
{
    [Inject]
    private IStringLocalizer<ReorganisationTexts> Loc { get; set; } = default!;

    [Inject]
    private IStringLocalizer<Common> Text { get; set; } = default!;

    [Parameter, EditorRequired]
    public IReadOnlyList<ImportedUnitView> Units { get; set; } = [];

    /// <summary>"Phường Mỹ Trà (29888) · một phần · 60 %": the old unit, whether the portal holds it, and how much of it.</summary>
    private string Describe(ImportedLinkView from)
    {
        var parts = new List<string> { from.Code is null ? from.Name : $"{from.Name} ({from.Code})" };
        if (from.OldUnitId is null)
        {
            parts.Add(Loc[nameof(ReorganisationTexts.NotHeldHere)]);
        }

        if (from.Partial)
        {
            parts.Add(Loc[nameof(ReorganisationTexts.Partial)]);
        }

        if (from.Share is { } share and < 1m)
        {
            parts.Add(Loc[nameof(ReorganisationTexts.ShareOf), (share * 100m).ToString("0.##", CultureInfo.CurrentCulture)]);
        }

        if (!from.Confirmed)
        {
            parts.Add(Loc[nameof(ReorganisationTexts.Unconfirmed)]);
        }

        return string.Join(" · ", parts);
    }
}
