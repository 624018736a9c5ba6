using System.Globalization;
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

    /// <summary>"Xã A (28222) · một phần 50 % · chưa xác nhận": the old unit, how much of it, and whether the link is settled.</summary>
    private string Describe(FormedFromView from)
    {
        var parts = new List<string> { from.Code is null ? from.Name : $"{from.Name} ({from.Code})" };
        if (from.UnitId is null)
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
