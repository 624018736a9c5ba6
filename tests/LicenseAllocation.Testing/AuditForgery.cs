using LicenseAllocation.Application.Data;
using LicenseAllocation.Domain.Auditing;
using Microsoft.EntityFrameworkCore;

namespace LicenseAllocation.Testing;

/// <summary>What someone with write access to the database but without the seal key can do to the trail.</summary>
public static class AuditForgery
{
    /// <summary>
    /// Changes the reason of the row at <paramref name="sequence"/> and recomputes the unkeyed hash of that row and of
    /// every row after it, and the head: a chain that hangs together again, but whose keyed seals no longer match.
    /// </summary>
    public static async Task RewriteFromAsync(IDbContextFactory<AllocationDbContext> factory, long sequence, string reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(factory);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await db.AuditEntries.Where(a => a.Sequence == sequence).ExecuteUpdateAsync(u => u.SetProperty(a => a.Reason, reason), cancellationToken);
        var previous = await db.AuditEntries.Where(a => a.Sequence == sequence - 1).Select(a => a.Hash).SingleOrDefaultAsync(cancellationToken) ?? string.Empty;
        var last = await db.AuditEntries.MaxAsync(a => a.Sequence, cancellationToken);
        for (var place = sequence; place <= last; place++)
        {
            var current = place;
            var link = previous;
            await db.AuditEntries.Where(a => a.Sequence == current).ExecuteUpdateAsync(u => u.SetProperty(a => a.PreviousHash, link), cancellationToken);
            var row = await db.AuditEntries.AsNoTracking().SingleAsync(a => a.Sequence == current, cancellationToken);
            previous = AuditHash.Compute(row);
            var hash = previous;
            await db.AuditEntries.Where(a => a.Sequence == current).ExecuteUpdateAsync(u => u.SetProperty(a => a.Hash, hash), cancellationToken);
        }

        var head = previous;
        await db.AuditChainHeads.ExecuteUpdateAsync(u => u.SetProperty(h => h.LastHash, head), cancellationToken);
    }
}
