using LicenseAllocation.Domain.Allocations;

namespace LicenseAllocation.Domain.Needs;

/// <summary>What a split is in proportion to.</summary>
public enum SplitBasis
{
    /// <summary>What each child still lacks (need − covered).</summary>
    Shortfall,

    /// <summary>Each child's stated need.</summary>
    Need,

    /// <summary>The same for every child.</summary>
    Even,
}

/// <summary>A child of the unit being split, in the official order, with the figures a basis may weigh.</summary>
public sealed record SplitCandidate(int UnitId, int Need, int Shortfall);

/// <summary>One child's suggested share: the exact (fractional) share and the whole number suggested.</summary>
public sealed record SplitShare(int UnitId, int Suggested, decimal Exact);

/// <summary>A suggestion: the basis actually used (after any fallback) and the shares in the children's order.</summary>
public sealed record SplitResult(int Amount, SplitBasis Requested, SplitBasis Used, IReadOnlyList<SplitShare> Shares);

/// <summary>
/// Splits an amount among children in whole licences by the largest-remainder method (Hamilton's method):
/// <list type="number">
/// <item>each child's exact share is amount × weight ÷ total weight (weights: shortfall, need, or 1 each);</item>
/// <item>each child first gets the whole part of its exact share;</item>
/// <item>what is left (fewer licences than children) goes one each to the children with the largest fractional parts, ties
/// to the child first in the official order.</item>
/// </list>
/// So the shares always total the amount exactly, every child gets its exact share rounded down or up (never more than
/// one from it), and the same input always gives the same split. Fallback when the weights are all 0: the shortfall
/// basis uses the needs instead (nobody lacks anything: share in proportion to what they need), and the need basis
/// shares evenly (no need stated anywhere); the result says which basis was used.
/// Integer arithmetic throughout (amount × weight fits a 64-bit integer), so no rounding error decides a tie.
/// </summary>
public static class SplitSuggestion
{
    public static AllocationError? Check(int amount, IReadOnlyList<SplitCandidate> children)
    {
        ArgumentNullException.ThrowIfNull(children);
        return amount < 0 || children.Count == 0 ? AllocationError.InvalidSplit(amount) : null;
    }

    public static SplitResult Split(int amount, IReadOnlyList<SplitCandidate> children, SplitBasis basis)
    {
        ArgumentNullException.ThrowIfNull(children);
        if (Check(amount, children) is not null)
        {
            throw new ArgumentException("A split needs an amount of 0 or more and at least one child.", nameof(amount));
        }

        var used = basis;
        long[] weights = Weights(children, used);
        if (weights.Sum() == 0 && used == SplitBasis.Shortfall)
        {
            used = SplitBasis.Need;
            weights = Weights(children, used);
        }

        if (weights.Sum() == 0)
        {
            used = SplitBasis.Even;
            weights = Weights(children, used);
        }

        var total = weights.Sum();
        var whole = new int[children.Count];
        var remainders = new long[children.Count];
        for (var i = 0; i < children.Count; i++)
        {
            var product = amount * weights[i];
            whole[i] = (int)(product / total);
            remainders[i] = product % total;
        }

        var left = amount - whole.Sum();
        foreach (var i in Enumerable.Range(0, children.Count).OrderByDescending(i => remainders[i]).ThenBy(i => i).Take(left))
        {
            whole[i]++;
        }

        return new SplitResult(
            amount,
            basis,
            used,
            [.. children.Select((c, i) => new SplitShare(c.UnitId, whole[i], Math.Round((decimal)amount * weights[i] / total, 2, MidpointRounding.AwayFromZero)))]);
    }

    private static long[] Weights(IReadOnlyList<SplitCandidate> children, SplitBasis basis) =>
        [.. children.Select(c => basis switch
        {
            SplitBasis.Shortfall => (long)Math.Max(0, c.Shortfall),
            SplitBasis.Need => Math.Max(0, c.Need),
            _ => 1L,
        })];
}
