using System.Collections.Concurrent;
using LicenseAllocation.Application.Data;
using LicenseAllocation.Domain.Units;
using Microsoft.EntityFrameworkCore;

namespace LicenseAllocation.Application.Allocations;

/// <summary>
/// The whole tree of a plan in tree order, with every name folded for search, shared by all readers until the next
/// accepted change. Every change to units or figures is audited in its own transaction, and the audit chain's head
/// moves with each one, so the head's sequence says whether a snapshot is still current: one single-row read instead
/// of reading and folding 20,000 nodes on every keystroke of a search.
/// </summary>
public sealed class PlanTreeSnapshots
{
    private readonly ConcurrentDictionary<int, PlanTreeSnapshot> _snapshots = new();

    /// <summary>The plans whose snapshot is held, current or not: those read since the start, or warmed up at it.</summary>
    public IReadOnlyCollection<int> HeldPlanIds => [.. _snapshots.Keys];

    internal async Task<PlanTreeSnapshot> GetAsync(AllocationDbContext db, int planId, CancellationToken cancellationToken)
    {
        // The stamp is read before the rows: a change committed in between makes the next read reload, never the reverse.
        var stamp = await db.AuditChainHeads.AsNoTracking().Select(h => (long?)h.Sequence).SingleOrDefaultAsync(cancellationToken) ?? 0;
        if (_snapshots.TryGetValue(planId, out var cached) && cached.Stamp == stamp)
        {
            return cached;
        }

        var nodes = await PlanTreeQuery.Rows(db, planId).ToListAsync(cancellationToken);
        var rows = PlanTreeQuery.InTreeOrder(nodes);
        var snapshot = new PlanTreeSnapshot(stamp, rows, [.. rows.Select(r => SearchText.Fold(r.Node.Name))]);
        _snapshots[planId] = snapshot;
        return snapshot;
    }
}

/// <summary>A plan's rows in tree order and their names folded for search, as of one position of the audit chain.</summary>
internal sealed record PlanTreeSnapshot(long Stamp, IReadOnlyList<TreeRow> Rows, IReadOnlyList<string> FoldedNames);
