using LicenseAllocation.Domain.Needs;
using LicenseAllocation.Web.Localization;
using Microsoft.Extensions.Localization;

namespace LicenseAllocation.Web.Components.Needs;

/// <summary>The words of coverage shared by its parts: the percentage and the one-sentence summary.</summary>
internal static class CoverageText
{
    /// <summary>"85,3 %", or a dash when no need is stated.</summary>
    public static string Percent(decimal? value) => value is { } p ? Ui.F("{0:#,0.#} %", p) : "—";

    /// <summary>The director's sentence: what the report's unit needs, what is covered, and who is short by how much.</summary>
    public static string Sentence(IStringLocalizer<Resources.Needs> loc, CoverageSummary summary)
    {
        ArgumentNullException.ThrowIfNull(loc);
        ArgumentNullException.ThrowIfNull(summary);
        if (summary.Total.NeedsStated == 0)
        {
            return loc[nameof(Resources.Needs.SummaryNoNeed), summary.RootName ?? string.Empty];
        }

        var first = loc[nameof(Resources.Needs.SummaryCovered), summary.RootName ?? string.Empty, Ui.N(summary.Total.Need), Ui.N(summary.Total.Covered), Percent(summary.Total.CoveragePercent),
            Ui.N(summary.Total.NeedsStated), Ui.N(summary.UnitCount)];
        var second = summary.ShortUnits.Count == 0
            ? loc[nameof(Resources.Needs.SummaryNoneShort)]
            : loc[nameof(Resources.Needs.SummaryShort), Ui.N(summary.ShortUnits.Count), Ui.N(summary.ShortBy)];
        return Ui.F("{0}; {1}", first, second);
    }

    public static MudBlazor.Color ColorOf(CoverageStatus status) => status switch
    {
        CoverageStatus.Shortfall => MudBlazor.Color.Error,
        CoverageStatus.Covered => MudBlazor.Color.Success,
        CoverageStatus.Surplus => MudBlazor.Color.Info,
        _ => MudBlazor.Color.Default,
    };
}
