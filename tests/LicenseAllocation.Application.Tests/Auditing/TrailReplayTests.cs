using LicenseAllocation.Application.Allocations;
using LicenseAllocation.Application.Allocations.Batches;
using LicenseAllocation.Application.Auditing;
using LicenseAllocation.Application.Data;
using LicenseAllocation.Application.Units;
using LicenseAllocation.Domain.Auditing;
using LicenseAllocation.Domain.Units;
using LicenseAllocation.Testing;
using Microsoft.EntityFrameworkCore;
using Shouldly;

namespace LicenseAllocation.Application.Tests.Auditing;

/// <summary>
/// The trail accounts for every figure: replayed from a plan of zeros, in chain order, it arrives at exactly what the
/// nodes hold, after single edits, bulk edits and unit events of every kind (see the derived classes for the databases).
/// </summary>
public abstract class TrailReplayTests
{
    private const string Letter = "Công văn số 123/UBND-VX ngày 05/01/2021";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected abstract Task<ProviderDatabase> CreateSeededDatabaseAsync();

    [Fact]
    public async Task Replaying_the_trail_from_an_empty_plan_reproduces_every_figure_exactly()
    {
        await using var database = await CreateSeededDatabaseAsync();
        await MakeMixedChangesAsync(database.Factory);

        var stored = await StoredPlan.LoadAsync(database.Factory, Ct);
        var replayed = stored.Replay();

        stored.Audit.Select(a => a.Action).Distinct().ShouldBe(
            [AuditAction.Seeded, AuditAction.QuantityChanged, AuditAction.UnitCreated, AuditAction.UnitRenamed, AuditAction.UnitMoved, AuditAction.UnitDeactivated, AuditAction.UnitActivated],
            ignoreOrder: true);
        foreach (var node in stored.Nodes)
        {
            replayed[node.UnitId].Quantity.ShouldBe(node.Quantity, $"quantity of unit {node.UnitId}");
            replayed[node.UnitId].HandedOn.ShouldBe(node.HandedOn, $"handed on by unit {node.UnitId}");
        }

        replayed.FindViolations().ShouldBeEmpty();
        await AuditChainCheck.ShouldBeIntactAsync(database.Factory, Ct);
    }

    [Fact]
    public async Task Every_units_history_arrives_at_its_stored_quantity()
    {
        await using var database = await CreateSeededDatabaseAsync();
        await MakeMixedChangesAsync(database.Factory);
        var stored = await StoredPlan.LoadAsync(database.Factory, Ct);
        var audit = new AuditQueries(database.Factory, TimeProvider.System);

        foreach (var node in stored.Nodes)
        {
            var history = (await audit.UnitHistoryAsync(SeededPlan.Admin, stored.PlanId, node.UnitId, Ct)).Value.ShouldNotBeNull();
            history.Reconciles.ShouldBeTrue($"the history of unit {node.UnitId} does not reconcile");
            history.TrailQuantity.ShouldBe(node.Quantity);
        }
    }

    [Fact]
    public async Task A_figure_changed_behind_the_portal_no_longer_replays()
    {
        await using var database = await CreateSeededDatabaseAsync();
        await MakeMixedChangesAsync(database.Factory);
        var office = await SeededPlan.UnitIdAsync(database.Factory, "VP. UBND tỉnh");
        await using (var db = await database.Factory.CreateDbContextAsync(Ct))
        {
            // A licence added to the unit's row behind the portal's back, with no audit row to account for it.
            await db.Nodes.Where(n => n.UnitId == office).ExecuteUpdateAsync(s => s.SetProperty(n => n.Quantity, n => n.Quantity + 1), Ct);
        }

        var stored = await StoredPlan.LoadAsync(database.Factory, Ct);

        stored.Replay()[office].Quantity.ShouldNotBe(stored[office].Quantity);
        var history = (await new AuditQueries(database.Factory, TimeProvider.System).UnitHistoryAsync(SeededPlan.Admin, stored.PlanId, office, Ct)).Value!;
        history.Reconciles.ShouldBeFalse();
    }

    /// <summary>Single edits with and without a letter, bulk edits up and down, and every kind of unit event.</summary>
    private static async Task MakeMixedChangesAsync(IDbContextFactory<AllocationDbContext> factory)
    {
        var clock = TimeProvider.System;
        var quantities = new QuantityService(factory, clock);
        var batches = new QuantityBatchService(factory, clock);
        var units = new UnitAdministration(factory, clock);
        var planId = await SeededPlan.PlanIdAsync(factory);
        var office = await SeededPlan.UnitIdAsync(factory, "VP. UBND tỉnh");
        var caoLanh = await SeededPlan.UnitIdByCodeAsync(factory, "866");
        var ward11 = await SeededPlan.UnitIdByCodeAsync(factory, "29863");
        var ward1 = await SeededPlan.UnitIdByCodeAsync(factory, "29866");
        var ward2 = await SeededPlan.UnitIdByCodeAsync(factory, "29869");
        var admin = SeededPlan.Admin;

        (await quantities.ChangeAsync(admin, new ChangeQuantity(planId, office, 60, "Chuyển 5 bản quyền về dự phòng", DocumentRef: Letter), Ct)).Succeeded.ShouldBeTrue();
        (await batches.ApplyAsync(admin, new QuantityBatch(planId, "Giao cho Thành phố Cao Lãnh", [new(caoLanh, 300), new(ward11, 20), new(ward1, 15), new(ward2, 12)], Letter), Ct))
            .Applied.ShouldBeTrue();

        var added = (await units.AddUnitAsync(admin, planId, caoLanh, "Phòng Văn hóa và Thông tin", UnitKind.DistrictAgency, cancellationToken: Ct)).Value.ShouldNotBeNull();
        (await quantities.ChangeAsync(admin, new ChangeQuantity(planId, added.UnitId, 10, "Trang bị cho phòng mới"), Ct)).Succeeded.ShouldBeTrue();
        (await units.UpdateUnitAsync(admin, planId, added.UnitId, name: "Phòng Văn hóa, Thể thao và Thông tin", cancellationToken: Ct)).Succeeded.ShouldBeTrue();
        (await units.UpdateUnitAsync(admin, planId, ward11, order: 3, cancellationToken: Ct)).Succeeded.ShouldBeTrue();
        (await units.AddStandardDistrictAgenciesAsync(admin, planId, caoLanh, Ct)).Succeeded.ShouldBeTrue();

        // A commune emptied and deactivated, then brought back and given licences again.
        (await quantities.ChangeAsync(admin, new ChangeQuantity(planId, ward2, 0, "Thu hồi để sáp nhập"), Ct)).Succeeded.ShouldBeTrue();
        (await units.UpdateUnitAsync(admin, planId, ward2, active: false, cancellationToken: Ct)).Succeeded.ShouldBeTrue();
        (await units.UpdateUnitAsync(admin, planId, ward2, active: true, cancellationToken: Ct)).Succeeded.ShouldBeTrue();

        // Decreases and increases in one batch, licences moving between siblings.
        (await batches.ApplyAsync(admin, new QuantityBatch(planId, "Điều chỉnh giữa các phường", [new(ward11, 5), new(ward2, 25), new(caoLanh, 290)]), Ct))
            .Applied.ShouldBeTrue();
        (await quantities.ChangeAsync(admin, new ChangeQuantity(planId, office, 65, "Trả lại số ban đầu"), Ct)).Succeeded.ShouldBeTrue();
    }
}
