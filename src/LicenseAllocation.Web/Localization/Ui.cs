using System.Globalization;
using LicenseAllocation.Application.Common;
using LicenseAllocation.Domain.Allocations;

namespace LicenseAllocation.Web.Localization;

/// <summary>
/// Formats shared by every page: numbers, dates and refusals in the reader's culture. Words come from resources
/// (<c>Resources/*.resx</c> through <c>IStringLocalizer</c>); see docs/decisions/0007-text-in-resources.md.
/// </summary>
internal static class Ui
{
    /// <summary>A resource's composite format filled in the reader's culture (for code that has no localizer, such as endpoints).</summary>
    public static string F(string format, params object?[] args) => string.Format(CultureInfo.CurrentCulture, format, args);

    /// <summary>A count in the reader's format: 5.137 in Vietnamese, 5,137 in English.</summary>
    public static string N(int value) => value.ToString("N0", CultureInfo.CurrentCulture);

    /// <summary>Why the service refused, in the reader's language, with the numbers (keyed by the error's code).</summary>
    public static string Refusal(AllocationError error) => RefusalMessages.Describe(error, CultureInfo.CurrentUICulture);

    /// <summary>Dates as dd/MM/yyyy, the form used in Vietnamese administration.</summary>
    public static string D(DateOnly value) => value.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>A moment as dd/MM/yyyy HH:mm, in the offset it carries (Vietnam time for audit rows).</summary>
    public static string DT(DateTimeOffset value) => value.ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);
}
