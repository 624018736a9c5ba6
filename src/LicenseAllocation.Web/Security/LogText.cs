using System.Globalization;
using System.Text;

namespace LicenseAllocation.Web.Security;

/// <summary>
/// Text a visitor typed, made safe for a log line: control characters (line breaks, ANSI escapes, bidirectional
/// overrides) are written as <c>\n</c>, <c>\u001b</c> and so on, so a user name cannot start a forged log line or
/// recolour the console. Everything else, Vietnamese letters included, is kept as it is.
/// </summary>
internal static class LogText
{
    public const int MaxLength = 200;

    public static string? Safe(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var needsEscaping = text.Length > MaxLength;
        foreach (var ch in text)
        {
            needsEscaping |= IsUnsafe(ch);
        }

        if (!needsEscaping)
        {
            return text;
        }

        var builder = new StringBuilder(Math.Min(text.Length, MaxLength) + 16);
        foreach (var ch in text.Length > MaxLength ? text[..MaxLength] : text)
        {
            _ = ch switch
            {
                '\n' => builder.Append("\\n"),
                '\r' => builder.Append("\\r"),
                '\t' => builder.Append("\\t"),
                _ when IsUnsafe(ch) => builder.Append("\\u").Append(((int)ch).ToString("x4", CultureInfo.InvariantCulture)),
                _ => builder.Append(ch),
            };
        }

        return text.Length > MaxLength ? builder.Append('…').ToString() : builder.ToString();
    }

    private static bool IsUnsafe(char ch) =>
        char.IsControl(ch) || ch is '\u2028' or '\u2029' || (ch >= '\u202a' && ch <= '\u202e') || (ch >= '\u2066' && ch <= '\u2069');
}
