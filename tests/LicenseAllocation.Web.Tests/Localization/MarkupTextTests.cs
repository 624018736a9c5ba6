using System.Text.RegularExpressions;
using Shouldly;

namespace LicenseAllocation.Web.Tests.Localization;

/// <summary>
/// Interface text lives in resources, never as literals in a .razor file. The check reads the C# the Razor compiler
/// generated for this build: literal text can only appear there as a string constant in markup, content or a
/// user-visible attribute, so nothing that is computed (a resource lookup, a number) is mistaken for it.
/// </summary>
public sealed partial class MarkupTextTests
{
    [Fact]
    public void The_generated_components_of_this_build_are_there_to_be_read()
    {
        GeneratedComponents().Count.ShouldBeGreaterThan(20, $"no generated components under {BuildPaths.RazorGenerated}");
    }

    [Fact]
    public void No_razor_file_holds_literal_user_visible_text()
    {
        var findings = GeneratedComponents()
            .SelectMany(file => LiteralTexts(File.ReadAllText(file.Generated)).Select(text => $"{file.Source}: \"{text}\""))
            .ToList();

        findings.ShouldBeEmpty(string.Join(Environment.NewLine, findings));
    }

    [Theory]
    [InlineData("__builder.AddMarkupContent(3, \"<th>Đơn vị</th>\");", "Đơn vị")]
    [InlineData("__builder.AddContent(4, \"Lưu\");", "Lưu")]
    [InlineData("__builder.AddComponentParameter(5, \"Label\", \"Reason\");", "Reason")]
    [InlineData("__builder.AddAttribute(6, \"aria-label\", \"Expand\");", "Expand")]
    [InlineData("__builder.AddComponentParameter(7, \"Placeholder\", global::Microsoft.AspNetCore.Components.CompilerServices.RuntimeHelpers.TypeCheck<global::System.String>(\"Ví dụ\"));", "Ví dụ")]
    public void Literal_text_in_markup_content_and_visible_attributes_is_found(string generated, string expected)
    {
        LiteralTexts(generated).ShouldBe([expected]);
    }

    [Theory]
    [InlineData("__builder.AddMarkupContent(3, \"\\n    <span class=\\\"tree-spacer\\\"></span>\");")]
    [InlineData("__builder.AddContent(4, Loc[nameof(Common.Save)]);")]
    [InlineData("__builder.AddAttribute(5, \"class\", \"d-flex gap-2\");")]
    [InlineData("__builder.AddAttribute(6, \"data-testid\", \"save-quantity\");")]
    [InlineData("__builder.AddMarkupContent(7, \" → \");")]
    public void Markup_without_words_and_computed_text_pass(string generated)
    {
        LiteralTexts(generated).ShouldBeEmpty();
    }

    private static List<(string Source, string Generated)> GeneratedComponents()
    {
        var webSource = Path.Combine(BuildPaths.RepositoryRoot, "src", "LicenseAllocation.Web");
        var generatedRoot = BuildPaths.RazorGenerated;
        if (!Directory.Exists(generatedRoot))
        {
            return [];
        }

        // A generated file whose .razor was deleted stays behind in obj/ on a developer's machine: skip it.
        return Directory.EnumerateFiles(generatedRoot, "*_razor.g.cs", SearchOption.AllDirectories)
            .Select(generated => (Source: SourceOf(generated, generatedRoot, webSource), Generated: generated))
            .Where(pair => File.Exists(pair.Source))
            .Select(pair => (Path.GetRelativePath(webSource, pair.Source), pair.Generated))
            .ToList();
    }

    private static string SourceOf(string generated, string generatedRoot, string webSource)
    {
        var relative = Path.GetRelativePath(generatedRoot, generated).Split(Path.DirectorySeparatorChar).Skip(2);
        var path = Path.Combine([webSource, .. relative]);
        return path[..^"_razor.g.cs".Length] + ".razor";
    }

    internal static IEnumerable<string> LiteralTexts(string generated)
    {
        foreach (Match match in MarkupPattern().Matches(generated))
        {
            var text = TagPattern().Replace(Regex.Unescape(match.Groups["text"].Value), " ");
            foreach (var piece in text.Split('\n').Select(p => p.Trim()).Where(HasWords))
            {
                yield return piece;
            }
        }

        foreach (Match match in AttributePattern().Matches(generated))
        {
            var text = Regex.Unescape(match.Groups["text"].Value).Trim();
            if (HasWords(text))
            {
                yield return text;
            }
        }
    }

    private static bool HasWords(string text) => text.Any(char.IsLetter) && !text.StartsWith('&');

    [GeneratedRegex("""Add(?:MarkupContent|Content)\(\d+,\s*"(?<text>(?:[^"\\]|\\.)*)"\)""")]
    private static partial Regex MarkupPattern();

    [GeneratedRegex("""Add(?:Component)?(?:Attribute|Parameter)\(\d+,\s*"(?:Label|Placeholder|HelperText|Title|title|aria-label|alt|Text|ToolTip|Tooltip|ButtonText|AdornmentAriaLabel)",\s*(?:global::[\w.]+\.TypeCheck<[^>]+>\()?"(?<text>(?:[^"\\]|\\.)*)"\)""")]
    private static partial Regex AttributePattern();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex TagPattern();
}
