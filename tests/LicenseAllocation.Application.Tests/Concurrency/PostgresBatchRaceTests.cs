using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Allocations;
using LicenseAllocation.Application.Allocations.Batches;
using LicenseAllocation.Application.Identity;
using LicenseAllocation.Domain.Auditing;
using LicenseAllocation.Domain.Units;
using LicenseAllocation.Testing;
using Shouldly;

namespace LicenseAllocation.Application.Tests.Concurrency;

/// <summary>Batches racing single edits on PostgreSQL: a batch is applied whole or not at all, and the parent rule holds.</summary>
public sealed class PostgresBatchRaceTests(PostgresCluster cluster)
{
    private const int Batches = 8;
    private const int SingleEdits = 16;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Batches_and_single_edits_racing_for_the_district_group_leave_each_batch_whole_or_absent()
    {
        await using var database = await PostgresTestDatabase.CreateAsync(cluster, seed: true, cancellationToken: Ct);
        var seed = await StoredPlan.LoadAsync(database.Factory, Ct);
        var districts = seed.OfKind(UnitKind.DistrictCommittee);
        var admin = new Caller("admin", PortalRole.ProvinceAdmin);
        var batchService = new QuantityBatchService(database.Factory, TimeProvider.System);
        var singles = new QuantityService(database.Factory, TimeProvider.System);

        // Each batch raises three districts by 150 to 250 each; 8 batches cannot all fit in the group's 3,960 along
        // with the single edits, so some must be refused, and a refused batch must leave no trace at all.
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var batchRuns = Enumerable.Range(0, Batches).Select(b => Task.Run(
            async () =>
            {
                await go.Task;
                var items = Enumerable.Range(0, 3).Select(k => new QuantityBatchItem(districts[(b + (k * 4)) % districts.Count].UnitId, 150 + (b * 10) + k)).ToList();
                return (Reason: $"batch {b}", Items: items, Result: await batchService.ApplyAsync(admin, new QuantityBatch(seed.PlanId, $"batch {b}", items), Ct));
            },
            Ct)).ToList();
        var singleRuns = Enumerable.Range(0, SingleEdits).Select(i => Task.Run(
            async () =>
            {
                await go.Task;
                return await singles.ChangeAsync(admin, new ChangeQuantity(seed.PlanId, districts[i % districts.Count].UnitId, 300 + i, $"single {i}"), Ct);
            },
            Ct)).ToList();
        go.SetResult();
        var batches = await Task.WhenAll(batchRuns);
        await Task.WhenAll(singleRuns);

        var after = await StoredPlan.LoadAsync(database.Factory, Ct);
        after.Tree().FindViolations().ShouldBeEmpty();
        var changes = after.Audit.Where(a => a.Action == AuditAction.QuantityChanged).ToList();
        foreach (var (reason, items, result) in batches)
        {
            var rows = changes.Where(a => a.Reason == reason).ToList();
            if (result.Applied)
            {
                rows.Count.ShouldBe(items.Count, reason);
                rows.Select(r => r.ChangeSetId).Distinct().ShouldHaveSingleItem().ShouldBe(result.ChangeSetId!.Value);
            }
            else
            {
                rows.ShouldBeEmpty(reason);
                result.Refused.ShouldNotBeEmpty();
            }
        }

        var replayed = after.Replay();
        foreach (var node in after.Nodes)
        {
            replayed[node.UnitId].Quantity.ShouldBe(node.Quantity, $"unit {node.UnitId}");
            replayed[node.UnitId].HandedOn.ShouldBe(node.HandedOn, $"unit {node.UnitId}");
        }

        await AuditChainCheck.ShouldBeIntactAsync(database.Factory, Ct);

        TestContext.Current.TestOutputHelper?.WriteLine($"{batches.Count(b => b.Result.Applied)} of {Batches} batches applied");
    }
}
