using System.Globalization;
using System.Text;

namespace LicenseAllocation.Domain.Units;

/// <summary>
/// How people find a unit by typing part of its name: without diacritics, case or extra spaces, so "my an", "Mỹ An"
/// and an NFD "Mỹ An" from another keyboard all find "Xã Mỹ An". The letter đ has no decomposition in Unicode and is
/// folded to d by hand.
/// </summary>
public static class SearchText
{
    public static string Fold(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return string.Empty;
        }

        var decomposed = UnitName.Normalize(value).Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var ch in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            builder.Append(ch is 'đ' or 'Đ' ? 'd' : char.ToLowerInvariant(ch));
        }

        return builder.ToString();
    }

    /// <summary>Does a unit answer the folded query? Its folded name contains it, or its code starts with it.</summary>
    public static bool Matches(string foldedQuery, string foldedName, string? code)
    {
        ArgumentNullException.ThrowIfNull(foldedQuery);
        ArgumentNullException.ThrowIfNull(foldedName);
        return foldedQuery.Length == 0
            || foldedName.Contains(foldedQuery, StringComparison.Ordinal)
            || (code is not null && code.StartsWith(foldedQuery, StringComparison.Ordinal));
    }
}
