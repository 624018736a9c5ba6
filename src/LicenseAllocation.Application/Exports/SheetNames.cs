namespace LicenseAllocation.Application.Exports;

/// <summary>
/// Turns unit names into worksheet names Excel accepts: at most 31 characters, none of [ ] : * ? / \, not starting or
/// ending with an apostrophe, and unique in the workbook regardless of case (Excel refuses to open a file otherwise).
/// </summary>
public sealed class SheetNames
{
    public const int MaxLength = 31;

    private static readonly char[] Forbidden = ['[', ']', ':', '*', '?', '/', '\\'];

    private readonly HashSet<string> _taken = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>A valid name close to <paramref name="wanted"/> that no earlier call returned; " (2)", " (3)"… tells twins apart.</summary>
    public string Next(string wanted)
    {
        ArgumentNullException.ThrowIfNull(wanted);
        var cleaned = new string(wanted.Select(c => Array.IndexOf(Forbidden, c) >= 0 || char.IsControl(c) ? '-' : c).ToArray()).Trim().Trim('\'').Trim();
        if (cleaned.Length == 0 || cleaned.Equals("History", StringComparison.OrdinalIgnoreCase))
        {
            cleaned = "Trang " + (_taken.Count + 1);
        }

        for (var copy = 1; ; copy++)
        {
            var suffix = copy == 1 ? string.Empty : $" ({copy})";
            var name = Cut(cleaned, MaxLength - suffix.Length) + suffix;
            if (_taken.Add(name))
            {
                return name;
            }
        }
    }

    /// <summary>Cuts to a length without splitting a surrogate pair or leaving a trailing space or apostrophe.</summary>
    private static string Cut(string text, int length)
    {
        if (text.Length <= length)
        {
            return text;
        }

        var end = char.IsHighSurrogate(text[length - 1]) ? length - 1 : length;
        return text[..end].TrimEnd().TrimEnd('\'');
    }
}
