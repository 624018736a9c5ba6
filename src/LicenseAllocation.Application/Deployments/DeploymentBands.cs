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

    /// <summary>The lines of a picture's rows (in tree order): the provincial level first when its province row is there, then the districts.</summary>
    internal static IReadOnlyList<DeploymentBandLine> Lines(IReadOnlyList<DeploymentUnitRow> rows)
    {
        var lines = new List<DeploymentBandLine>();
        if (rows.FirstOrDefault(r => r.Kind == UnitKind.Province) is { } province)
        {
            var provincial = rows.Where(r => r.Kind == UnitKind.ProvincialAgency && r.ParentUnitId == province.UnitId)
                .Aggregate(province.Own, (sum, agency) => sum.Plus(agency.Subtree));
            lines.Add(new DeploymentBandLine(null, null, provincial));
        }

        var districts = rows.Where(r => r.Kind == UnitKind.DistrictCommittee).ToList();
        if (districts.Count == 0 && rows.Count > 0 && lines.Count == 0)
        {
            var top = rows.Min(r => r.Depth);
            districts = [.. rows.Where(r => r.Depth == top)];
        }

        lines.AddRange(districts.Select(d => new DeploymentBandLine(d.UnitId, d.Name, d.Subtree)));
        return lines;
    }
}
