namespace LicenseAllocation.Application.Import;

/// <summary>
/// Limits an uploaded workbook must stay within before any part of it is parsed (configuration section <c>Imports</c>).
/// A filled template is a few dozen kilobytes; the limits leave room for a whole-plan appendix re-saved by any office
/// suite and refuse what only an attack would need.
/// </summary>
public sealed class ImportOptions
{
    public const string Section = "Imports";

    /// <summary>The largest file accepted, as uploaded (<c>Imports:MaxFileBytes</c>).</summary>
    public long MaxFileBytes { get; set; } = 5 * 1024 * 1024;

    /// <summary>The most entries the zip package may list: Excel writes about a dozen, LibreOffice a few more.</summary>
    public int MaxParts { get; set; } = 1000;

    /// <summary>The most the parts may add up to once decompressed, as the zip's central directory declares them.</summary>
    public long MaxUncompressedBytes { get; set; } = 64 * 1024 * 1024;

    /// <summary>
    /// The highest compression ratio accepted for a part that decompresses to more than
    /// <see cref="RatioCheckedFromBytes"/>. Spreadsheet XML compresses 5 to 30 times; zip bombs a thousand times.
    /// </summary>
    public int MaxCompressionRatio { get; set; } = 100;

    /// <summary>Small parts may compress well without harm; the ratio is judged from this size up.</summary>
    public long RatioCheckedFromBytes { get; set; } = 1024 * 1024;

    /// <summary>The most cells read over all sheets: a table of a few hundred units needs a few thousand.</summary>
    public int MaxCells { get; set; } = 200_000;
}
