using LicenseAllocation.Application.Reorganisations;

namespace LicenseAllocation.Web.Components.Reorganisations;

/// <summary>What the administrator decided for one link the law leaves open.</summary>
public enum LinkDecision
{
    Open,
    Confirm,
    NoSuccessor,
}

/// <summary>
/// Turns the decisions on open links into the service's choices. An old unit is settled only when every one of its
/// open links is decided: then its links are exactly its confirmed recorded links plus the open ones confirmed (the
/// recorded shares when every link is kept, equal parts when some are dropped), or none when no new unit takes it.
/// </summary>
internal static class LinkChoices
{
    /// <summary>Every recorded link of a reorganisation by old unit: the new units that take it over.</summary>
    public static ILookup<int, (int NewUnitId, bool Confirmed)> Recorded(ReorganisationDetails details) =>
        details.Units.SelectMany(u => u.FormedFrom.Where(f => f.UnitId is not null).Select(f => (Old: f.UnitId!.Value, u.UnitId, f.Confirmed)))
            .ToLookup(x => x.Old, x => (x.UnitId, x.Confirmed));

    public static IReadOnlyList<LinkChoice> From(
        IReadOnlyList<UnconfirmedLink> links, Func<UnconfirmedLink, LinkDecision> decision, ILookup<int, (int NewUnitId, bool Confirmed)> recorded)
    {
        var choices = new List<LinkChoice>();
        foreach (var group in links.GroupBy(l => l.OldUnitId))
        {
            var decided = group.Select(l => (Link: l, Decision: decision(l))).ToList();
            if (decided.Any(d => d.Decision == LinkDecision.Open))
            {
                continue;
            }

            var open = decided.Select(d => d.Link.NewUnitId).ToHashSet();
            var kept = recorded[group.Key].Where(r => r.Confirmed && !open.Contains(r.NewUnitId)).Select(r => r.NewUnitId)
                .Concat(decided.Where(d => d.Decision == LinkDecision.Confirm).Select(d => d.Link.NewUnitId)).Distinct().ToList();
            if (kept.Count == 0)
            {
                choices.Add(new LinkChoice(group.Key, null, null));
                continue;
            }

            var all = recorded[group.Key].Select(r => r.NewUnitId).Union(open).Count();
            decimal? share = kept.Count == all ? null : 1m / kept.Count;
            choices.AddRange(kept.Select(k => new LinkChoice(group.Key, k, share)));
        }

        return choices;
    }
}
