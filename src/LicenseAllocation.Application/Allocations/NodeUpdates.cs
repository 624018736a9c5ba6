using LicenseAllocation.Application.Data;
using Microsoft.EntityFrameworkCore;

namespace LicenseAllocation.Application.Allocations;

/// <summary>
/// The conditional statements every quantity write is made of (see docs/architecture.md). They re-check the rules in
/// the database at write time, so they hold under concurrent edits; a statement that matches no row reports false and
/// the caller rolls its transaction back.
/// </summary>
/// <remarks>
/// On SQLite and PostgreSQL the two statements every edit sends are sent as the SQL text of <see cref="NodeUpdateSql"/>:
/// built through LINQ they cost the portal more CPU than the database spends on them (docs/benchmarks.md, ADR 0025).
/// The LINQ form stays the definition for SQL Server, and <c>NodeUpdatesParityTests</c> holds both forms to the same
/// answers on the same rows.
/// </remarks>
internal static class NodeUpdates
{
    /// <summary>
    /// A no-op write that takes the unit's row lock, so that what is read next is what the previous editor of this unit
    /// committed (on databases that lock rows; SQLite already serialises writers).
    /// </summary>
    public static Task ClaimAsync(AllocationDbContext db, int planId, int unitId, CancellationToken cancellationToken) =>
        RowLocks.WritersInterleave(db)
            ? db.Nodes
                .Where(n => n.PlanId == planId && n.UnitId == unitId)
                .ExecuteUpdateAsync(s => s.SetProperty(n => n.Version, n => n.Version), cancellationToken)
            : Task.CompletedTask;

    /// <summary>
    /// Sets the node's quantity only if it still holds what was read and keeps at least what it has handed on; the plan's
    /// root only while the province's letter, which states the total, is not published. A row read before the transaction
    /// (<paramref name="wholeRowAsRead"/>) must also still have handed on what was read: the answer quotes the row as read,
    /// and a child's edit moves that counter without moving the version.
    /// </summary>
    public static Task<bool> SetQuantityAsync(AllocationDbContext db, NodeRow read, int newQuantity, bool wholeRowAsRead, CancellationToken cancellationToken) =>
        RowLocks.Of(db) == RowLocks.Dialect.SqlServer
            ? SetQuantityByQueryAsync(db, read, newQuantity, wholeRowAsRead, cancellationToken)
            : SetQuantityBySqlAsync(db, read, newQuantity, wholeRowAsRead, cancellationToken);

    /// <summary>
    /// Moves the parent's handed-on counter by <paramref name="delta"/> only if the parent still has room for it and its
    /// decision over its children is not published. Every change of a child's quantity passes here, so publishing the
    /// parent's decision (a conditional update of this same row, <c>Decisions/LevelLock</c>) and the change are ordered
    /// by the database: the change commits before the decision reads the figures, or finds the level frozen.
    /// </summary>
    public static Task<bool> MoveHandedOnAsync(AllocationDbContext db, long parentNodeId, int delta, CancellationToken cancellationToken) =>
        RowLocks.Of(db) == RowLocks.Dialect.SqlServer
            ? MoveHandedOnByQueryAsync(db, parentNodeId, delta, cancellationToken)
            : MoveHandedOnBySqlAsync(db, parentNodeId, delta, cancellationToken);

    internal static async Task<bool> SetQuantityByQueryAsync(AllocationDbContext db, NodeRow read, int newQuantity, bool wholeRowAsRead, CancellationToken cancellationToken)
    {
        var row = db.Nodes
            .Where(n => n.Id == read.NodeId && n.Quantity == read.Quantity && n.Version == read.Version && n.HandedOn <= newQuantity
                && (read.ParentUnitId != null || !n.LevelFrozen));
        if (wholeRowAsRead)
        {
            row = row.Where(n => n.HandedOn == read.HandedOn);
        }

        return await row.ExecuteUpdateAsync(s => s.SetProperty(n => n.Quantity, newQuantity).SetProperty(n => n.Version, n => n.Version + 1), cancellationToken) == 1;
    }

    internal static async Task<bool> SetQuantityBySqlAsync(AllocationDbContext db, NodeRow read, int newQuantity, bool wholeRowAsRead, CancellationToken cancellationToken)
    {
        var sql = NodeUpdateSql.Of(db);
        object[] values = [newQuantity, read.NodeId, read.Quantity, read.Version, read.HandedOn];
        return await db.Database.ExecuteSqlRawAsync(sql.SetQuantity(isRoot: read.ParentUnitId is null, wholeRowAsRead), values, cancellationToken) == 1;
    }

    internal static async Task<bool> MoveHandedOnByQueryAsync(AllocationDbContext db, long parentNodeId, int delta, CancellationToken cancellationToken) =>
        await db.Nodes
            .Where(n => n.Id == parentNodeId && n.HandedOn + delta <= n.Quantity && n.HandedOn + delta >= 0 && !n.LevelFrozen)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.HandedOn, n => n.HandedOn + delta), cancellationToken) == 1;

    internal static async Task<bool> MoveHandedOnBySqlAsync(AllocationDbContext db, long parentNodeId, int delta, CancellationToken cancellationToken) =>
        await db.Database.ExecuteSqlRawAsync(NodeUpdateSql.Of(db).MoveHandedOn, [delta, parentNodeId], cancellationToken) == 1;
}
