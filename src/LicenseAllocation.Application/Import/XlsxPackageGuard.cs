using System.IO.Compression;
using System.Text;

namespace LicenseAllocation.Application.Import;

/// <summary>
/// Looks at an uploaded file's bytes before anything parses them, and refuses what is not a plain .xlsx package: a file
/// over the size limit; an OLE compound file (a legacy .xls, or an .xlsx encrypted with a password, which Excel wraps in
/// one); anything that is not a zip; a zip whose central directory lists too many entries, too much content or
/// compression ratios only a zip bomb has; a zip without a workbook; and any part declaring a DOCTYPE or ENTITY, which
/// no office suite writes and which XML external entity attacks need. The parts are read once here, each no further
/// than the size its directory entry declares.
/// </summary>
internal static class XlsxPackageGuard
{
    private static readonly byte[] _zipLocalHeader = [0x50, 0x4B, 0x03, 0x04];
    private static readonly byte[] _zipEmptyArchive = [0x50, 0x4B, 0x05, 0x06];
    private static readonly byte[] _oleCompoundFile = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    /// <summary>Encrypted OOXML is an OLE file holding these streams; directory names are UTF-16.</summary>
    private static readonly byte[] _encryptedPackageStream = Encoding.Unicode.GetBytes("EncryptedPackage");

    public static ImportIssue? Check(byte[] file, ImportOptions options)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(options);
        if (file.Length > options.MaxFileBytes)
        {
            return new ImportIssue(ImportErrorCode.FileTooLarge) { Actual = file.Length, Limit = options.MaxFileBytes };
        }

        var bytes = file.AsSpan();
        if (bytes.StartsWith(_oleCompoundFile))
        {
            return new ImportIssue(bytes.IndexOf(_encryptedPackageStream) >= 0 ? ImportErrorCode.PasswordProtected : ImportErrorCode.LegacyXls);
        }

        if (!bytes.StartsWith(_zipLocalHeader) && !bytes.StartsWith(_zipEmptyArchive))
        {
            return new ImportIssue(ImportErrorCode.NotXlsx);
        }

        try
        {
            using var archive = new ZipArchive(new MemoryStream(file, writable: false), ZipArchiveMode.Read);
            return CheckDirectory(archive.Entries, options) ?? CheckParts(archive.Entries);
        }
        catch (InvalidDataException)
        {
            // No end of central directory (a truncated download), a directory that contradicts itself, a corrupt stream.
            return new ImportIssue(ImportErrorCode.DamagedFile);
        }
    }

    /// <summary>Judges the package by its central directory alone: nothing is decompressed yet.</summary>
    private static ImportIssue? CheckDirectory(System.Collections.ObjectModel.ReadOnlyCollection<ZipArchiveEntry> entries, ImportOptions options)
    {
        if (entries.Count > options.MaxParts)
        {
            return new ImportIssue(ImportErrorCode.TooManyParts) { Actual = entries.Count, Limit = options.MaxParts };
        }

        long total = 0;
        foreach (var entry in entries)
        {
            if (entry.IsEncrypted)
            {
                return new ImportIssue(ImportErrorCode.PasswordProtected);
            }

            // Compared one by one first, so that forged sizes cannot overflow the sum.
            if (entry.Length > options.MaxUncompressedBytes || (total += entry.Length) > options.MaxUncompressedBytes)
            {
                return new ImportIssue(ImportErrorCode.ContentTooLarge) { Limit = options.MaxUncompressedBytes };
            }

            if (entry.Length >= options.RatioCheckedFromBytes && entry.Length > options.MaxCompressionRatio * Math.Max(1, entry.CompressedLength))
            {
                return new ImportIssue(ImportErrorCode.SuspiciousCompression) { Found = entry.FullName, Limit = options.MaxCompressionRatio };
            }
        }

        // Excel, LibreOffice, WPS and the OpenXML SDK all name the workbook part xl/workbook.xml; a .docx or a plain zip has none.
        var hasContentTypes = entries.Any(e => e.FullName == "[Content_Types].xml");
        var hasWorkbook = entries.Any(e => e.FullName.EndsWith("workbook.xml", StringComparison.OrdinalIgnoreCase));
        return hasContentTypes && hasWorkbook ? null : new ImportIssue(ImportErrorCode.NotXlsx);
    }

    /// <summary>Reads every part up to its declared size and refuses DTDs; a part longer than declared is damaged (or forged).</summary>
    private static ImportIssue? CheckParts(IEnumerable<ZipArchiveEntry> entries)
    {
        var scanner = new DeclarationScanner();
        foreach (var entry in entries)
        {
            using var stream = entry.Open();
            scanner.Reset();
            var buffer = new byte[64 * 1024];
            long read = 0;
            int count;
            while ((count = stream.Read(buffer, 0, buffer.Length)) > 0)
            {
                read += count;
                if (read > entry.Length)
                {
                    return new ImportIssue(ImportErrorCode.DamagedFile);
                }

                if (scanner.Finds(buffer.AsSpan(0, count)))
                {
                    return new ImportIssue(ImportErrorCode.ForbiddenXml) { Found = entry.FullName };
                }
            }

            if (read != entry.Length)
            {
                return new ImportIssue(ImportErrorCode.DamagedFile);
            }
        }

        return null;
    }
}
