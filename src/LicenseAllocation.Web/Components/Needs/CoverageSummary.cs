using LicenseAllocation.Application.Needs;
using LicenseAllocation.Domain.Needs;

namespace LicenseAllocation.Web.Components.Needs;

/// <summary>One bar group of the dashboard: a unit right below the report's first unit, with its subtree's figures.</summary>
public sealed record CoverageGroup(int UnitId, string Name, CoverageFigures Figures);

/// <summary>
/// What a director reads off a coverage report: the figures of the whole report (its first unit's subtree), the units
/// right below it as groups, and the units short of licences on their own (need stated, own share and own purchases
/// below it), most short first. Everything is taken from the report the API also answers with, so the page and
/// <c>GET /coverage</c> cannot disagree.
/// </summary>
public sealed class CoverageSummary
{
    private CoverageSummary(CoverageFigures total, IReadOnlyList<CoverageGroup> groups, IReadOnlyList<CoverageLine> shortUnits, string? rootName, int unitCount)
    {
        UnitCount = unitCount;
        Total = total;
        Groups = groups;
        ShortUnits = shortUnits;
        RootName = rootName;
    }

    public CoverageFigures Total { get; }

    public IReadOnlyList<CoverageGroup> Groups { get; }

    /// <summary>Units whose own need exceeds their own share and purchases, the largest shortfall first, then in tree order.</summary>
    public IReadOnlyList<CoverageLine> ShortUnits { get; }

    /// <summary>The sum of the short units' own shortfalls.</summary>
    public int ShortBy => ShortUnits.Sum(u => u.Own.Shortfall);

    public string? RootName { get; }

    /// <summary>How many units the report holds (the sentence says how many of them have stated a need).</summary>
    public int UnitCount { get; }

    public static CoverageSummary Of(CoverageReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var groups = report.Items.Where(l => l.Depth == 1).Select(l => new CoverageGroup(l.UnitId, l.Name, l.Subtree)).ToList();
        var order = report.Items.Select((l, i) => (l, i)).ToDictionary(x => x.l.UnitId, x => x.i);
        var shortUnits = report.Items.Where(l => l.Own.NeedsStated > 0 && l.Own.Shortfall > 0)
            .OrderByDescending(l => l.Own.Shortfall).ThenBy(l => order[l.UnitId]).ToList();
        return new CoverageSummary(report.Total, groups, shortUnits, report.Items.Count == 0 ? null : report.Items[0].Name, report.Items.Count);
    }
}
