using System.Globalization;

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

    /// <summary>Dates as dd/MM/yyyy, the form used in Vietnamese administration.</summary>
    public static string D(DateOnly value) => value.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
}
