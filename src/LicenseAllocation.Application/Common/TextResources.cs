using System.Globalization;
using System.Resources;

namespace LicenseAllocation.Application.Common;

/// <summary>
/// The application's text resources (<c>Resources/*.resx</c>: Vietnamese, the neutral language, and <c>*.en.resx</c>
/// English), looked up by key for the reader's culture and formatted with that culture's numbers ("5.137" in Vietnamese).
/// </summary>
internal static class TextResources
{
    /// <summary>Refusal and import messages, keyed by their API error code.</summary>
    public static readonly ResourceManager ErrorMessages = new("LicenseAllocation.Application.Resources.ErrorMessages", typeof(TextResources).Assembly);

    /// <summary>Names of audit actions, the integrity check's verdicts and the descriptions of account changes.</summary>
    public static readonly ResourceManager AuditTexts = new("LicenseAllocation.Application.Resources.AuditTexts", typeof(TextResources).Assembly);

    /// <summary>What the inbox says of each kind of notification.</summary>
    public static readonly ResourceManager NotificationTexts = new("LicenseAllocation.Application.Resources.NotificationTexts", typeof(TextResources).Assembly);

    /// <summary>The text of <paramref name="key"/> in <paramref name="culture"/> (Vietnamese where it has none), formatted with <paramref name="arguments"/>.</summary>
    public static string Format(ResourceManager resources, string key, CultureInfo culture, params object?[] arguments) =>
        Find(resources, key, culture) is { } format
            ? string.Format(culture, format, arguments)
            : throw new InvalidOperationException($"The resource {resources.BaseName} has no text for \"{key}\".");

    /// <summary>The text of <paramref name="key"/>, or null when the resource has none.</summary>
    public static string? Find(ResourceManager resources, string key, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(resources);
        return resources.GetString(key, culture);
    }
}
