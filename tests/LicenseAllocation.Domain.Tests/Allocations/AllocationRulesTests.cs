using LicenseAllocation.Domain.Allocations;
using Shouldly;

namespace LicenseAllocation.Domain.Tests.Allocations;

public sealed class AllocationRulesTests
{
    private static readonly NodeFigures Agency = new(Quantity: 65, HandedOn: 0);

    [Fact]
    public void A_negative_quantity_is_refused()
    {
        var error = AllocationRules.CheckQuantityChange(Agency, new NodeFigures(5137, 5137), -1);

        error.ShouldNotBeNull().Code.ShouldBe(AllocationErrorCode.InvalidQuantity);
    }

    [Fact]
    public void An_increase_larger_than_what_the_parent_has_left_is_refused_with_the_maximum()
    {
        var parent = new NodeFigures(Quantity: 5137, HandedOn: 5130);

        var error = AllocationRules.CheckQuantityChange(Agency, parent, 73).ShouldNotBeNull();

        error.Code.ShouldBe(AllocationErrorCode.ExceedsParent);
        error.Limit.ShouldBe(72);
        error.ParentRemaining.ShouldBe(7);
        error.Requested.ShouldBe(73);
    }

    [Fact]
    public void An_increase_that_uses_exactly_what_the_parent_has_left_is_accepted()
    {
        var parent = new NodeFigures(Quantity: 5137, HandedOn: 5130);

        AllocationRules.CheckQuantityChange(Agency, parent, 72).ShouldBeNull();
    }

    [Fact]
    public void A_decrease_is_accepted_even_when_the_parent_is_full()
    {
        AllocationRules.CheckQuantityChange(Agency, new NodeFigures(5137, 5137), 60).ShouldBeNull();
    }

    [Fact]
    public void A_node_cannot_go_below_what_it_has_handed_on()
    {
        var district = new NodeFigures(Quantity: 400, HandedOn: 350);

        var error = AllocationRules.CheckQuantityChange(district, new NodeFigures(3960, 400), 349).ShouldNotBeNull();

        error.Code.ShouldBe(AllocationErrorCode.BelowHandedOn);
        error.Limit.ShouldBe(350);
    }

    [Fact]
    public void The_root_has_no_parent_and_may_grow_freely()
    {
        AllocationRules.CheckQuantityChange(new NodeFigures(5137, 5137), parent: null, 6000).ShouldBeNull();
    }
}
