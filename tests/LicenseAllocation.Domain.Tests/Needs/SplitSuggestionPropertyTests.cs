using CsCheck;
using LicenseAllocation.Domain.Needs;
using Shouldly;

namespace LicenseAllocation.Domain.Tests.Needs;

/// <summary>Random children, needs and amounts: the largest-remainder split keeps its promises on every basis.</summary>
public sealed class SplitSuggestionPropertyTests
{
    private static readonly Gen<SplitCandidate[]> Children =
        Gen.Select(Gen.Int[0, 3000], Gen.Int[0, 3000]).Array[1, 40]
            .Select(figures => figures.Select((f, i) => new SplitCandidate(i + 1, f.Item1, f.Item2 % (f.Item1 + 1))).ToArray());

    private static readonly Gen<SplitBasis> Bases = Gen.Enum<SplitBasis>();

    [Fact]
    public void The_shares_total_the_amount_and_each_is_its_exact_share_rounded_down_or_up() =>
        Gen.Select(Children, Gen.Int[0, 20_000], Bases).Sample((children, amount, basis) =>
        {
            var result = SplitSuggestion.Split(amount, children, basis);

            result.Shares.Sum(s => s.Suggested).ShouldBe(amount);
            var weights = children.Select(c => (decimal)(result.Used switch
            {
                SplitBasis.Shortfall => c.Shortfall,
                SplitBasis.Need => c.Need,
                _ => 1,
            })).ToArray();
            var total = weights.Sum();
            for (var i = 0; i < children.Length; i++)
            {
                var exact = amount * weights[i] / total;
                ((decimal)result.Shares[i].Suggested).ShouldBeInRange(Math.Floor(exact), Math.Ceiling(exact));
            }
        });

    [Fact]
    public void The_same_input_gives_the_same_split() =>
        Gen.Select(Children, Gen.Int[0, 20_000], Bases).Sample((children, amount, basis) =>
            SplitSuggestion.Split(amount, children, basis).Shares.ShouldBe(SplitSuggestion.Split(amount, [.. children], basis).Shares));

    [Fact]
    public void On_the_need_basis_a_child_that_needs_nothing_gets_nothing_while_others_need_something() =>
        Gen.Select(Children, Gen.Int[0, 20_000]).Sample((children, amount) =>
        {
            var result = SplitSuggestion.Split(amount, children, SplitBasis.Need);
            if (children.Any(c => c.Need > 0))
            {
                result.Used.ShouldBe(SplitBasis.Need);
                result.Shares.Where((s, i) => children[i].Need == 0).ShouldAllBe(s => s.Suggested == 0);
            }
        });

    [Fact]
    public void When_nobody_lacks_anything_the_shortfall_basis_falls_back_to_needs_then_to_even() =>
        Gen.Select(Gen.Int[0, 500].Array[1, 20], Gen.Int[0, 5000]).Sample((needs, amount) =>
        {
            var children = needs.Select((n, i) => new SplitCandidate(i + 1, n, 0)).ToArray();

            var result = SplitSuggestion.Split(amount, children, SplitBasis.Shortfall);

            result.Used.ShouldBe(needs.Any(n => n > 0) ? SplitBasis.Need : SplitBasis.Even);
            result.Shares.ShouldBe(SplitSuggestion.Split(amount, children, result.Used).Shares);
            if (result.Used == SplitBasis.Even)
            {
                (result.Shares.Max(s => s.Suggested) - result.Shares.Min(s => s.Suggested)).ShouldBeLessThanOrEqualTo(1);
            }
        });

    [Fact]
    public void Ties_go_to_the_first_in_the_official_order()
    {
        var result = SplitSuggestion.Split(5, [new(1, 10, 10), new(2, 10, 10), new(3, 10, 10)], SplitBasis.Shortfall);

        result.Shares.Select(s => s.Suggested).ShouldBe([2, 2, 1]);
        result.Shares[0].Exact.ShouldBe(1.67m);
    }

    [Fact]
    public void The_provinces_3960_licences_split_by_shortfall_among_districts()
    {
        // Shortfalls 100, 200 and 300 of 600: 3.960 splits exactly 660, 1.320, 1.980.
        var result = SplitSuggestion.Split(3960, [new(1, 150, 100), new(2, 300, 200), new(3, 400, 300)], SplitBasis.Shortfall);

        result.Shares.Select(s => s.Suggested).ShouldBe([660, 1320, 1980]);
    }

    [Fact]
    public void A_negative_amount_or_no_children_cannot_be_split()
    {
        SplitSuggestion.Check(-1, [new(1, 1, 1)]).ShouldNotBeNull();
        SplitSuggestion.Check(5, []).ShouldNotBeNull();
    }
}
