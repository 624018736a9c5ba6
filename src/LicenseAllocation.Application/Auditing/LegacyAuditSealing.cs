using LicenseAllocation.Application.Data;
using LicenseAllocation.Domain.Auditing;
using Microsoft.EntityFrameworkCore;

namespace LicenseAllocation.Application.Auditing;

/// <summary>
/// Rows written before the audit chain existed were given negative places by the migration that added it. On start,
/// they are sealed once, in the order they were written, at the beginning of the chain; from then on no row is ever
/// updated again.
/// </summary>
public sealed class LegacyAuditSealing(IDbContextFactory<AllocationDbContext> contextFactory)
{
    private const int KeyingPage = 2_000;

    public async Task<int> SealAsync(CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        if (!await db.AuditEntries.AnyAsync(a => a.Sequence <= 0, ct))
        {
            return 0;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var head = await db.AuditChainHeads.SingleAsync(h => h.Id == AuditChainHead.SingletonId, ct);
        if (head.Sequence != 0)
        {
            throw new InvalidOperationException("Unsealed audit rows were found after the chain had started; the trail needs an auditor's attention.");
        }

        var rows = await db.AuditEntries.Where(a => a.Sequence <= 0).OrderBy(a => a.Id).ToListAsync(ct);
        var key = AuditSeals.KeysOf(db)?.Current;
        var previousHash = string.Empty;
        var sequence = 0L;
        foreach (var row in rows)
        {
            row.Seal(++sequence, previousHash, key);
            previousHash = row.Hash;
        }

        head.MoveTo(sequence, previousHash);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return rows.Count;
    }

    /// <summary>
    /// Rows sealed before the trail had keys get their keyed seal once, with the current key, on the first start that
    /// has one: only while no row carries a key yet. A row found without a key after that is left as it is, and the
    /// check reports it (<see cref="AuditChainProblem.SealInvalid"/>).
    /// </summary>
    public async Task<int> SealWithKeyAsync(CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        if (AuditSeals.KeysOf(db)?.Current is not { } key
            || await db.AuditEntries.AnyAsync(a => a.SealKeyId != null, ct)
            || !await db.AuditEntries.AnyAsync(a => a.Sequence > 0, ct))
        {
            return 0;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var count = 0;
        long last = 0;
        while (true)
        {
            var page = await db.AuditEntries.Where(a => a.Sequence > last && a.SealKeyId == null).OrderBy(a => a.Sequence).Take(KeyingPage).ToListAsync(ct);
            foreach (var row in page)
            {
                row.SealWithKey(key);
                last = row.Sequence;
            }

            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            count += page.Count;
            if (page.Count < KeyingPage)
            {
                break;
            }
        }

        await transaction.CommitAsync(ct);
        return count;
    }
}
