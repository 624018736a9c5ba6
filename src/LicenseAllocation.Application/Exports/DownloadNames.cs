using System.Globalization;
using System.Text;

namespace LicenseAllocation.Application.Exports;

/// <summary>
/// File names for downloads: Vietnamese words without diacritics, joined by hyphens ("phan-bo-thanh-pho-cao-lanh"),
/// which survive every browser, mail client and zip tool the departments use.
/// </summary>
public static class DownloadNames
{
    public static string Slug(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Replace('đ', 'd').Replace('Đ', 'D').Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsAsciiLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
            else if (builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }
        }

        return builder.ToString().TrimEnd('-');
    }
}
