using LicenseAllocation.Application.Data;
using LicenseAllocation.Domain.Allocations;
using Microsoft.EntityFrameworkCore;

namespace LicenseAllocation.Application.Decisions;

/// <summary>
/// The statements behind decisions by level (docs/decisions/0019-decisions-by-level.md). A unit's decision over its
/// children is the flag <see cref="AllocationNode.LevelFrozen"/> on the unit's own node row: publishing sets it with a
/// conditional update, and every write under that unit touches the same row first (a child's quantity moves the row's
/// handed-on counter; a child added, renamed, reordered or deactivated holds it with <see cref="HoldOpenAsync"/>), so
/// the database orders the two: the write commits before the decision reads the figures, or it finds the level frozen.
/// </summary>
internal static class LevelLock
{
    public static async Task<bool> IsFrozenAsync(AllocationDbContext db, long nodeId, CancellationToken cancellationToken) =>
        await db.Nodes.Where(n => n.Id == nodeId).Select(n => n.LevelFrozen).SingleOrDefaultAsync(cancellationToken);

    public static async Task<bool> IsFrozenAsync(AllocationDbContext db, int planId, int unitId, CancellationToken cancellationToken) =>
        await db.Nodes.Where(n => n.PlanId == planId && n.UnitId == unitId).Select(n => n.LevelFrozen).SingleOrDefaultAsync(cancellationToken);

    /// <summary>Holds the unit's node row while its level is open; false when its decision is published.</summary>
    public static async Task<bool> HoldOpenAsync(AllocationDbContext db, int planId, int unitId, CancellationToken cancellationToken) =>
        await db.Nodes
            .Where(n => n.PlanId == planId && n.UnitId == unitId && !n.LevelFrozen)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.Version, n => n.Version), cancellationToken) == 1;

    /// <summary>Freezes the unit's level; false when it already was.</summary>
    public static async Task<bool> FreezeAsync(AllocationDbContext db, int planId, int unitId, CancellationToken cancellationToken) =>
        await db.Nodes
            .Where(n => n.PlanId == planId && n.UnitId == unitId && !n.LevelFrozen)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.LevelFrozen, true), cancellationToken) == 1;

    /// <summary>Opens the unit's level again for an amendment of its decision; false when it was not frozen.</summary>
    public static async Task<bool> ReopenAsync(AllocationDbContext db, int planId, int unitId, CancellationToken cancellationToken) =>
        await db.Nodes
            .Where(n => n.PlanId == planId && n.UnitId == unitId && n.LevelFrozen)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.LevelFrozen, false), cancellationToken) == 1;

    /// <summary>The refusal of a write to a frozen level, naming the unit whose decision froze it.</summary>
    public static async Task<AllocationError> RefusalAsync(AllocationDbContext db, int issuerUnitId, CancellationToken cancellationToken) =>
        AllocationError.DecisionLocked(await db.Units.Where(u => u.Id == issuerUnitId).Select(u => u.Name).SingleOrDefaultAsync(cancellationToken) ?? string.Empty);
}
