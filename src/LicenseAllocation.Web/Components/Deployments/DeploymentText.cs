using System.Globalization;
using LicenseAllocation.Application.Deployments;
using LicenseAllocation.Domain.Deployments;
using LicenseAllocation.Web.Localization;
using LicenseAllocation.Web.Resources;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace LicenseAllocation.Web.Components.Deployments;

/// <summary>The words and colours the console-report parts share: why a call was refused, a band's name and colour, a percentage.</summary>
internal static class DeploymentText
{
    /// <summary>The refusal or the issue of a result as the sentence the service explains it with; null when it succeeded.</summary>
    public static string? Problem<T>(DeploymentResult<T> result) =>
        result.Refusal is { } refusal ? Ui.Refusal(refusal)
        : result.Issue is { } issue ? DeploymentMessages.Describe(issue, CultureInfo.CurrentUICulture)
        : null;

    public static string Band(IStringLocalizer<ConsoleReports> loc, UseBand band) => band switch
    {
        UseBand.Info => loc[nameof(ConsoleReports.BandInfo)],
        UseBand.Warning => loc[nameof(ConsoleReports.BandWarning)],
        UseBand.Critical => loc[nameof(ConsoleReports.BandCritical)],
        _ => loc[nameof(ConsoleReports.BandOk)],
    };

    public static Color Colour(UseBand band) => band switch
    {
        UseBand.Info => Color.Info,
        UseBand.Warning => Color.Warning,
        UseBand.Critical => Color.Error,
        _ => Color.Success,
    };

    /// <summary>
    /// The stale devices of a row: their number, and beside it how many the report gave no last-seen time for — those
    /// are neither stale nor seen lately (e.g. "0 (không rõ: 270)").
    /// </summary>
    public static string Stale(IStringLocalizer<ConsoleReports> loc, DeploymentFigures figures) =>
        figures.LastSeenUnknown == 0 ? Ui.N(figures.Stale) : Ui.F(loc[nameof(ConsoleReports.StaleWithUnknown)], Ui.N(figures.Stale), Ui.N(figures.LastSeenUnknown));

    /// <summary>106,67 % (vi) / 106.67 % (en); a dash when nothing is licensed.</summary>
    public static string Percent(decimal? value) => value is { } v ? v.ToString("0.##", CultureInfo.CurrentCulture) + " %" : "—";
}
