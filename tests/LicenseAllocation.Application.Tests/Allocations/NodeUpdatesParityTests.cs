using LicenseAllocation.Application.Allocations;
using LicenseAllocation.Application.Data;
using LicenseAllocation.Testing;
using Microsoft.EntityFrameworkCore;
using Shouldly;

namespace LicenseAllocation.Application.Tests.Allocations;

/// <summary>
/// The conditional updates sent as SQL text (SQLite, PostgreSQL) answer exactly as their LINQ definition (SQL Server's
/// form): each case runs both forms on the same row, each in a transaction rolled back, and checks the answer and the row.
/// </summary>
public abstract class NodeUpdatesParityTests : IAsyncLifetime
{
    private ProviderDatabase _database = default!;
    private int _planId;
    private int _root;
    private int _district;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private enum Form
    {
        Query,
        Sql,
    }

    public async ValueTask InitializeAsync()
    {
        _database = await CreateSeededDatabaseAsync();
        _planId = await SeededPlan.PlanIdAsync(_database.Factory);
        _district = await SeededPlan.UnitIdByCodeAsync(_database.Factory, "866");
        await using var db = await _database.Factory.CreateDbContextAsync(Ct);
        _root = await db.Units.Where(u => u.ParentId == null).Select(u => u.Id).SingleAsync(Ct);
    }

    public async ValueTask DisposeAsync()
    {
        await _database.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    [Theory]
    [InlineData(false, 0, 0, 0, true)]
    [InlineData(true, 0, 0, 0, true)]
    [InlineData(false, -1, 0, 0, false)]
    [InlineData(false, 0, -1, 0, false)]
    [InlineData(true, 0, 0, 1, false)]
    [InlineData(false, 0, 0, 1, true)]
    public async Task Setting_a_districts_quantity_answers_alike_in_both_forms(bool wholeRowAsRead, int versionOff, int quantityOff, int handedOnOff, bool written)
    {
        var read = await ReadAsync(_district);
        var stale = read with { Version = read.Version + versionOff, Quantity = read.Quantity + quantityOff, HandedOn = read.HandedOn + handedOnOff };
        await BothAlikeAsync(_district, written, (db, _) => NodeUpdates.SetQuantityByQueryAsync(db, stale, read.HandedOn + 5, wholeRowAsRead, Ct),
            (db, _) => NodeUpdates.SetQuantityBySqlAsync(db, stale, read.HandedOn + 5, wholeRowAsRead, Ct));
    }

    [Fact]
    public async Task A_quantity_below_what_was_handed_on_is_refused_in_both_forms()
    {
        var read = await ReadAsync(_district);
        await BothAlikeAsync(_district, written: false, (db, _) => NodeUpdates.SetQuantityByQueryAsync(db, read, read.HandedOn - 1, false, Ct),
            (db, _) => NodeUpdates.SetQuantityBySqlAsync(db, read, read.HandedOn - 1, false, Ct));
    }

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public async Task The_roots_total_is_refused_once_its_level_is_frozen_and_a_childs_is_not_in_both_forms(bool root, bool written)
    {
        var unit = root ? _root : _district;
        var read = await ReadAsync(unit);
        await BothAlikeAsync(unit, written, async (db, node) => { await FreezeAsync(db, node); return await NodeUpdates.SetQuantityByQueryAsync(db, read, read.Quantity + 1, false, Ct); },
            async (db, node) => { await FreezeAsync(db, node); return await NodeUpdates.SetQuantityBySqlAsync(db, read, read.Quantity + 1, false, Ct); });
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(1, false)]
    [InlineData(-1, false)]
    public async Task Moving_a_parents_handed_on_counter_answers_alike_in_both_forms(int direction, bool written)
    {
        var read = await ReadAsync(_district);
        // 0: a delta within its room; 1: one more than its room; -1: below zero.
        var delta = direction switch { 0 => read.Quantity - read.HandedOn, 1 => read.Quantity - read.HandedOn + 1, _ => -read.HandedOn - 1 };
        await BothAlikeAsync(_district, written, (db, _) => NodeUpdates.MoveHandedOnByQueryAsync(db, read.NodeId, delta, Ct),
            (db, _) => NodeUpdates.MoveHandedOnBySqlAsync(db, read.NodeId, delta, Ct));
    }

    [Fact]
    public async Task A_frozen_parents_counter_does_not_move_in_either_form()
    {
        var read = await ReadAsync(_district);
        await BothAlikeAsync(_district, written: false, async (db, node) => { await FreezeAsync(db, node); return await NodeUpdates.MoveHandedOnByQueryAsync(db, node, -1, Ct); },
            async (db, node) => { await FreezeAsync(db, node); return await NodeUpdates.MoveHandedOnBySqlAsync(db, node, -1, Ct); });
    }

    protected abstract Task<ProviderDatabase> CreateSeededDatabaseAsync();

    private static Task FreezeAsync(AllocationDbContext db, long node) =>
        db.Nodes.Where(n => n.Id == node).ExecuteUpdateAsync(s => s.SetProperty(n => n.LevelFrozen, true), Ct);

    private async Task<NodeRow> ReadAsync(int unitId)
    {
        await using var db = await _database.Factory.CreateDbContextAsync(Ct);
        return (await NodeRows.FindAsync(db, _planId, unitId, Ct))!;
    }

    private async Task BothAlikeAsync(int unitId, bool written, Func<AllocationDbContext, long, Task<bool>> byQuery, Func<AllocationDbContext, long, Task<bool>> bySql)
    {
        var query = await RunRolledBackAsync(unitId, byQuery);
        var sql = await RunRolledBackAsync(unitId, bySql);
        query.Written.ShouldBe(written);
        sql.ShouldBe(query);
        (await ReadAsync(unitId)).ShouldBe(query.Before, "each form ran in a transaction rolled back");
    }

    private async Task<(bool Written, NodeRow Before, NodeRow After)> RunRolledBackAsync(int unitId, Func<AllocationDbContext, long, Task<bool>> statement)
    {
        await using var db = await _database.Factory.CreateDbContextAsync(Ct);
        await using var transaction = await db.Database.BeginTransactionAsync(Ct);
        var before = (await NodeRows.FindAsync(db, _planId, unitId, Ct))!;
        var written = await statement(db, before.NodeId);
        var after = (await NodeRows.FindAsync(db, _planId, unitId, Ct))! with { LevelFrozen = before.LevelFrozen };
        await transaction.RollbackAsync(Ct);
        return (written, before, after);
    }
}

public sealed class SqliteNodeUpdatesParityTests : NodeUpdatesParityTests
{
    protected override Task<ProviderDatabase> CreateSeededDatabaseAsync() => ProviderDatabase.SqliteSeededAsync();
}

public sealed class PostgresNodeUpdatesParityTests(PostgresCluster cluster) : NodeUpdatesParityTests
{
    protected override Task<ProviderDatabase> CreateSeededDatabaseAsync() => ProviderDatabase.PostgresSeededAsync(cluster);
}
