namespace LicenseAllocation.Domain.Reorganisations;

/// <summary>What one old unit keeps for itself in a plan: its quantity less what it has handed on.</summary>
/// <remarks>Over a whole tree these add up to the root's quantity, so carrying them over loses and creates nothing.</remarks>
public readonly record struct OldHolding(int UnitId, int Own);

/// <summary>A link applied to a plan: the old unit's holding (or its <see cref="Share"/> of it) goes to the new unit.</summary>
public readonly record struct CarryLink(int OldUnitId, int NewUnitId, decimal? Share);

/// <summary>Licences of one old unit that go to one new unit.</summary>
public readonly record struct CarriedPart(int OldUnitId, int NewUnitId, int Quantity);

/// <summary>What a successor plan takes over: the parts carried to new units, and the holdings no new unit takes.</summary>
public sealed record CarryoverResult(IReadOnlyList<CarriedPart> Carried, IReadOnlyList<OldHolding> NotPlaced)
{
    public int CarriedTotal => Carried.Sum(p => p.Quantity);

    public int NotPlacedTotal => NotPlaced.Sum(h => h.Own);

    public int CarriedTo(int newUnitId) => Carried.Where(p => p.NewUnitId == newUnitId).Sum(p => p.Quantity);
}

/// <summary>
/// The rule by which a plan's figures move to a new structure. Each old unit's own holding goes to its successors: all
/// of it to a single successor; divided by the recorded shares when it is split, or in equal parts when none are
/// recorded, by largest remainder (whole licences, the parts add up to the holding exactly, ties to the successor
/// listed first). An old unit without a successor is not placed: what it held stays with the new root as remaining.
/// </summary>
public static class Carryover
{
    public static CarryoverResult Compute(IEnumerable<OldHolding> holdings, IEnumerable<CarryLink> links)
    {
        ArgumentNullException.ThrowIfNull(holdings);
        ArgumentNullException.ThrowIfNull(links);
        var byOld = links.GroupBy(l => l.OldUnitId).ToDictionary(g => g.Key, g => g.ToList());
        var carried = new List<CarriedPart>();
        var notPlaced = new List<OldHolding>();
        foreach (var holding in holdings)
        {
            if (holding.Own < 0)
            {
                throw new ArgumentException("A unit cannot hold less than nothing for itself.", nameof(holdings));
            }

            if (holding.Own == 0)
            {
                continue;
            }

            if (!byOld.TryGetValue(holding.UnitId, out var successors) || Weights(successors) is not { } weights)
            {
                notPlaced.Add(holding);
                continue;
            }

            var parts = Split(holding.Own, weights);
            carried.AddRange(successors.Select((link, i) => new CarriedPart(holding.UnitId, link.NewUnitId, parts[i])).Where(p => p.Quantity > 0));
        }

        return new CarryoverResult(carried, notPlaced);
    }

    /// <summary>
    /// Divides <paramref name="quantity"/> by <paramref name="weights"/> (non-negative, not all zero) into whole parts
    /// that add up to it: each part the floor of its exact share, the rest one by one to the largest remainders.
    /// </summary>
    public static int[] Split(int quantity, IReadOnlyList<decimal> weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentOutOfRangeException.ThrowIfNegative(quantity);
        var sum = weights.Sum();
        if (weights.Count == 0 || sum <= 0m || weights.Any(w => w < 0m))
        {
            throw new ArgumentException("Weights are non-negative and not all zero.", nameof(weights));
        }

        var exact = weights.Select(w => quantity * w / sum).ToArray();
        var parts = exact.Select(e => (int)decimal.Floor(e)).ToArray();
        var rest = quantity - parts.Sum();
        var order = Enumerable.Range(0, parts.Length)
            .Where(i => weights[i] > 0m)
            .OrderByDescending(i => exact[i] - parts[i])
            .ThenBy(i => i)
            .ToArray();
        for (var k = 0; rest > 0; k++, rest--)
        {
            parts[order[k % order.Length]]++;
        }

        return parts;
    }

    /// <summary>The weights of an old unit's successors; null when they take nothing (every recorded share is 0).</summary>
    private static decimal[]? Weights(List<CarryLink> successors)
    {
        var given = successors.Where(l => l.Share is not null).Sum(l => l.Share!.Value);
        var missing = successors.Count(l => l.Share is null);
        var each = missing == 0 ? 0m : Math.Max(0m, (given == 0m ? 1m : 1m - given) / missing);
        var weights = successors.Select(l => l.Share ?? each).ToArray();
        return weights.Sum() > 0m ? weights : null;
    }
}
