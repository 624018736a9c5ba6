using LicenseAllocation.Application.Data;
using LicenseAllocation.Domain.Auditing;
using Microsoft.EntityFrameworkCore;

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
}
