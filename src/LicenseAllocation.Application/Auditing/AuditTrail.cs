using System.Data.Common;
using System.Globalization;
using System.Text;
using LicenseAllocation.Application.Data;
using LicenseAllocation.Domain.Auditing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace LicenseAllocation.Application.Auditing;

/// <summary>
/// The one way audit rows are written. Call it inside the transaction of the change, after the change's own
/// statements: it locks and reads the chain head in one statement, seals the rows after the last one (keyed with the
/// current audit seal key of the context's options, see <see cref="AuditSeals"/>), and saves them together with the
/// head moved past them in one batch, so the rows commit together with the change or not at all.
/// </summary>
/// <remarks>
/// The head is the last lock a writer takes and it is held only until commit, so writers queue on it briefly and never
/// deadlock on it (no one waits for another lock while holding it): from the locking read to the commit it is held for
/// three round trips (read, batch, commit; ADR 0020). On SQLite writers are serialised anyway.
/// </remarks>
public static class AuditTrail
{
    public static async Task AppendAsync(AllocationDbContext db, IEnumerable<AuditEntry> entries, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(entries);
        var rows = entries.ToList();
        if (rows.Count == 0)
        {
            await db.SaveChangesAsync(ct);
            return;
        }

        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("Audit rows are written in the transaction of the change they record.");
        }

        var head = await LockHeadAsync(db, ct);

        var key = AuditSeals.KeysOf(db)?.Current;
        var sequence = head.Sequence;
        var previousHash = head.LastHash;
        foreach (var row in rows)
        {
            row.Seal(++sequence, previousHash, key);
            previousHash = row.Hash;
        }

        head.MoveTo(sequence, previousHash);
        db.AuditEntries.AddRange(rows);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// The head, tracked, as the previous writer committed it, and locked until this transaction ends: a locking read
    /// (<c>FOR UPDATE</c>, <c>UPDLOCK</c>) that waits for the writer holding it. A head the context tracked before is
    /// forgotten first, so its values are the database's.
    /// </summary>
    private static async Task<AuditChainHead> LockHeadAsync(AllocationDbContext db, CancellationToken ct)
    {
        foreach (var tracked in db.ChangeTracker.Entries<AuditChainHead>().ToList())
        {
            tracked.State = EntityState.Detached;
        }

        var sql = RowLocks.Of(db) switch
        {
            RowLocks.Dialect.PostgreSql => "SELECT * FROM \"AuditChainHead\" WHERE \"Id\" = {0} FOR UPDATE",
            RowLocks.Dialect.SqlServer => "SELECT * FROM [AuditChainHead] WITH (UPDLOCK, ROWLOCK) WHERE [Id] = {0}",
            _ => "SELECT * FROM \"AuditChainHead\" WHERE \"Id\" = {0}",
        };
        var heads = await db.AuditChainHeads.FromSqlRaw(sql, AuditChainHead.SingletonId).AsTracking().ToListAsync(ct);
        return heads.Single();
    }

    public static Task AppendAsync(AllocationDbContext db, AuditEntry entry, CancellationToken ct) => AppendAsync(db, [entry], ct);

    /// <summary>
    /// <see cref="AppendAsync(AllocationDbContext, IEnumerable{AuditEntry}, CancellationToken)"/> for a change whose own
    /// writes are statements already sent (nothing pending in the context) and whose caller does not read the rows' ids.
    /// On SQLite, where the transaction holds the whole file's turn (ADR 0021), and on PostgreSQL, where the head's lock is
    /// the one every writer queues on, the head is read (on PostgreSQL locked, <c>FOR UPDATE</c>) and the rows and the
    /// head's new position are written in one command each, without the change tracker (ADRs 0024, 0025), so the head is
    /// held for no more than those two commands and the commit; the values are bound with the model's own type mappings,
    /// so the rows are stored exactly as a <c>SaveChanges</c> would store them. On SQL Server, and whenever the context
    /// has pending changes, it is <c>AppendAsync</c>.
    /// </summary>
    internal static async Task AppendUntrackedAsync(AllocationDbContext db, IReadOnlyList<AuditEntry> rows, CancellationToken ct)
    {
        var dialect = RowLocks.Of(db);
        if (dialect == RowLocks.Dialect.SqlServer || rows.Count == 0 || db.Database.CurrentTransaction is not { } current || db.ChangeTracker.HasChanges())
        {
            await AppendAsync(db, rows, ct);
            return;
        }

        var connection = db.Database.GetDbConnection();
        var transaction = current.GetDbTransaction();
        var head = db.Model.FindEntityType(typeof(AuditChainHead))!;
        var headTable = Quote(head.GetTableName()!);
        string HeadColumn(string name) => Quote(head.FindProperty(name)!.GetColumnName());

        long sequence;
        string previousHash;
        await using (var read = connection.CreateCommand())
        {
            read.Transaction = transaction;
            read.CommandText = string.Create(CultureInfo.InvariantCulture,
                $"SELECT {HeadColumn(nameof(AuditChainHead.Sequence))}, {HeadColumn(nameof(AuditChainHead.LastHash))} FROM {headTable} WHERE {HeadColumn(nameof(AuditChainHead.Id))} = {AuditChainHead.SingletonId}{(dialect == RowLocks.Dialect.PostgreSql ? " FOR UPDATE" : string.Empty)}");
            await using var reader = await read.ExecuteReaderAsync(ct);
            if (!await reader.ReadAsync(ct))
            {
                throw new InvalidOperationException("The audit chain head is missing.");
            }

            sequence = reader.GetInt64(0);
            previousHash = reader.GetString(1);
        }

        var key = AuditSeals.KeysOf(db)?.Current;
        foreach (var row in rows)
        {
            row.Seal(++sequence, previousHash, key);
            previousHash = row.Hash;
        }

        var entry = db.Model.FindEntityType(typeof(AuditEntry))!;
        var columns = entry.GetProperties().Where(p => p.ValueGenerated == ValueGenerated.Never).ToList();
        await using var write = connection.CreateCommand();
        write.Transaction = transaction;
        var sql = new StringBuilder();
        var names = string.Join(", ", columns.Select(c => Quote(c.GetColumnName())));
        foreach (var (row, index) in rows.Select((row, index) => (row, index)))
        {
            sql.Append(CultureInfo.InvariantCulture, $"INSERT INTO {Quote(entry.GetTableName()!)} ({names}) VALUES (");
            sql.AppendJoin(", ", columns.Select((_, c) => string.Create(CultureInfo.InvariantCulture, $"@r{index}c{c}"))).Append(");\n");
            foreach (var (column, c) in columns.Select((column, c) => (column, c)))
            {
                Bind(write, string.Create(CultureInfo.InvariantCulture, $"@r{index}c{c}"), column, column.GetGetter().GetClrValueUsingContainingEntity(row));
            }
        }

        sql.Append(CultureInfo.InvariantCulture,
            $"UPDATE {headTable} SET {HeadColumn(nameof(AuditChainHead.Sequence))} = @sequence, {HeadColumn(nameof(AuditChainHead.LastHash))} = @lastHash WHERE {HeadColumn(nameof(AuditChainHead.Id))} = {AuditChainHead.SingletonId};");
        Bind(write, "@sequence", head.FindProperty(nameof(AuditChainHead.Sequence))!, sequence);
        Bind(write, "@lastHash", head.FindProperty(nameof(AuditChainHead.LastHash))!, previousHash);
        write.CommandText = sql.ToString();
        var written = await write.ExecuteNonQueryAsync(ct);
        if (written != rows.Count + 1)
        {
            throw new InvalidOperationException($"The audit rows and the chain head were written as {written} rows, not {rows.Count + 1}.");
        }

        // The head as the context may have tracked it before is no longer the database's.
        foreach (var tracked in db.ChangeTracker.Entries<AuditChainHead>().ToList())
        {
            tracked.State = EntityState.Detached;
        }
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>A parameter converted and typed as the model stores the property (value converters included).</summary>
    private static void Bind(DbCommand command, string name, IProperty property, object? value) =>
        command.Parameters.Add(property.GetRelationalTypeMapping().CreateParameter(command, name, value, property.IsNullable));
}
