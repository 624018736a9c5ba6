using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace LicenseAllocation.Testing;

/// <summary>Files that are not what their .xlsx name says, built by the tests themselves (no binary fixtures).</summary>
public static class HostileFiles
{
    private static readonly byte[] _oleMagic = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    public static byte[] PlainText() => Encoding.UTF8.GetBytes("Mã đơn vị;Tên đơn vị;Số lượng\n29863;Phường 11;40\n");

    public static byte[] Pdf() => Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    /// <summary>An OLE compound file whose directory names a "Workbook" stream: a legacy .xls.</summary>
    public static byte[] LegacyXls() => OleFile("Workbook", "SummaryInformation");

    /// <summary>An OLE compound file with the streams Excel writes for a password-protected .xlsx.</summary>
    public static byte[] EncryptedXlsx() => OleFile("EncryptionInfo", "EncryptedPackage", "\u0006DataSpaces");

    /// <summary>A zip of thousands of tiny entries.</summary>
    public static byte[] ManyEntries(int count) =>
        WorkbookFiles.Zip([.. Enumerable.Range(0, count).Select(i => ($"xl/media/image{i}.txt", new byte[] { (byte)'x' }))]);

    /// <summary>A zip with one part of <paramref name="bytes"/> zeros: tiny on disk, huge once decompressed.</summary>
    public static byte[] Zeros(long bytes)
    {
        using var output = new MemoryStream();
        using (var archive = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            WorkbookEntries(archive);
            using var stream = archive.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize).Open();
            var chunk = new byte[1024 * 1024];
            for (long written = 0; written < bytes; written += chunk.Length)
            {
                stream.Write(chunk, 0, (int)Math.Min(chunk.Length, bytes - written));
            }
        }

        return output.ToArray();
    }

    /// <summary>
    /// The workbook with the size of one part understated in the zip's directories: a forged size meant to slip more
    /// content past a check of the central directory than it declares.
    /// </summary>
    public static byte[] UnderstatedSize(byte[] workbook, string part)
    {
        ArgumentNullException.ThrowIfNull(workbook);
        var bytes = (byte[])workbook.Clone();
        ForgeUncompressedSize(bytes, part, 10);
        return bytes;
    }

    /// <summary>A zip without a workbook: a text file zipped and named .xlsx.</summary>
    public static byte[] ZipWithoutWorkbook() => WorkbookFiles.Zip(("ghi-chu.txt", Encoding.UTF8.GetBytes("Không phải bảng tính")));

    /// <summary>A word-processing document renamed to .xlsx: a real package, but no workbook in it.</summary>
    public static byte[] WordDocument() => WorkbookFiles.Zip(
        ("[Content_Types].xml", Encoding.UTF8.GetBytes("<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>")),
        ("word/document.xml", Encoding.UTF8.GetBytes("<?xml version=\"1.0\"?><document/>")));

    /// <summary>The first <paramref name="fraction"/> of the file, as an interrupted download leaves it.</summary>
    public static byte[] Truncated(byte[] file, double fraction) => file[..(int)(file.Length * fraction)];

    /// <summary>An external entity declared in an XML part (XXE): the part's XML declaration is followed by a DTD.</summary>
    public static string WithExternalEntity(string xml)
    {
        ArgumentNullException.ThrowIfNull(xml);
        var declarationEnd = xml.StartsWith("<?xml", StringComparison.Ordinal) ? xml.IndexOf("?>", StringComparison.Ordinal) + 2 : 0;
        var root = xml[declarationEnd..].TrimStart()[1..].Split([' ', '>'], 2)[0];
        return xml[..declarationEnd] + $"<!DOCTYPE {root} [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>" + xml[declarationEnd..];
    }

    private static void WorkbookEntries(ZipArchive archive)
    {
        foreach (var (name, text) in new[]
        {
            ("[Content_Types].xml", "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"),
            ("xl/workbook.xml", "<?xml version=\"1.0\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"/>"),
        })
        {
            using var stream = archive.CreateEntry(name).Open();
            stream.Write(Encoding.UTF8.GetBytes(text));
        }
    }

    /// <summary>Rewrites the uncompressed size of an entry in its local header and in the central directory.</summary>
    private static void ForgeUncompressedSize(byte[] zip, string entryName, uint size)
    {
        var name = Encoding.UTF8.GetBytes(entryName);
        for (var i = 0; i + 46 < zip.Length; i++)
        {
            var signature = BinaryPrimitives.ReadUInt32LittleEndian(zip.AsSpan(i));
            if (signature == 0x04034b50 && zip.AsSpan(i + 30).StartsWith(name))
            {
                BinaryPrimitives.WriteUInt32LittleEndian(zip.AsSpan(i + 22), size);
            }
            else if (signature == 0x02014b50 && zip.AsSpan(i + 46).StartsWith(name))
            {
                BinaryPrimitives.WriteUInt32LittleEndian(zip.AsSpan(i + 24), size);
            }
        }
    }

    /// <summary>The header of a compound file and a directory sector naming the given streams in UTF-16, as OLE stores them.</summary>
    private static byte[] OleFile(params string[] streams)
    {
        var file = new byte[512 * 4];
        _oleMagic.CopyTo(file, 0);
        var offset = 512;
        foreach (var stream in streams)
        {
            var name = Encoding.Unicode.GetBytes(stream);
            name.CopyTo(file, offset);
            BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(offset + 64), (ushort)(name.Length + 2));
            offset += 128;
        }

        return file;
    }
}
