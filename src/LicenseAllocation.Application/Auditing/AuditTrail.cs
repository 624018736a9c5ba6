using LicenseAllocation.Application.Data;
using LicenseAllocation.Domain.Auditing;
using Microsoft.EntityFrameworkCore;

namespace LicenseAllocation.Application.Auditing;

/// <summary>
/// The one way audit rows are written. Call it inside the transaction of the change, after the change's own
/// statements: it locks the chain head, seals the rows after the last one (keyed with the current audit seal key of the
/// context's options, see <see cref="AuditSeals"/>), saves them and moves the head, so the rows commit together with the
/// change or not at all.
/// </summary>
/// <remarks>
/// The head is the last lock a writer takes and it is held only until commit, so writers queue on it briefly and never
/// deadlock on it (no one waits for another lock while holding it). On SQLite writers are serialised anyway.
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

        // A no-op update takes the head's row lock; the read that follows then sees the head as the previous writer committed it.
        await db.AuditChainHeads.Where(h => h.Id == AuditChainHead.SingletonId)
            .ExecuteUpdateAsync(s => s.SetProperty(h => h.Sequence, h => h.Sequence), ct);
        var head = await db.AuditChainHeads.AsNoTracking().SingleAsync(h => h.Id == AuditChainHead.SingletonId, ct);

        var key = AuditSeals.KeysOf(db)?.Current;
        var sequence = head.Sequence;
        var previousHash = head.LastHash;
        foreach (var row in rows)
        {
            row.Seal(++sequence, previousHash, key);
            previousHash = row.Hash;
        }

        db.AuditEntries.AddRange(rows);
        await db.SaveChangesAsync(ct);
        await db.AuditChainHeads.Where(h => h.Id == AuditChainHead.SingletonId)
            .ExecuteUpdateAsync(s => s.SetProperty(h => h.Sequence, sequence).SetProperty(h => h.LastHash, previousHash), ct);
    }

    public static Task AppendAsync(AllocationDbContext db, AuditEntry entry, CancellationToken ct) => AppendAsync(db, [entry], ct);
}
