using CsCheck;
using LicenseAllocation.Domain.Allocations;
using Shouldly;

namespace LicenseAllocation.Domain.Tests.Allocations;

/// <summary>Random trees and random sequences of edits: whatever is accepted or refused, the rules always hold.</summary>
public sealed class AllocationPropertyTests
{
    private static readonly Gen<AllocationTree> Trees =
        Gen.Int[2, 40].SelectMany(size =>
            Gen.Int[0, 1000].SelectMany(total =>
                Gen.Int[0, size - 1].Array[size - 1].Select(parents =>
                {
                    // Node i (i >= 1) hangs under a node created before it, so every shape of tree can appear.
                    var nodes = new List<TreeNode> { new(0, null, total, 0) };
                    nodes.AddRange(parents.Select((p, i) => new TreeNode(i + 1, p % (i + 1), 0, 0)));
                    return new AllocationTree(nodes);
                })));

    private static readonly Gen<(int Unit, int Quantity)[]> Edits =
        Gen.Select(Gen.Int[0, 39], Gen.Int[-5, 1200]).Array[1, 200];

    [Fact]
    public void Random_edits_never_break_the_rules() =>
        Gen.Select(Trees, Edits).Sample((tree, edits) =>
        {
            foreach (var (unit, quantity) in edits)
            {
                if (!tree.UnitIds.Contains(unit))
                {
                    continue;
                }

                var before = tree.UnitIds.ToDictionary(id => id, id => tree[id]);
                var error = tree.ChangeQuantity(unit, quantity);
                if (error is null)
                {
                    tree[unit].Quantity.ShouldBe(quantity);
                }
                else
                {
                    tree.UnitIds.ShouldAllBe(id => tree[id] == before[id]);
                }

                tree.FindViolations().ShouldBeEmpty();
            }
        }, iter: 300);

    [Fact]
    public void A_refusal_for_exceeding_the_parent_quotes_the_largest_quantity_that_would_be_accepted() =>
        Gen.Select(Trees, Edits).Sample((tree, edits) =>
        {
            foreach (var (unit, quantity) in edits)
            {
                if (!tree.UnitIds.Contains(unit) || tree.ChangeQuantity(unit, quantity) is not { Code: AllocationErrorCode.ExceedsParent } error)
                {
                    continue;
                }

                tree.ChangeQuantity(unit, error.Limit!.Value + 1).ShouldNotBeNull();
                tree.ChangeQuantity(unit, error.Limit.Value).ShouldBeNull();
            }
        }, iter: 200);
}
