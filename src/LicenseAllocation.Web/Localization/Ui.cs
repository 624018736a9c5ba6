using System.Globalization;
using LicenseAllocation.Application.Common;
using LicenseAllocation.Domain.Allocations;

namespace LicenseAllocation.Web.Localization;

/// <summary>
/// Interface text stands in the markup in both languages, Vietnamese first, so that a reader of a page sees the
/// official wording where it is used (see docs/decisions/0004-bilingual-text.md).
/// </summary>
internal static class Ui
{
    public static string T(string vietnamese, string english) => PortalCultures.IsEnglish ? english : vietnamese;

    /// <summary>A count in the reader's format: 5.137 in Vietnamese, 5,137 in English.</summary>
    public static string N(int value) => value.ToString("N0", CultureInfo.CurrentCulture);

    /// <summary>Why the service refused, in the reader's language, with the numbers.</summary>
    public static string Refusal(AllocationError error) => RefusalMessages.Describe(error, CultureInfo.CurrentUICulture);

    /// <summary>What a signed-in account without a portal role is told.</summary>
    public static string NoRole => T("Tài khoản chưa được phân quyền.", "Your account has no role yet.");

    /// <summary>Dates as dd/MM/yyyy, the form used in Vietnamese administration.</summary>
    public static string D(DateOnly value) => value.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>A moment as dd/MM/yyyy HH:mm, in the offset it carries (Vietnam time for audit rows).</summary>
    public static string DT(DateTimeOffset value) => value.ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);
}
