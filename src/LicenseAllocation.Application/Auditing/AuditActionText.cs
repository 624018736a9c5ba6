using System.Globalization;
using LicenseAllocation.Application.Common;
using LicenseAllocation.Domain.Auditing;

namespace LicenseAllocation.Application.Auditing;

/// <summary>
/// What an audit action is called in the trail, the export and the unit history: Vietnamese unless the reader chose English
/// (<c>Resources/AuditTexts.resx</c>, keys <c>AuditAction_{Value}</c>).
/// </summary>
public static class AuditActionText
{
    public static string Of(AuditAction action, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);

        // An action added later reads as its stored name until it is given words in Resources/AuditTexts.resx.
        return TextResources.Find(TextResources.AuditTexts, $"{nameof(AuditAction)}_{action}", culture) ?? action.ToString();
    }

    /// <summary>The action by its exact stored name (any case), as the API's <c>action</c> filter takes it; numbers are refused.</summary>
    public static AuditAction? Parse(string? name) =>
        Enum.GetValues<AuditAction>().Select(a => (AuditAction?)a).FirstOrDefault(a => string.Equals(a.ToString(), name?.Trim(), StringComparison.OrdinalIgnoreCase));
}
