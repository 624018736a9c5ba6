using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace LicenseAllocation.Domain.Auditing;

/// <summary>
/// The hash of an audit row: SHA-256 over a canonical text of every stored field (including the previous row's
/// hash), so that changing any field of any row, or removing a row, breaks the chain from there on.
/// </summary>
public static class AuditHash
{
    /// <summary>
    /// PostgreSQL keeps microseconds, SQLite and SQL Server keep 100-nanosecond ticks: times are cut to microseconds
    /// before they are stored so that a row read back from any provider hashes to what was written.
    /// </summary>
    public static DateTime TruncateToMicroseconds(DateTime value) =>
        new(value.Ticks - (value.Ticks % 10), value.Kind);

    public static string Compute(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var fields = new[]
        {
            entry.Sequence.ToString(CultureInfo.InvariantCulture),
            Optional(entry.PlanId),
            Optional(entry.UnitId),
            entry.Actor,
            entry.AtUtc.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture),
            entry.Action.ToString(),
            Optional(entry.OldValue),
            Optional(entry.NewValue),
            entry.Reason,
            entry.ChangeSetId.ToString("D"),
            entry.DocumentRef ?? string.Empty,
            entry.PreviousHash,
        };

        // Each field is prefixed with its length, so that moving characters from one field to the next changes the hash.
        var canonical = new StringBuilder();
        foreach (var field in fields)
        {
            canonical.Append(field.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(field).Append('|');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical.ToString())));
    }

    private static string Optional(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "-";
}
