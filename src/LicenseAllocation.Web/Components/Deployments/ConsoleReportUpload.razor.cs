using System.Globalization;
using LicenseAllocation.Application.Common;
using LicenseAllocation.Application.Deployments;
using LicenseAllocation.Application.Import;
using LicenseAllocation.Web.Components.Controls;
using LicenseAllocation.Web.Resources;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace LicenseAllocation.Web.Components.Deployments;

/// <summary>
/// Reads the chosen report at once as a dry run of <see cref="DeploymentImports"/> (again when the mapping or the day
/// changes) and imports it only when asked; a refused file changes nothing and says why.
/// </summary>
public partial class ConsoleReportUpload : IDisposable
{
    private readonly ServiceCall _call = new();
    private readonly CancellationTokenSource _closing = new();
    private IReadOnlyList<ConsoleMapping> _mappings = [];
    private string? _mapping;
    private DateTime? _takenOn;
    private string? _fileName;
    private byte[]? _file;
    private DeploymentImportReport? _report;
    private string? _problem;

    [Inject]
    private DeploymentImports Imports { get; set; } = default!;

    [Inject]
    private DeploymentMappings Mappings { get; set; } = default!;

    [Inject]
    private IOptions<DeploymentOptions> Limits { get; set; } = default!;

    [Inject]
    private TimeProvider Clock { get; set; } = default!;

    [Inject]
    private IStringLocalizer<ConsoleReports> Loc { get; set; } = default!;

    [Parameter, EditorRequired]
    public PlanContext Plan { get; set; } = default!;

    private ConsoleMapping? Chosen => _mappings.FirstOrDefault(m => m.Name == _mapping);

    protected override async Task OnInitializedAsync()
    {
        _takenOn = VietnamTime.Today(Clock).ToDateTime(TimeOnly.MinValue);
        var result = await Mappings.ListAsync(Plan.Caller);
        _problem = DeploymentText.Problem(result);
        _mappings = result.Value ?? [];
        _mapping = _mappings.Count > 0 ? _mappings[0].Name : null;
    }

    private IEnumerable<(string Field, string? Header)> Columns(ConsoleMapping mapping) =>
    [
        (Loc[nameof(ConsoleReports.FieldDeviceId)], mapping.Columns.DeviceId),
        (Loc[nameof(ConsoleReports.FieldDeviceName)], mapping.Columns.DeviceName),
        (Loc[nameof(ConsoleReports.FieldGroup)], mapping.Columns.Group),
        (Loc[nameof(ConsoleReports.FieldProduct)], mapping.Columns.Product),
        (Loc[nameof(ConsoleReports.FieldVersion)], mapping.Columns.Version),
        (Loc[nameof(ConsoleReports.FieldLastSeen)], mapping.Columns.LastSeen),
        (Loc[nameof(ConsoleReports.FieldActive)], mapping.Columns.Active),
    ];

    private async Task MappingChangedAsync(string mapping)
    {
        _mapping = mapping;
        await PreviewAsync();
    }

    private async Task TakenOnChangedAsync(DateTime? day)
    {
        _takenOn = day;
        await PreviewAsync();
    }

    private async Task FileChosenAsync(IBrowserFile? file)
    {
        _fileName = file?.Name;
        _file = null;
        _report = null;
        _problem = null;
        if (file is null)
        {
            return;
        }

        var limit = Limits.Value.MaxFileBytes;
        if (file.Size > limit)
        {
            _problem = DeploymentMessages.Describe(DeploymentIssue.OfFile(new ImportIssue(ImportErrorCode.FileTooLarge) { Actual = file.Size, Limit = limit }), CultureInfo.CurrentUICulture);
            return;
        }

        using var buffer = new MemoryStream();
        await using (var stream = file.OpenReadStream(limit, _closing.Token))
        {
            await stream.CopyToAsync(buffer, _closing.Token);
        }

        _file = buffer.ToArray();
        await PreviewAsync();
    }

    private Task PreviewAsync() => RunAsync(dryRun: true);

    private Task ApplyAsync() => RunAsync(dryRun: false);

    private async Task RunAsync(bool dryRun)
    {
        if (_file is not { } file || _report?.SnapshotId is not null && !dryRun)
        {
            return;
        }

        var request = new DeploymentImportRequest(Plan.Plan.Id, file, _mapping, _takenOn is { } day ? DateOnly.FromDateTime(day) : null);
        DeploymentResult<DeploymentImportReport>? result = null;
        await _call.RunAsync(async () =>
        {
            result = await Imports.ImportAsync(Plan.Caller, request, dryRun, _closing.Token);
            return Outcome.Success(true);
        });
        if (result is null)
        {
            _problem = _call.Refusal;
            return;
        }

        _problem = DeploymentText.Problem(result);
        _report = result.Value;
        if (!dryRun && result.Succeeded)
        {
            _file = null;
        }
    }

    public void Dispose()
    {
        _closing.Cancel();
        _closing.Dispose();
        GC.SuppressFinalize(this);
    }
}
