using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace LicenseAllocation.Web.Tests.Localization;

/// <summary>A .resx file read as data: its keys and values.</summary>
internal sealed partial record ResourceFile(string Path, IReadOnlyDictionary<string, string> Entries)
{
    public static ResourceFile Read(string path) => new(path, XDocument.Load(path).Root!.Elements("data")
        .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? string.Empty, StringComparer.Ordinal));

    /// <summary>Every neutral (Vietnamese) resource of the solution's projects, each with the path of its English file.</summary>
    public static IEnumerable<(string Vietnamese, string English)> Pairs()
    {
        var source = System.IO.Path.Combine(BuildPaths.RepositoryRoot, "src");
        foreach (var file in Directory.EnumerateFiles(source, "*.resx", SearchOption.AllDirectories))
        {
            if (file.Contains("/obj/", StringComparison.Ordinal) || file.Contains("/bin/", StringComparison.Ordinal))
            {
                continue;
            }

            var name = System.IO.Path.GetFileNameWithoutExtension(file);
            if (!name.Contains('.', StringComparison.Ordinal))
            {
                yield return (file, System.IO.Path.ChangeExtension(file, ".en.resx"));
            }
        }
    }

    /// <summary>The placeholders of a composite format, {0} and {1:N0} alike, as their indexes.</summary>
    public static IReadOnlySet<string> Placeholders(string value) =>
        PlaceholderPattern().Matches(value).Select(m => m.Groups[1].Value).ToHashSet();

    [GeneratedRegex(@"\{(\d+)(?:[,:][^}]*)?\}")]
    private static partial Regex PlaceholderPattern();
}
