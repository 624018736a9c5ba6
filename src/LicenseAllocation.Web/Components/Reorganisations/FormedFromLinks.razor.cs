using System.Globalization;
using LicenseAllocation.Web.Resources;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace LicenseAllocation.Web.Components.Reorganisations;

/// <summary>The old units of a new unit, in the file's preview and in a recorded reorganisation alike.</summary>
public partial class FormedFromLinks
{
    [Inject]
    private IStringLocalizer<ReorganisationTexts> Loc { get; set; } = default!;

    [Parameter, EditorRequired]
    public IEnumerable<FormedFromLink> Links { get; set; } = [];

    /// <summary>The test id of each line, when the page around it has one.</summary>
    [Parameter]
    public string? TestId { get; set; }

    /// <summary>"Xã A (28222) · một phần · 50 % · chưa xác nhận": the old unit, whether the portal holds it, how much of it, and whether the link is settled.</summary>
    private string Describe(FormedFromLink from)
    {
        var parts = new List<string> { from.Code is null ? from.Name : $"{from.Name} ({from.Code})" };
        if (!from.Held)
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
