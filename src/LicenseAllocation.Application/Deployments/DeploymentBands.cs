using LicenseAllocation.Application.Access;
using LicenseAllocation.Domain.Units;

namespace LicenseAllocation.Application.Deployments;

/// <summary>One line of the bands: a district (or the caller's top unit), or the provincial level when <see cref="UnitId"/> is null.</summary>
public sealed record DeploymentBandLine(int? UnitId, string? Name, DeploymentFigures Figures);

/// <summary>The bands of a snapshot for the dashboard: the provincial level (when the caller sees it) and each district.</summary>
public sealed record DeploymentBandsView(SnapshotSummary Snapshot, IReadOnlyList<DeploymentBandLine> Lines);

/// <summary>
/// The latest snapshot's picture by district, read with <see cref="DeploymentPicture"/> and scoped alike: each district
/// with its subtree's figures and band; the provincial level as one line (the province's own devices and its provincial
/// agencies' subtrees) when the caller sees the whole tree; a caller who sees no district sees its top units.
/// </summary>
public sealed class DeploymentBands(DeploymentPicture pictures)
{
    public async Task<DeploymentResult<DeploymentBandsView>> GetAsync(Caller caller, int planId, int? unitId = null, CancellationToken ct = default)
    {
        var result = await pictures.GetAsync(caller, planId, null, unitId, ct);
        if (result.Value is not { } view)
        {
            return new DeploymentResult<DeploymentBandsView>(null, result.Refusal, result.Issue);
        }

        return new DeploymentResult<DeploymentBandsView>(new DeploymentBandsView(view.Snapshot, Lines(view.Units)));
    }

    /// <summary>
    /// The lines of a picture's rows (in tree order): the provincial level first when its province row is there — the
    /// units' own figures outside every district (the province, its agencies, the district group's kept share) — then
    /// each district with its subtree, so that the lines add up to the province's subtree.
    /// </summary>
    internal static IReadOnlyList<DeploymentBandLine> Lines(IReadOnlyList<DeploymentUnitRow> rows)
    {
        var districts = rows.Where(r => r.Kind == UnitKind.DistrictCommittee).ToList();
        var lines = new List<DeploymentBandLine>();
        if (rows.Any(r => r.Kind == UnitKind.Province))
        {
            var parents = rows.ToDictionary(r => r.UnitId, r => r.ParentUnitId);
            var districtIds = districts.Select(d => d.UnitId).ToHashSet();
            var provincial = rows.Where(r => !InDistrict(r.UnitId, parents, districtIds))
                .Aggregate(new DeploymentFigures(0, 0, 0, 0, 0), (sum, row) => sum.Plus(row.Own));
            lines.Add(new DeploymentBandLine(null, null, provincial));
        }
        else if (districts.Count == 0 && rows.Count > 0)
        {
            var top = rows.Min(r => r.Depth);
            districts = [.. rows.Where(r => r.Depth == top)];
        }

        lines.AddRange(districts.Select(d => new DeploymentBandLine(d.UnitId, d.Name, d.Subtree)));
        return lines;
    }

    private static bool InDistrict(int unitId, Dictionary<int, int?> parents, HashSet<int> districts)
    {
        for (int? at = unitId; at is { } id; at = parents.GetValueOrDefault(id))
        {
            if (districts.Contains(id))
            {
                return true;
            }
        }

        return false;
    }
}
