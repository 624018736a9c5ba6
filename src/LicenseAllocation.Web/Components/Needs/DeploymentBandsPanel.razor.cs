using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Deployments;
using LicenseAllocation.Web.Components.Deployments;
using LicenseAllocation.Web.Localization;
using LicenseAllocation.Web.Resources;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace LicenseAllocation.Web.Components.Needs;

/// <summary>
/// The dashboard's use bands, read with <see cref="DeploymentBands"/> over the picture behind
/// <c>GET /api/v1/plans/{id}/deployment</c> and scoped like it; the bands are the picture's, not worked out here.
/// </summary>
public partial class DeploymentBandsPanel
{
    private DeploymentBandsView? _bands;
    private bool _noSnapshot;
    private string? _problem;

    [Inject]
    private DeploymentBands Bands { get; set; } = default!;

    [Inject]
    private IStringLocalizer<ConsoleReports> Loc { get; set; } = default!;

    [Parameter]
    public int? UnitId { get; set; }

    private bool MayImport => AccessPolicy.CanManagePlans(Plan.Caller);

    private string PictureUrl => Ui.F("/plans/{0}/deployment", Plan.Plan.Id);

    private string ImportUrl => Ui.F("/plans/{0}/deployment/import", Plan.Plan.Id);

    protected override object? LoadKey => UnitId;

    protected override async Task LoadForPlanAsync()
    {
        var result = await Bands.GetAsync(Plan.Caller, Plan.Plan.Id, UnitId);
        _noSnapshot = result.Issue?.Code == DeploymentErrorCode.SnapshotNotFound;
        _problem = _noSnapshot ? null : DeploymentText.Problem(result);
        _bands = result.Value;
    }
}
