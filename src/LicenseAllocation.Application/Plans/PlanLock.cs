using LicenseAllocation.Application.Data;
using LicenseAllocation.Domain.Plans;
using Microsoft.EntityFrameworkCore;

namespace LicenseAllocation.Application.Plans;

/// <summary>
/// How every write to a plan meets its publication (see docs/decisions/0005-plan-lifecycle-and-lock.md). A write path
/// asks <see cref="StatusAsync"/> early, to refuse a locked plan with a clear answer before it does any work, and calls
/// <see cref="HoldDraftAsync"/> in its transaction after its own statements and right before the audit rows: that
/// no-op update takes the plan row's lock only while the plan is still a draft. Publishing moves the same row from
/// Draft to Published with a conditional update, so whichever commits first wins: an edit that held the row first
/// commits before the publication reads the figures; an edit that comes after finds no draft and rolls back.
/// The order of locks is always node and unit rows, then the plan row, then the audit chain head, so no two writers
/// wait for each other in a circle.
/// </summary>
internal static class PlanLock
{
    /// <summary>The plan's status as committed now; null when there is no such plan.</summary>
    public static Task<PlanStatus?> StatusAsync(AllocationDbContext db, int planId, CancellationToken cancellationToken) =>
        db.Plans.Where(p => p.Id == planId).Select(p => (PlanStatus?)p.Status).SingleOrDefaultAsync(cancellationToken);

    /// <summary>
    /// Whether the plan takes changes of the figures its published decisions leave open: a draft, or a published plan
    /// (the province's letter is out, the levels below are decided one by one) with no amendment under way. Null when
    /// there is no such plan.
    /// </summary>
    public static Task<bool?> IsOpenAsync(AllocationDbContext db, int planId, CancellationToken cancellationToken) =>
        IsOpenCompiled.For(db)(db, planId, cancellationToken);

    // Every edit asks this twice on SQLite (before its turn and in it), so it is compiled once rather than rebuilt and
    // looked up in the query cache per call.
    private static readonly PerModel<Func<AllocationDbContext, int, CancellationToken, Task<bool?>>> IsOpenCompiled =
        new(_ => EF.CompileAsyncQuery((AllocationDbContext db, int planId, CancellationToken _) =>
            db.Plans.Where(p => p.Id == planId)
                .Select(p => (bool?)(p.Status == PlanStatus.Draft || (p.Status == PlanStatus.Published && p.PendingAmendmentId == null)))
                .SingleOrDefault()));

    /// <summary>
    /// Locks the plan row while it is open (<see cref="IsOpenAsync"/>); false when it is not (superseded, or an amendment
    /// started meanwhile), and the caller must roll its transaction back and answer plan-locked. Which figures a
    /// published plan still takes is decided per level by the node rows (<see cref="Decisions.LevelLock"/>).
    /// </summary>
    public static async Task<bool> HoldOpenAsync(AllocationDbContext db, int planId, CancellationToken cancellationToken) =>
        await db.Plans
            .Where(p => p.Id == planId && (p.Status == PlanStatus.Draft || (p.Status == PlanStatus.Published && p.PendingAmendmentId == null)))
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, p => p.Status), cancellationToken) == 1;

    /// <summary>
    /// <see cref="HoldOpenAsync"/> for a change of quantities, which needs the plan to stay open but does not exclude
    /// other changes: on PostgreSQL a shared row lock (<c>FOR SHARE</c>), so edits of one plan pass each other here and
    /// queue only on the rows they really share (ADR 0020), while a publication, an amendment or a decision, which
    /// update or hold this row exclusively, still wait for every edit holding it and are waited for by every edit after
    /// them (the locking read re-reads the row as they committed it). SQL Server keeps the exclusive hold; SQLite
    /// serialises writers, so a read is enough there.
    /// </summary>
    public static async Task<bool> ShareOpenAsync(AllocationDbContext db, int planId, CancellationToken cancellationToken)
    {
        switch (RowLocks.Of(db))
        {
            case RowLocks.Dialect.PostgreSql:
                var plans = await db.Plans.FromSqlRaw("SELECT * FROM \"Plans\" WHERE \"Id\" = {0} FOR SHARE", planId)
                    .AsNoTracking().ToListAsync(cancellationToken);
                return plans is [var plan] && (plan.Status == PlanStatus.Draft || (plan.Status == PlanStatus.Published && plan.PendingAmendmentId == null));
            case RowLocks.Dialect.Sqlite:
                return await IsOpenAsync(db, planId, cancellationToken) == true;
            default:
                return await HoldOpenAsync(db, planId, cancellationToken);
        }
    }

    /// <summary>
    /// Locks the plan row while the plan is a draft; false when it is not (published meanwhile), and the caller must
    /// roll its transaction back and answer plan-locked. For what a draft alone takes (the plan's letter).
    /// </summary>
    public static async Task<bool> HoldDraftAsync(AllocationDbContext db, int planId, CancellationToken cancellationToken) =>
        await db.Plans
            .Where(p => p.Id == planId && p.Status == PlanStatus.Draft)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, p => p.Status), cancellationToken) == 1;

    /// <summary>Moves a plan from <paramref name="from"/> to <paramref name="to"/> only if it is still in <paramref name="from"/>.</summary>
    public static async Task<bool> MoveAsync(AllocationDbContext db, int planId, PlanStatus from, PlanStatus to, CancellationToken cancellationToken) =>
        await db.Plans
            .Where(p => p.Id == planId && p.Status == from)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, to), cancellationToken) == 1;
}
