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
    /// <summary>Transitional: text still written inline in both languages. New code uses resources.</summary>
    public static string T(string vietnamese, string english) => PortalCultures.IsEnglish ? english : vietnamese;

    /// <summary>Transitional, like <see cref="T"/>: pages use <c>Common.NoRole</c>.</summary>
    public static string NoRole => T("Tài khoản chưa được phân quyền.", "Your account has no role yet.");

    /// <summary>A count in the reader's format: 5.137 in Vietnamese, 5,137 in English.</summary>
    public static string N(int value) => value.ToString("N0", CultureInfo.CurrentCulture);

    /// <summary>Why the service refused, in the reader's language, with the numbers (keyed by the error's code).</summary>
    public static string Refusal(AllocationError error) => RefusalMessages.Describe(error, CultureInfo.CurrentUICulture);

    /// <summary>Dates as dd/MM/yyyy, the form used in Vietnamese administration.</summary>
    public static string D(DateOnly value) => value.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>A moment as dd/MM/yyyy HH:mm, in the offset it carries (Vietnam time for audit rows).</summary>
    public static string DT(DateTimeOffset value) => value.ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);
}
