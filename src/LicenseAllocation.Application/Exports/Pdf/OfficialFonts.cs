using System.Reflection;
using PdfSharp.Fonts;

namespace LicenseAllocation.Application.Exports.Pdf;

/// <summary>
/// The fonts of the portal's PDF documents: Times New Roman, as Decree 30/2020/NĐ-CP asks, when the server has it
/// (Windows always does); otherwise DejaVu Serif, carried inside the assembly, which has every Vietnamese letter.
/// Every face requested resolves to one of these, so no document ever fails for a missing font.
/// </summary>
internal sealed class OfficialFonts : IFontResolver
{
    private static readonly Lock Gate = new();

    private static readonly string[] FontFolders =
    [
        Environment.GetFolderPath(Environment.SpecialFolder.Fonts),
        "/usr/share/fonts/truetype/msttcorefonts",
        "/usr/share/fonts/TTF",
    ];

    // Regular, bold, italic file names of Times New Roman as Windows and Debian's msttcorefonts install them.
    private static readonly (string Face, string[] Files)[] TimesNewRoman =
    [
        ("regular", ["times.ttf", "Times_New_Roman.ttf"]),
        ("bold", ["timesbd.ttf", "Times_New_Roman_Bold.ttf"]),
        ("italic", ["timesi.ttf", "Times_New_Roman_Italic.ttf"]),
    ];

    private static readonly Dictionary<string, string> EmbeddedFaces = new()
    {
        ["regular"] = "Fonts.DejaVuSerif.ttf",
        ["bold"] = "Fonts.DejaVuSerif-Bold.ttf",
        ["italic"] = "Fonts.DejaVuSerif-Italic.ttf",
    };

    private readonly Dictionary<string, string> _systemFiles;

    private OfficialFonts(Dictionary<string, string> systemFiles) => _systemFiles = systemFiles;

    /// <summary>The family every document asks for; the resolver decides which file stands behind it.</summary>
    public const string Family = OfficialPrint.FontName;

    /// <summary>Installs the resolver once per process; PDFsharp's resolver is global.</summary>
    public static void EnsureInstalled()
    {
        lock (Gate)
        {
            if (GlobalFontSettings.FontResolver is not OfficialFonts)
            {
                GlobalFontSettings.FontResolver = new OfficialFonts(FindTimesNewRoman());
            }
        }
    }

    public FontResolverInfo ResolveTypeface(string familyName, bool isBold, bool isItalic) =>
        new(isBold ? "bold" : isItalic ? "italic" : "regular");

    public byte[] GetFont(string faceName)
    {
        if (_systemFiles.TryGetValue(faceName, out var path))
        {
            return File.ReadAllBytes(path);
        }

        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(EmbeddedFaces[faceName])
            ?? throw new InvalidOperationException($"The embedded font {EmbeddedFaces[faceName]} is missing.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    // All three faces or none: a document in Times New Roman with a DejaVu bold would look patched together.
    private static Dictionary<string, string> FindTimesNewRoman()
    {
        var found = new Dictionary<string, string>();
        foreach (var (face, files) in TimesNewRoman)
        {
            var path = FontFolders.Where(f => f.Length > 0)
                .SelectMany(folder => files.Select(file => Path.Combine(folder, file)))
                .FirstOrDefault(File.Exists);
            if (path is null)
            {
                return [];
            }

            found[face] = path;
        }

        return found;
    }
}
