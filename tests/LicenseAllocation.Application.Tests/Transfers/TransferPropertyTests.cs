using LicenseAllocation.Application.Transfers;
using LicenseAllocation.Domain.Allocations;
using LicenseAllocation.Domain.Auditing;
using LicenseAllocation.Testing;
using Shouldly;

namespace LicenseAllocation.Application.Tests.Transfers;

/// <summary>
/// Random moves over generated trees of random sizes, checked against a model of the rules: a move is made exactly when
/// the source has the licences free and the two units are on different branches; then every unit on the path through
/// the common ancestor changes by the moved number and nothing else does; every level stays consistent, the plan's
/// total never changes, and replaying the trail gives the stored figures.
/// </summary>
public sealed class TransferPropertyTests
{
    private const int MovesPerTree = 40;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(11)]
    [InlineData(23)]
    [InlineData(47)]
    public async Task Random_moves_keep_every_level_consistent_and_change_only_the_path(int seed)
    {
        var random = new Random(seed);
        await using var database = await SqliteTestDatabase.CreateAsync(seed: false);
        var planId = await SyntheticPlan.CreateAsync(database.Factory, random.Next(80, 200), Cancellation);
        var service = new TransferService(database.Factory, TimeProvider.System);
        var stored = await StoredPlan.LoadAsync(database.Factory, planId, Cancellation);
        var model = stored.Nodes.ToDictionary(n => n.UnitId, n => (n.Quantity, n.HandedOn));
        var parents = stored.Nodes.ToDictionary(n => n.UnitId, n => n.ParentUnitId);
        var root = stored.Nodes.Single(n => n.ParentUnitId is null).UnitId;
        var total = model[root].Quantity;
        var units = parents.Keys.Order().ToArray();
        var made = 0;

        for (var i = 0; i < MovesPerTree; i++)
        {
            // Half the moves from a unit that holds licences, so that most are made; the others anywhere.
            var holders = units.Where(u => model[u].Quantity > model[u].HandedOn).ToArray();
            var from = holders.Length > 0 && random.Next(2) == 0 ? holders[random.Next(holders.Length)] : units[random.Next(units.Length)];
            var to = units[random.Next(units.Length)];
            var free = model[from].Quantity - model[from].HandedOn;
            var quantity = random.Next(1, Math.Max(free, 1) + 3);
            var path = TransferPath.Between(from, to, id => parents[id]);

            var outcome = await service.MoveAsync(SeededPlan.Admin, new MoveLicences(planId, from, to, quantity, $"di chuyển {i}"), Cancellation);

            if (path is null)
            {
                outcome.Error!.Code.ShouldBe(AllocationErrorCode.InvalidSource, $"move {i}: {from} → {to}");
                continue;
            }

            if (quantity > free)
            {
                outcome.Error.ShouldBe(AllocationError.SourceHasNoRoom(quantity, free), $"move {i}: {quantity} of {free} free");
                continue;
            }

            outcome.Error.ShouldBeNull($"move {i}: {from} → {to}, {quantity} of {free} free");
            made++;
            foreach (var unit in path.Decreases)
            {
                model[unit] = (model[unit].Quantity - quantity, model[unit].HandedOn);
                model[parents[unit]!.Value] = (model[parents[unit]!.Value].Quantity, model[parents[unit]!.Value].HandedOn - quantity);
            }

            foreach (var unit in path.Increases)
            {
                model[unit] = (model[unit].Quantity + quantity, model[unit].HandedOn);
                model[parents[unit]!.Value] = (model[parents[unit]!.Value].Quantity, model[parents[unit]!.Value].HandedOn + quantity);
            }

            (outcome.Value!.From.Quantity, outcome.Value.To.Quantity).ShouldBe((model[from].Quantity, model[to].Quantity));
        }

        made.ShouldBeGreaterThan(MovesPerTree / 4, "enough moves were made to test anything");
        var after = await StoredPlan.LoadAsync(database.Factory, planId, Cancellation);
        after.Tree().FindViolations().ShouldBeEmpty();
        after.Nodes.ToDictionary(n => n.UnitId, n => (n.Quantity, n.HandedOn)).ShouldBe(model);
        after[root].Quantity.ShouldBe(total);
        after.Audit.Where(a => a.Action == AuditAction.QuantityChanged).GroupBy(a => a.ChangeSetId).Count().ShouldBe(made);
        await AuditChainCheck.ShouldBeIntactAsync(database.Factory, Cancellation);
    }
}
