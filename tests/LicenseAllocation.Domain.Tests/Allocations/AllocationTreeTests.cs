using LicenseAllocation.Domain.Allocations;
using Shouldly;

namespace LicenseAllocation.Domain.Tests.Allocations;

public sealed class AllocationTreeTests
{
    // Province 100 → agency 30, group 70 → district 0.
    private static AllocationTree SmallProvince() => new([
        new TreeNode(1, null, 100, 100),
        new TreeNode(2, 1, 30, 0),
        new TreeNode(3, 1, 70, 0),
        new TreeNode(4, 3, 0, 0),
    ]);

    [Fact]
    public void An_accepted_change_moves_the_parents_handed_on_by_the_difference()
    {
        var tree = SmallProvince();

        tree.ChangeQuantity(2, 20).ShouldBeNull();

        tree[2].Quantity.ShouldBe(20);
        tree[1].HandedOn.ShouldBe(90);
        tree[1].Remaining.ShouldBe(10);
        tree.FindViolations().ShouldBeEmpty();
    }

    [Fact]
    public void A_refused_change_leaves_every_figure_as_it_was()
    {
        var tree = SmallProvince();

        tree.ChangeQuantity(2, 31).ShouldNotBeNull().Code.ShouldBe(AllocationErrorCode.ExceedsParent);

        tree[2].Quantity.ShouldBe(30);
        tree[1].HandedOn.ShouldBe(100);
    }

    [Fact]
    public void A_district_can_hand_on_to_its_communes_only_what_it_received()
    {
        var tree = SmallProvince();
        tree.ChangeQuantity(4, 71).ShouldNotBeNull().Code.ShouldBe(AllocationErrorCode.ExceedsParent);

        tree.ChangeQuantity(4, 70).ShouldBeNull();

        tree.ChangeQuantity(3, 69).ShouldNotBeNull().Code.ShouldBe(AllocationErrorCode.BelowHandedOn);
    }

    [Fact]
    public void An_unknown_unit_is_reported_as_not_found()
    {
        SmallProvince().ChangeQuantity(99, 1).ShouldNotBeNull().Code.ShouldBe(AllocationErrorCode.NotFound);
    }

    [Fact]
    public void Figures_that_do_not_add_up_are_reported()
    {
        var broken = new AllocationTree([new TreeNode(1, null, 10, 5), new TreeNode(2, 1, 12, 0)]);

        var violations = broken.FindViolations();

        violations.Count.ShouldBe(2);
        violations.ShouldContain(v => v.Contains("records 5 handed on", StringComparison.Ordinal));
        violations.ShouldContain(v => v.Contains("more than its 10", StringComparison.Ordinal));
    }
}
