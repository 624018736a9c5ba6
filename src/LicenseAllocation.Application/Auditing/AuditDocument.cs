namespace LicenseAllocation.Application.Auditing;

/// <summary>
/// The content of an exported trail: a heading, the filters in words (so that a printed copy says what it covers), who
/// exported it and when, how many rows match, and the rows themselves, newest first, read as the workbook is written
/// (a page at a time from the database), never held all at once. The workbook renders it and adds nothing of its own.
/// <see cref="Integrity"/> is the check of the whole chain made as the export started (rows checked, verdict, head), so a
/// printed copy says whether the trail it comes from was intact and which head it can be compared with.
/// </summary>
public sealed record AuditDocument(
    string Title,
    string Subject,
    string FilterDescription,
    DateTimeOffset ExportedAt,
    string ExportedBy,
    int RowCount,
    IAsyncEnumerable<AuditRow> Rows,
    string? Integrity = null);
