using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Common;
using LicenseAllocation.Application.Data;
using LicenseAllocation.Domain.Allocations;
using LicenseAllocation.Domain.Auditing;
using Microsoft.EntityFrameworkCore;

namespace LicenseAllocation.Application.Auditing;

/// <summary>
/// Re-computes the audit chain from the first row to the head and reports the first row that breaks it: its hash, its
/// link to the row before and, when the seal keys are at hand (<see cref="AuditSeals"/>), its keyed seal, which no one
/// without the key can recompute. Given a checkpoint, it also says whether the chain still holds it. Rows are read in
/// pages in chain order (by sequence, which each row's hash covers), so the check runs in constant memory whatever the
/// length of the trail.
/// </summary>
public sealed class AuditChainVerifier(IDbContextFactory<AllocationDbContext> contextFactory)
{
    private const int PageSize = 2_000;

    /// <summary>The check as a portal user asks for it: only the administrator and the auditor, who see the whole chain.</summary>
    public async Task<Outcome<AuditChainVerdict>> VerifyAsync(Caller caller, AuditCheckpoint? expectHead = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return AccessPolicy.CanVerifyAudit(caller) ? await VerifyAsync(expectHead, ct) : AllocationError.Forbidden();
    }

    /// <summary>The head of the chain as it stands, to be written into the official records; for those who may run the check.</summary>
    public async Task<Outcome<AuditCheckpoint>> HeadAsync(Caller caller, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!AccessPolicy.CanVerifyAudit(caller))
        {
            return AllocationError.Forbidden();
        }

        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var head = await db.AuditChainHeads.AsNoTracking().SingleAsync(h => h.Id == AuditChainHead.SingletonId, ct);
        return new AuditCheckpoint(head.Sequence, head.LastHash);
    }

    public Task<Outcome<AuditChainVerdict>> VerifyAsync(Caller caller, CancellationToken ct) => VerifyAsync(caller, null, ct);

    public Task<AuditChainVerdict> VerifyAsync(CancellationToken ct = default) => VerifyAsync((AuditCheckpoint?)null, ct);

    public async Task<AuditChainVerdict> VerifyAsync(AuditCheckpoint? expectHead, CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var keys = AuditSeals.KeysOf(db);
        var head = await db.AuditChainHeads.AsNoTracking().SingleAsync(h => h.Id == AuditChainHead.SingletonId, ct);

        long expectedSequence = 1;
        var previousHash = string.Empty;
        long lastSequence = 0;
        long checkedRows = 0;
        bool? checkpointHeld = null;
        AuditChainVerdict? broken = null;
        while (true)
        {
            var page = await db.AuditEntries.AsNoTracking()
                .Where(a => a.Sequence > lastSequence)
                .OrderBy(a => a.Sequence)
                .Take(PageSize)
                .ToListAsync(ct);
            foreach (var row in page)
            {
                lastSequence = row.Sequence;
                if (expectHead is not null && row.Sequence == expectHead.Sequence)
                {
                    checkpointHeld = string.Equals(row.Hash, expectHead.Hash, StringComparison.OrdinalIgnoreCase);
                }

                if (broken is not null)
                {
                    continue;
                }

                checkedRows++;
                if (Problem(row) is { } problem)
                {
                    broken = new(false, checkedRows, row.Id, expectedSequence, problem, head.LastHash);
                    continue;
                }

                expectedSequence++;
                previousHash = row.Hash;
            }

            // Once the chain is broken, pages are read on only to find the checkpoint's row.
            if (page.Count < PageSize || (broken is not null && (expectHead is null || lastSequence >= expectHead.Sequence)))
            {
                break;
            }
        }

        if (expectHead is not null)
        {
            checkpointHeld ??= false;
        }

        var verdict = broken
            ?? (head.Sequence != expectedSequence - 1 || head.LastHash != previousHash
                ? new AuditChainVerdict(false, checkedRows, null, expectedSequence, AuditChainProblem.TailMissing, head.LastHash)
                : checkpointHeld == false
                    ? new AuditChainVerdict(false, checkedRows, null, expectHead!.Sequence, AuditChainProblem.CheckpointLost, head.LastHash)
                    : new AuditChainVerdict(true, checkedRows, null, null, null, head.LastHash));
        return verdict with { HeadSequence = head.Sequence, KeyedSealsChecked = keys is not null, Checkpoint = expectHead, CheckpointHeld = checkpointHeld };

        AuditChainProblem? Problem(AuditEntry row)
        {
            if (row.Sequence != expectedSequence || row.PreviousHash != previousHash)
            {
                return AuditChainProblem.ChainBroken;
            }

            if (AuditHash.Compute(row) != row.Hash)
            {
                return AuditChainProblem.ContentChanged;
            }

            if (keys is null)
            {
                return null;
            }

            if (row.SealKeyId is null || row.KeyedHash is null)
            {
                return AuditChainProblem.SealInvalid;
            }

            return keys.Find(row.SealKeyId) is not { } key ? AuditChainProblem.UnknownSealKey
                : key.Verifies(row.Hash, row.KeyedHash) ? null
                : AuditChainProblem.SealInvalid;
        }
    }
}
