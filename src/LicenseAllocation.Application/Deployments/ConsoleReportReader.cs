using System.Globalization;
using LicenseAllocation.Application.Common;
using LicenseAllocation.Application.Import;
using LicenseAllocation.Domain.Text;

namespace LicenseAllocation.Application.Deployments;

/// <summary>
/// Reads a console export: a workbook (.xlsx, through the Excel import's defences — size, zip bombs, entity
/// declarations — and its reader of stored values, so a formula is never evaluated and only its cached text is read) or
/// delimited text (<see cref="ReportText"/>, <see cref="CsvRecords"/>). The table's header is looked for among the first
/// rows (consoles write a title above it), the mapping's columns are found by their header text, and each row becomes a
/// device or a refusal with its reason. Rows of the same device id are merged, keeping the one seen last.
/// </summary>
internal static class ConsoleReportReader
{
    /// <summary>Consoles write a title, the server and the time above the table: its header is looked for this far down.</summary>
    private const int HeaderSearchRows = 30;

    private static readonly string[] _dateFormats =
    [
        "dd/MM/yyyy HH:mm:ss", "dd/MM/yyyy HH:mm", "dd/MM/yyyy", "d/M/yyyy H:mm:ss", "d/M/yyyy H:mm", "d/M/yyyy",
        "dd.MM.yyyy HH:mm:ss", "dd.MM.yyyy HH:mm", "dd.MM.yyyy", "dd-MM-yyyy HH:mm:ss", "dd-MM-yyyy",
        "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd", "yyyy/MM/dd HH:mm:ss", "yyyy/MM/dd",
    ];

    private static readonly HashSet<string> _yes = new(["1", "true", "yes", "y", "x", "có", "co", "active", "current", "đang hoạt động", "hoạt động", "đúng"], StringComparer.OrdinalIgnoreCase);

    public static ConsoleReport Read(byte[] file, ConsoleMapping mapping, DeploymentOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(mapping);
        ArgumentNullException.ThrowIfNull(options);
        if (file.Length > options.MaxFileBytes)
        {
            return ConsoleReport.Unreadable(DeploymentIssue.OfFile(new ImportIssue(ImportErrorCode.FileTooLarge) { Actual = file.Length, Limit = options.MaxFileBytes }));
        }

        var (rows, issue) = LooksLikePackage(file) ? ReadWorkbook(file, options, cancellationToken) : ReadText(file, mapping, options, cancellationToken);
        return issue is not null ? ConsoleReport.Unreadable(issue) : ReadTable(rows, mapping.Columns, options, cancellationToken);
    }

    /// <summary>A zip (an .xlsx) or an OLE compound file (a legacy .xls, an encrypted workbook): the workbook defences judge it.</summary>
    private static bool LooksLikePackage(byte[] file) =>
        file.AsSpan().StartsWith(new byte[] { 0x50, 0x4B }) || file.AsSpan().StartsWith(new byte[] { 0xD0, 0xCF, 0x11, 0xE0 });

    private static (List<TextRecord> Rows, DeploymentIssue? Issue) ReadWorkbook(byte[] file, DeploymentOptions options, CancellationToken cancellationToken)
    {
        var limits = new ImportOptions
        {
            MaxFileBytes = options.MaxFileBytes,
            MaxUncompressedBytes = Math.Max(64L * 1024 * 1024, options.MaxFileBytes * 8),
            MaxCells = (int)Math.Min(int.MaxValue, (long)(options.MaxRows + HeaderSearchRows) * 12),
        };
        if (XlsxPackageGuard.Check(file, limits) is { } rejected)
        {
            return ([], DeploymentIssue.OfFile(rejected));
        }

        var (sheets, unreadable) = WorkbookCells.Read(file, limits, cancellationToken);
        if (unreadable is not null)
        {
            return ([], DeploymentIssue.OfFile(unreadable));
        }

        if (sheets.Count == 0)
        {
            return ([], new DeploymentIssue(DeploymentErrorCode.ReportEmpty));
        }

        // The first sheet with cells: the console writes one.
        var sheet = sheets.FirstOrDefault(s => s.Rows.Any()) ?? sheets[0];
        var rows = new List<TextRecord>();
        foreach (var row in sheet.Rows)
        {
            var cells = sheet.InRow(row).ToList();
            var width = cells.Count == 0 ? 0 : cells[^1].Column;
            if (width > options.MaxColumns)
            {
                return ([], new DeploymentIssue(DeploymentErrorCode.ReportTooManyColumns, row) { Limit = options.MaxColumns });
            }

            var fields = new string[width];
            Array.Fill(fields, string.Empty);
            foreach (var (column, cell) in cells)
            {
                fields[column - 1] = cell.Kind == CellKind.Number && cell.Number is { } n && n != Math.Floor(n) ? cell.Text : cell.DisplayText;
            }

            rows.Add(new TextRecord(row, fields));
        }

        return rows.Count > options.MaxRows + HeaderSearchRows
            ? ([], new DeploymentIssue(DeploymentErrorCode.ReportTooManyRows) { Limit = options.MaxRows })
            : (rows, null);
    }

    private static (List<TextRecord> Rows, DeploymentIssue? Issue) ReadText(byte[] file, ConsoleMapping mapping, DeploymentOptions options, CancellationToken cancellationToken)
    {
        var (text, issue) = ReportText.Decode(file, mapping.Encoding);
        if (issue is not null)
        {
            return ([], issue);
        }

        var delimiter = CsvRecords.Detect(text!, mapping.Delimiter, mapping.Columns.DeviceId);
        var rows = CsvRecords.Read(text!, delimiter, options, out var unreadable, cancellationToken);
        return (rows, unreadable);
    }

    private static ConsoleReport ReadTable(List<TextRecord> rows, ConsoleColumns columns, DeploymentOptions options, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return ConsoleReport.Unreadable(new DeploymentIssue(DeploymentErrorCode.ReportEmpty));
        }

        var required = new[] { columns.DeviceId, columns.DeviceName, columns.Group, columns.Product };
        var headerIndex = -1;
        for (var i = 0; i < Math.Min(rows.Count, HeaderSearchRows) && headerIndex < 0; i++)
        {
            headerIndex = Array.Exists(rows[i].Fields, f => Same(f, columns.DeviceId)) ? i : -1;
        }

        if (headerIndex < 0)
        {
            return ConsoleReport.Unreadable(new DeploymentIssue(DeploymentErrorCode.ReportColumnMissing) { Found = columns.DeviceId });
        }

        var header = rows[headerIndex].Fields;
        int Column(string? name) => string.IsNullOrWhiteSpace(name) ? -1 : Array.FindIndex(header, f => Same(f, name));
        if (required.FirstOrDefault(name => Column(name) < 0) is { } missing)
        {
            return ConsoleReport.Unreadable(new DeploymentIssue(DeploymentErrorCode.ReportColumnMissing, rows[headerIndex].Row) { Found = missing });
        }

        // The version, the last-seen time and the licence state are read where the export has them: a report without
        // one (KSC's licence-usage report often lacks KLHST_WKS_LAST_VISIBLE) reads it as unknown, never as refused.
        var (idAt, nameAt, groupAt, productAt) = (Column(columns.DeviceId), Column(columns.DeviceName), Column(columns.Group), Column(columns.Product));
        var (versionAt, seenAt, activeAt) = (Column(columns.Version), Column(columns.LastSeen), Column(columns.Active));
        var devices = new Dictionary<string, ConsoleDevice>(StringComparer.OrdinalIgnoreCase);
        var refused = new List<DeploymentIssue>();
        var duplicates = 0;
        var dataRows = 0;
        for (var i = headerIndex + 1; i < rows.Count; i++)
        {
            if (++dataRows % 5_000 == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var (row, fields) = rows[i];
            string Field(int at) => at >= 0 && at < fields.Length ? fields[at] : string.Empty;
            if (Array.TrueForAll(fields, string.IsNullOrWhiteSpace))
            {
                continue;
            }

            if (Array.Find(fields, f => f.Length > options.MaxFieldLength) is not null)
            {
                refused.Add(new DeploymentIssue(DeploymentErrorCode.DeviceFieldTooLong, row) { Limit = options.MaxFieldLength });
                continue;
            }

            var id = Clean(Field(idAt));
            var group = Clean(Field(groupAt));
            if (id.Length == 0)
            {
                refused.Add(new DeploymentIssue(DeploymentErrorCode.DeviceIdRequired, row));
                continue;
            }

            if (group.Length == 0)
            {
                refused.Add(new DeploymentIssue(DeploymentErrorCode.DeviceGroupRequired, row) { Found = id });
                continue;
            }

            DateTime? lastSeen = null;
            if (seenAt >= 0 && Clean(Field(seenAt)) is { Length: > 0 } seenText)
            {
                lastSeen = ParseTime(seenText);
                if (lastSeen is null)
                {
                    refused.Add(new DeploymentIssue(DeploymentErrorCode.DeviceLastSeenUnreadable, row) { Found = seenText });
                    continue;
                }
            }

            var product = Clean(Field(productAt));
            var active = activeAt >= 0 ? _yes.Contains(Clean(Field(activeAt))) : product.Length > 0;
            var name = Clean(Field(nameAt));
            var device = new ConsoleDevice(id, name.Length == 0 ? id : name, group, product, versionAt >= 0 && Clean(Field(versionAt)) is { Length: > 0 } v ? v : null, lastSeen, active, row);
            if (devices.TryGetValue(id, out var earlier))
            {
                duplicates++;
                if ((device.LastSeenUtc ?? DateTime.MinValue) < (earlier.LastSeenUtc ?? DateTime.MinValue))
                {
                    continue;
                }
            }

            devices[id] = device;
        }

        return new ConsoleReport([.. devices.Values.OrderBy(d => d.Row)], duplicates, refused);
    }

    private static bool Same(string field, string header) =>
        string.Equals(Clean(field), Clean(header), StringComparison.OrdinalIgnoreCase);

    /// <summary>NFC (an NFD group name from another keyboard becomes the same group), white space folded.</summary>
    private static string Clean(string value)
    {
        try
        {
            return InputText.Normalize(value) ?? string.Empty;
        }
        catch (ArgumentException)
        {
            return value.Trim(); // a lone surrogate cannot be normalised; the text is kept as written
        }
    }

    /// <summary>
    /// A last-seen time as consoles write it: ISO 8601 (with its offset, or UTC when it ends in Z), a day-first date and
    /// time, or an Excel serial number; a time without an offset is Vietnam time.
    /// </summary>
    internal static DateTime? ParseTime(string text)
    {
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var withOffset)
            && (text.EndsWith('Z') || text.Contains('+', StringComparison.Ordinal) || HasNumericOffset(text)))
        {
            return withOffset.UtcDateTime;
        }

        if (DateTime.TryParseExact(text, _dateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            || DateTime.TryParseExact(text, "yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out local)
            || DateTime.TryParseExact(text, "yyyy-MM-ddTHH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture, DateTimeStyles.None, out local))
        {
            return DateTime.SpecifyKind(local - VietnamTime.Offset, DateTimeKind.Utc);
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && serial is > 20_000 and < 80_000)
        {
            return DateTime.SpecifyKind(DateTime.FromOADate(serial) - VietnamTime.Offset, DateTimeKind.Utc);
        }

        return null;
    }

    private static bool HasNumericOffset(string text) =>
        text.Length > 6 && text[^6] == '-' && text[^3] == ':' && text.Contains('T', StringComparison.Ordinal);
}
