using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Allocations.Batches;
using LicenseAllocation.Application.Identity;
using LicenseAllocation.Domain.Auditing;
using LicenseAllocation.Testing;
using Microsoft.EntityFrameworkCore;
using Shouldly;

namespace LicenseAllocation.Application.Tests.Batches;

/// <summary>
/// A district-sized batch goes through SQLite's one-command trail append (ADR 0024) whole: every change saved, one
/// sealed trail row each under the batch's change set, and the chain verifies.
/// </summary>
public sealed class LargeBatchTests
{
    private const int Changes = 4_000;

    [Fact]
    public async Task Four_thousand_changes_in_one_batch_are_all_saved_with_one_sealed_trail_row_each()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await SqliteTestDatabase.CreateAsync(seed: false);
        var planId = await SyntheticPlan.CreateAsync(database.Factory, 10_000, ct);
        List<(int UnitId, int Quantity)> leaves;
        await using (var db = await database.Factory.CreateDbContextAsync(ct))
        {
            leaves = [.. (await db.Nodes.Where(n => n.PlanId == planId && n.Quantity > 0 && n.HandedOn == 0 && !db.Units.Any(u => u.ParentId == n.UnitId))
                .Select(n => new { n.UnitId, n.Quantity }).Take(Changes).ToListAsync(ct)).Select(n => (n.UnitId, n.Quantity))];
        }

        leaves.Count.ShouldBe(Changes);
        var items = leaves.Select(l => new QuantityBatchItem(l.UnitId, l.Quantity - 1)).ToList();

        var result = await new QuantityBatchService(database.Factory, TimeProvider.System)
            .ApplyAsync(new Caller("admin", PortalRole.ProvinceAdmin), new QuantityBatch(planId, "Thu hồi mỗi đơn vị một bản quyền", items), ct);

        result.Refused.ShouldBeEmpty();
        result.Applied.ShouldBeTrue();
        await using var check = await database.Factory.CreateDbContextAsync(ct);
        (await check.AuditEntries.CountAsync(a => a.ChangeSetId == result.ChangeSetId && a.Action == AuditAction.QuantityChanged, ct)).ShouldBe(Changes);
        var stored = await check.Nodes.Where(n => n.PlanId == planId).ToDictionaryAsync(n => n.UnitId, n => n.Quantity, ct);
        leaves.ShouldAllBe(l => stored[l.UnitId] == l.Quantity - 1);
        await AuditChainCheck.ShouldBeIntactAsync(database.Factory, ct);
    }
}
