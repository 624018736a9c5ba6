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
        var previousHash = string.Empty;
        var sequence = 0L;
        foreach (var row in rows)
        {
            row.Seal(++sequence, previousHash);
            previousHash = row.Hash;
        }

        head.MoveTo(sequence, previousHash);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return rows.Count;
    }
}
