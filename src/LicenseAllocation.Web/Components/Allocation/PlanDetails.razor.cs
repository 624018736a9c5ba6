using LicenseAllocation.Application.Plans;
using LicenseAllocation.Domain.Plans;
using LicenseAllocation.Web.Localization;
using LicenseAllocation.Web.Resources;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace LicenseAllocation.Web.Components.Allocation;

public sealed partial class PlanDetails
{
    [Inject]
    private IStringLocalizer<Resources.Allocation> Loc { get; set; } = default!;

    [Inject]
    private IStringLocalizer<Common> Text { get; set; } = default!;

    [Parameter, EditorRequired]
    public PlanSummary Plan { get; set; } = default!;

    private string DocumentText => Plan.Document is { } d
        ? $"{Text[nameof(Common.LetterNumber)]} {d.Number} — {DateText(d)} — {d.Issuer}"
        : Loc[nameof(Resources.Allocation.NoneYet)];

    private string ProductText
    {
        get
        {
            if (Plan.ProductName is not { } name)
            {
                return Loc[nameof(Resources.Allocation.ProductToBeAnnounced)];
            }

            var vendor = Plan.Vendor is { } v ? $" — {v}" : string.Empty;
            var term = (Plan.LicenceTermStart, Plan.LicenceTermEnd) switch
            {
                ({ } start, { } end) => " — " + Loc[nameof(Resources.Allocation.LicensedFromTo), Ui.D(start), Ui.D(end)],
                ({ } start, null) => " — " + Loc[nameof(Resources.Allocation.LicensedFrom), Ui.D(start)],
                (null, { } end) => " — " + Loc[nameof(Resources.Allocation.LicensedUntil), Ui.D(end)],
                _ => string.Empty,
            };
            return name + vendor + term;
        }
    }

    private string DateText(OfficialDocument document) => document.Date switch
    {
        null => Loc[nameof(Resources.Allocation.Undated)],
        { } date when document.Precision == DatePrecision.Day => Ui.D(date),
        { } date => Loc[nameof(Resources.Allocation.MonthOfYear), $"{date.Month:00}/{date.Year}"],
    };
}
