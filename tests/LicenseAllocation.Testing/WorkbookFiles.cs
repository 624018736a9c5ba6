using System.IO.Compression;
using System.Text;
using ClosedXML.Excel;

namespace LicenseAllocation.Testing;

/// <summary>Fills and alters workbooks the way an official (or an attacker) would, so that tests build their own files.</summary>
public static class WorkbookFiles
{
    /// <summary>Opens the workbook with ClosedXML, lets the test change it, and saves it as a new file.</summary>
    public static byte[] Edit(byte[] file, Action<XLWorkbook> edit)
    {
        ArgumentNullException.ThrowIfNull(edit);
        using var workbook = new XLWorkbook(new MemoryStream(file));
        edit(workbook);
        using var output = new MemoryStream();
        workbook.SaveAs(output);
        return output.ToArray();
    }

    /// <summary>A new workbook built by the test from nothing.</summary>
    public static byte[] Create(Action<XLWorkbook> build)
    {
        ArgumentNullException.ThrowIfNull(build);
        using var workbook = new XLWorkbook();
        build(workbook);
        using var output = new MemoryStream();
        workbook.SaveAs(output);
        return output.ToArray();
    }

    /// <summary>Types the quantities into the rows of the named units, as an official fills the template.</summary>
    public static byte[] WithQuantities(byte[] template, IReadOnlyDictionary<string, int> quantities)
    {
        ArgumentNullException.ThrowIfNull(quantities);
        return Edit(template, workbook =>
        {
            var sheet = workbook.Worksheet(1);
            foreach (var (name, quantity) in quantities)
            {
                QuantityCell(sheet, name).SetValue(quantity);
            }
        });
    }

    /// <summary>The first text cell (not a formula) that reads exactly <paramref name="text"/>.</summary>
    public static IXLCell TextCell(IXLWorksheet sheet, string text)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        return sheet.CellsUsed(c => !c.HasFormula && c.DataType == XLDataType.Text && c.GetString() == text).First();
    }

    /// <summary>The quantity cell of the unit's row: in the column headed "Số lượng".</summary>
    public static IXLCell QuantityCell(IXLWorksheet sheet, string unitName)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        var column = TextCell(sheet, "Số lượng").Address.ColumnNumber;
        return sheet.Cell(TextCell(sheet, unitName).Address.RowNumber, column);
    }

    /// <summary>A zip package of the given entries, as a tool that is not an office suite would write one.</summary>
    public static byte[] Zip(params (string Name, byte[] Content)[] entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        using var output = new MemoryStream();
        using (var archive = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var stream = archive.CreateEntry(name, CompressionLevel.Fastest).Open();
                stream.Write(content);
            }
        }

        return output.ToArray();
    }

    /// <summary>The package with one XML part rewritten: how a hostile part is slipped into an otherwise valid workbook.</summary>
    public static byte[] ReplacePart(byte[] package, string partName, Func<string, string> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        using var buffer = new MemoryStream();
        buffer.Write(package);
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Update, leaveOpen: true))
        {
            var entry = archive.GetEntry(partName) ?? throw new InvalidOperationException($"The package has no part {partName}.");
            string text;
            using (var reader = new StreamReader(entry.Open(), Encoding.UTF8))
            {
                text = reader.ReadToEnd();
            }

            entry.Delete();
            using var writer = new StreamWriter(archive.CreateEntry(partName).Open(), new UTF8Encoding(false));
            writer.Write(change(text));
        }

        return buffer.ToArray();
    }

    /// <summary>The names of the package's parts.</summary>
    public static IReadOnlyList<string> Parts(byte[] package)
    {
        using var archive = new ZipArchive(new MemoryStream(package), ZipArchiveMode.Read);
        return [.. archive.Entries.Select(e => e.FullName)];
    }
}
