namespace LicenseAllocation.Application.Auditing;

/// <summary>
/// The content of an exported trail: a heading, the filters in words (so that a printed copy says what it covers), who
/// exported it and when, and every matching row, newest first. The workbook renders it and adds nothing of its own.
/// </summary>
public sealed record AuditDocument(
    string Title,
    string Subject,
    string FilterDescription,
    DateTimeOffset ExportedAt,
    string ExportedBy,
    IReadOnlyList<AuditRow> Rows);
