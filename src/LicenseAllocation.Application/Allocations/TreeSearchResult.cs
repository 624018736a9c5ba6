namespace LicenseAllocation.Application.Allocations;

/// <summary>
/// The units that match a filter, with every ancestor up to the caller's top unit so the path to each is open, in
/// tree order. <see cref="MatchCount"/> counts every match; only the first <c>limit</c> are returned with their paths.
/// </summary>
public sealed record TreeSearchResult(IReadOnlyList<TreeRow> Rows, IReadOnlySet<int> Matches, int MatchCount)
{
    public bool Truncated => MatchCount > Matches.Count;
}
