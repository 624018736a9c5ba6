using CsCheck;
using LicenseAllocation.Domain.Allocations;
using LicenseAllocation.Domain.Reorganisations;
using Shouldly;

namespace LicenseAllocation.Domain.Tests.Reorganisations;

/// <summary>Random allocated trees and random reorganisations of them: carrying over never creates or loses a licence.</summary>
public sealed class CarryoverPropertyTests
{
    /// <summary>An old tree filled top-down with random quantities that keep the rules, as a plan holds them.</summary>
    private static readonly Gen<List<TreeNode>> OldTrees =
        Gen.Int[1, 40].SelectMany(size =>
            Gen.Select(Gen.Int[0, 6000], Gen.Int[0, 1000].Array[size], Gen.Int[0, size].Array[size]).Select((total, draws, parentDraws) =>
            {
                var parents = new int?[size + 1];
                var quantity = new int[size + 1];
                var handedOn = new int[size + 1];
                quantity[0] = total;
                for (var i = 1; i <= size; i++)
                {
                    var parent = parentDraws[i - 1] % i;
                    parents[i] = parent;
                    var room = quantity[parent] - handedOn[parent];
                    quantity[i] = room == 0 ? 0 : draws[i - 1] % (room + 1);
                    handedOn[parent] += quantity[i];
                }

                return Enumerable.Range(0, size + 1).Select(i => new TreeNode(i, parents[i], quantity[i], handedOn[i])).ToList();
            }));

    /// <summary>
    /// A new tree of up to 30 units (ids from 1000, root 1000), and up to 80 links old → new, some with shares
    /// (possibly not adding up), some old units split, some without a successor.
    /// </summary>
    private static readonly Gen<(Dictionary<int, int?> Parents, List<CarryLink> Links)> Reorganisations =
        Gen.Int[1, 30].SelectMany(size =>
            Gen.Select(Gen.Int[0, 100].Array[size], Gen.Select(Gen.Int[0, 45], Gen.Int[1, 30], Gen.Int[-1, 100]).Array[0, 80]).Select((parentDraws, linkDraws) =>
            {
                var parents = new Dictionary<int, int?> { [1000] = null };
                for (var i = 1; i < size; i++)
                {
                    parents[1000 + i] = 1000 + (parentDraws[i] % i);
                }

                var links = linkDraws
                    .Select(d => new CarryLink(d.Item1, 1000 + (d.Item2 % size), d.Item3 < 0 ? null : d.Item3 / 100m))
                    .DistinctBy(l => (l.OldUnitId, l.NewUnitId))
                    .ToList();
                return (parents, links);
            }));

    [Fact]
    public void Carrying_over_never_creates_or_loses_a_licence() =>
        Gen.Select(OldTrees, Reorganisations).Sample((old, reorganisation) =>
        {
            var total = old[0].Quantity;
            var holdings = old.Select(n => new OldHolding(n.UnitId, n.Quantity - n.HandedOn)).ToList();
            holdings.Sum(h => h.Own).ShouldBe(total);

            var result = Carryover.Compute(holdings, reorganisation.Links);
            (result.CarriedTotal + result.NotPlacedTotal).ShouldBe(total);
            result.Carried.ShouldAllBe(p => p.Quantity > 0);
            foreach (var holding in holdings.Where(h => h.Own > 0))
            {
                (result.Carried.Where(p => p.OldUnitId == holding.UnitId).Sum(p => p.Quantity)
                    + result.NotPlaced.Where(n => n.UnitId == holding.UnitId).Sum(n => n.Own)).ShouldBe(holding.Own);
            }

            var carried = result.Carried.GroupBy(p => p.NewUnitId).ToDictionary(g => g.Key, g => g.Sum(p => p.Quantity));
            var figures = SuccessorFigures.Build(reorganisation.Parents, carried, total);
            new AllocationTree(figures).FindViolations().ShouldBeEmpty();
            figures.Single(f => f.UnitId == 1000).Quantity.ShouldBe(total);
            figures.Sum(f => f.Quantity - f.HandedOn).ShouldBe(total);
        }, iter: 500);

    [Theory]
    [InlineData(7, new[] { 4, 3 })]
    [InlineData(10, new[] { 5, 5 })]
    [InlineData(0, new[] { 0, 0 })]
    public void A_split_without_shares_gives_equal_parts_by_largest_remainder_first_successor_first(int quantity, int[] parts) =>
        Carryover.Split(quantity, [1m, 1m]).ShouldBe(parts);

    [Fact]
    public void Recorded_shares_divide_by_largest_remainder() =>
        Carryover.Split(10, [0.25m, 0.25m, 0.5m]).ShouldBe([3, 2, 5]);
}
