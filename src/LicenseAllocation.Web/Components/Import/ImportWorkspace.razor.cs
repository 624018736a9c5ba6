using System.Globalization;
using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Common;
using LicenseAllocation.Application.Import;
using LicenseAllocation.Domain.Allocations;
using LicenseAllocation.Web.Components.Controls;
using LicenseAllocation.Web.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace LicenseAllocation.Web.Components.Import;

/// <summary>
/// Holds the import's state for the page: the page's frame re-reads the plan whenever the page renders, so the state
/// lives here, below the frame, where typing a reason re-renders only this part.
/// </summary>
public partial class ImportWorkspace : IDisposable
{
    private readonly ImportState _state = new();
    private readonly ServiceCall _call = new();

    /// <summary>Cancelled when the page goes away (the circuit closes or the reader leaves): a file still being read stops.</summary>
    private readonly CancellationTokenSource _closing = new();

    [Inject]
    private ImportService Imports { get; set; } = default!;

    [Inject]
    private IOptions<ImportOptions> Limits { get; set; } = default!;

    [Inject]
    private IStringLocalizer<Resources.Import> Loc { get; set; } = default!;

    [Parameter, EditorRequired]
    public PlanContext Plan { get; set; } = default!;

    /// <summary>The unit whose template is expected, when the page is opened from that unit's workspace.</summary>
    [Parameter]
    public int? UnitId { get; set; }

    private bool MayEdit => AccessPolicy.MayEdit(Plan.Caller);

    private static string Forbidden => Ui.Refusal(AllocationError.Forbidden());

    private bool CanApply => RendererInfo.IsInteractive && !_call.Busy && _state.CanApply;

    /// <summary>Keeps the file's bytes for the apply step and previews it at once.</summary>
    private async Task FileChosenAsync(IBrowserFile? file)
    {
        _state.Choose(file?.Name);
        _call.Clear();
        if (file is null)
        {
            return;
        }

        var limit = Limits.Value.MaxFileBytes;
        if (file.Size > limit)
        {
            _state.Reject(ImportMessages.Describe(new ImportIssue(ImportErrorCode.FileTooLarge) { Actual = file.Size, Limit = limit }, CultureInfo.CurrentUICulture));
            return;
        }

        var (read, report) = await _call.RunAsync(async () =>
        {
            using var buffer = new MemoryStream();
            await using (var stream = file.OpenReadStream(limit))
            {
                await stream.CopyToAsync(buffer, _closing.Token);
            }

            _state.Read(buffer.ToArray());
            return Checked(await Imports.PreviewAsync(Plan.Caller, new ImportRequest(Plan.Plan.Id, _state.File!, UnitId), _closing.Token));
        });
        Follow(read, report);
    }

    private async Task ApplyAsync()
    {
        if (_state.File is not { } file)
        {
            return;
        }

        var (applied, report) = await _call.RunAsync(async () =>
            Checked(await Imports.ApplyAsync(Plan.Caller, new ImportRequest(Plan.Plan.Id, file, UnitId, _state.Reason, _state.DocumentRef), _closing.Token)));
        Follow(applied, report);
    }

    public void Dispose()
    {
        _closing.Cancel();
        _closing.Dispose();
        GC.SuppressFinalize(this);
    }

    private void Follow(bool succeeded, ImportReport? report)
    {
        if (succeeded)
        {
            _state.Show(report!);
        }
        else if (_call.Refusal is not null)
        {
            _state.Forget();
        }
    }

    /// <summary>
    /// A report the service refused outright (no right to import here) becomes the call's refusal sentence, unless it
    /// says which file to take instead: then it is shown as the file's error.
    /// </summary>
    private static Outcome<ImportReport> Checked(ImportReport report) =>
        report is { Refusal: { } refusal, Errors.Count: 0 } ? Outcome.Refused<ImportReport>(refusal) : Outcome.Success(report);
}
