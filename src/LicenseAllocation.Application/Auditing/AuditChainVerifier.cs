using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Common;
using LicenseAllocation.Application.Data;
using LicenseAllocation.Domain.Allocations;
using LicenseAllocation.Domain.Auditing;
using Microsoft.EntityFrameworkCore;

namespace LicenseAllocation.Application.Auditing;

/// <summary>
/// Re-computes the audit chain from the first row to the head and reports the first row that breaks it. Rows are read
/// in pages in chain order (by sequence, which each row's hash covers), so the check runs in constant memory whatever
/// the length of the trail.
/// </summary>
public sealed class AuditChainVerifier(IDbContextFactory<AllocationDbContext> contextFactory)
{
    private const int PageSize = 2_000;

    /// <summary>The check as a portal user asks for it: only the administrator and the auditor, who see the whole chain.</summary>
    public async Task<Outcome<AuditChainVerdict>> VerifyAsync(Caller caller, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return AccessPolicy.CanVerifyAudit(caller) ? await VerifyAsync(ct) : AllocationError.Forbidden();
    }

    public async Task<AuditChainVerdict> VerifyAsync(CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var head = await db.AuditChainHeads.AsNoTracking().SingleAsync(h => h.Id == AuditChainHead.SingletonId, ct);

        long expectedSequence = 1;
        var previousHash = string.Empty;
        long lastSequence = 0;
        long checkedRows = 0;
        while (true)
        {
            var page = await db.AuditEntries.AsNoTracking()
                .Where(a => a.Sequence > lastSequence)
                .OrderBy(a => a.Sequence)
                .Take(PageSize)
                .ToListAsync(ct);
            foreach (var row in page)
            {
                checkedRows++;
                if (row.Sequence != expectedSequence || row.PreviousHash != previousHash)
                {
                    return Broken(row, AuditChainProblem.ChainBroken);
                }

                if (AuditHash.Compute(row) != row.Hash)
                {
                    return Broken(row, AuditChainProblem.ContentChanged);
                }

                expectedSequence++;
                previousHash = row.Hash;
                lastSequence = row.Sequence;
            }

            if (page.Count < PageSize)
            {
                break;
            }
        }

        return head.Sequence == expectedSequence - 1 && head.LastHash == previousHash
            ? new AuditChainVerdict(true, checkedRows, null, null, null, head.LastHash)
            : new AuditChainVerdict(false, checkedRows, null, expectedSequence, AuditChainProblem.TailMissing, head.LastHash);

        AuditChainVerdict Broken(AuditEntry row, AuditChainProblem problem) =>
            new(false, checkedRows, row.Id, expectedSequence, problem, head.LastHash);
    }
}
