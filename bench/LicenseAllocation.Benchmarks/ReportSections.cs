using System.Text;
using System.Text.RegularExpressions;

namespace LicenseAllocation.Benchmarks;

/// <summary>Sections of docs/benchmarks.md written by separate runs, each between markers that carry its title.</summary>
internal static partial class ReportSections
{
    private const string Open = "<!-- bench-section: ";
    private const string Close = "<!-- /bench-section -->";

    /// <summary>Puts the section (its first line is "## title") in place of the one of the same title, or at the end.</summary>
    public static string Upsert(string document, string section)
    {
        var title = section.Split('\n')[0].TrimStart('#', ' ').Trim();
        var block = new StringBuilder().Append(Open).Append(title).AppendLine(" -->").Append(section.TrimEnd()).AppendLine().AppendLine(Close).ToString();
        var existing = new Regex($"{Regex.Escape(Open + title)} -->.*?{Regex.Escape(Close)}\\r?\\n?", RegexOptions.Singleline);
        return existing.IsMatch(document)
            ? existing.Replace(document, block.Replace("$", "$$", StringComparison.Ordinal), 1)
            : document.TrimEnd() + "\n\n" + block;
    }

    /// <summary>Every marked section of the document, in order, ready to be appended to a new report.</summary>
    public static string Marked(string document) =>
        string.Concat(AnySection().Matches(document).Select(m => m.Value.TrimEnd() + "\n\n"));

    [GeneratedRegex(@"<!-- bench-section: .*? -->.*?<!-- /bench-section -->", RegexOptions.Singleline)]
    private static partial Regex AnySection();
}
