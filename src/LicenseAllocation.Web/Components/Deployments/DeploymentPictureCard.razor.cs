using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Deployments;
using LicenseAllocation.Domain.Deployments;
using LicenseAllocation.Web.Components.Controls;
using LicenseAllocation.Web.Resources;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace LicenseAllocation.Web.Components.Deployments;

/// <summary>The picture of a snapshot for the caller's scope, read from <see cref="DeploymentPicture"/>; another snapshot is chosen in place.</summary>
public partial class DeploymentPictureCard
{
    private DeploymentPictureView? _picture;
    private string? _problem;
    private (int PlanId, int? SnapshotId)? _loaded;

    [Inject]
    private DeploymentPicture Pictures { get; set; } = default!;

    [Inject]
    private IStringLocalizer<ConsoleReports> Loc { get; set; } = default!;

    [Parameter, EditorRequired]
    public PlanContext Plan { get; set; } = default!;

    /// <summary>The snapshot to show first; the latest when null.</summary>
    [Parameter]
    public int? SnapshotId { get; set; }

    /// <summary>Told which snapshot is shown, so the page can follow it (the trend marks it, the address keeps it).</summary>
    [Parameter]
    public EventCallback<int> OnSnapshotShown { get; set; }

    private bool MayManage => AccessPolicy.CanManagePlans(Plan.Caller);

    private List<DeploymentUnitRow> Rows { get; set; } = [];

    private string WorkbookLink => $"/api/v1/plans/{Plan.Plan.Id}/deployment.xlsx?snapshotId={_picture?.Snapshot.Id}";

    private IReadOnlyList<Figure> Headline
    {
        get
        {
            var top = Rows.Count == 0 ? null : Rows.Where(r => r.Depth == Rows.Min(x => x.Depth)).Select(r => r.Subtree).Aggregate((a, b) => a.Plus(b));
            var over = Rows.Count(r => r.Subtree.Band >= UseBand.Warning);
            List<Figure> figures =
            [
                new(Loc[nameof(ConsoleReports.TotalInstalled)], top?.Installed ?? 0, "deployment-installed"),
                new(Loc[nameof(ConsoleReports.TotalLicensed)], top?.Licensed ?? 0, "deployment-licensed"),
                new(Loc[nameof(ConsoleReports.TotalStale)], top?.Stale ?? 0, "deployment-stale", Attention: top?.Stale > 0),
                new(Loc[nameof(ConsoleReports.UnitsOver)], over, "deployment-over", Attention: over > 0),
            ];

            // Devices the report gave no last-seen time for: a case of their own, neither stale nor seen lately.
            if (top?.LastSeenUnknown is > 0 and var unknown)
            {
                figures.Insert(3, new(Loc[nameof(ConsoleReports.TotalLastSeenUnknown)], unknown, "deployment-last-seen-unknown", Note: Loc[nameof(ConsoleReports.LastSeenUnknownNote)]));
            }

            return figures;
        }
    }

    protected override async Task OnParametersSetAsync()
    {
        if (_loaded == (Plan.Plan.Id, SnapshotId))
        {
            return;
        }

        _loaded = (Plan.Plan.Id, SnapshotId);
        await LoadAsync(SnapshotId);
    }

    private async Task ChooseAsync(int snapshotId) => await LoadAsync(snapshotId);

    private async Task LoadAsync(int? snapshotId)
    {
        var result = await Pictures.GetAsync(Plan.Caller, Plan.Plan.Id, snapshotId);
        _problem = result.Issue?.Code == DeploymentErrorCode.SnapshotNotFound && snapshotId is null ? Loc[nameof(ConsoleReports.NoSnapshot)] : DeploymentText.Problem(result);
        _picture = result.Value;
        Rows = [.. _picture?.Units ?? []];
        if (_picture is not null)
        {
            await OnSnapshotShown.InvokeAsync(_picture.Snapshot.Id);
        }
    }
}
