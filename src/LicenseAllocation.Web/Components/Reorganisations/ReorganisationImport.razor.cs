using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Common;
using LicenseAllocation.Application.Import;
using LicenseAllocation.Application.Reorganisations;
using LicenseAllocation.Web.Localization;
using LicenseAllocation.Web.Resources;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace LicenseAllocation.Web.Components.Reorganisations;

/// <summary>
/// Another reorganisation from a file, over <see cref="ReorganisationImports"/>: the chosen file is checked as a dry run
/// (the new units with what each is formed from, or every problem with its row and why, in the reader's language), then
/// recorded whole when the administrator applies it. The upload limit is the imports' own.
/// </summary>
public partial class ReorganisationImport
{
    private bool _busy;
    private string? _problem;
    private string? _fileName;
    private byte[]? _file;
    private ReorganisationImportReport? _report;

    [Parameter, EditorRequired]
    public Caller Caller { get; set; } = default!;

    /// <summary>Raised once the reorganisation is recorded, so the list can show it.</summary>
    [Parameter]
    public EventCallback OnRecorded { get; set; }

    [Inject]
    private ReorganisationImports Imports { get; set; } = default!;

    [Inject]
    private IOptions<ImportOptions> Limits { get; set; } = default!;

    [Inject]
    private IStringLocalizer<ReorganisationTexts> Loc { get; set; } = default!;

    private async Task ChosenAsync(IBrowserFile? file)
    {
        (_problem, _report, _file) = (null, null, null);
        if (file is null)
        {
            return;
        }

        var limit = Limits.Value.MaxFileBytes;
        if (file.Size > limit)
        {
            _problem = Loc[nameof(ReorganisationTexts.ImportFileTooLarge), Ui.N((int)Math.Min(int.MaxValue, limit / 1024))];
            return;
        }

        _busy = true;
        try
        {
            using var buffer = new MemoryStream();
            await using (var stream = file.OpenReadStream(limit))
            {
                await stream.CopyToAsync(buffer);
            }

            _fileName = file.Name;
            _file = buffer.ToArray();
            Show(await Imports.ImportAsync(Caller, _file, dryRun: true));
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task RecordAsync()
    {
        if (_file is null)
        {
            return;
        }

        _busy = true;
        try
        {
            Show(await Imports.ImportAsync(Caller, _file, dryRun: false));
            if (_report is { Applied: true })
            {
                _file = null;
                await OnRecorded.InvokeAsync();
            }
        }
        finally
        {
            _busy = false;
        }
    }

    private void Show(Outcome<ReorganisationImportReport> outcome)
    {
        if (outcome.Succeeded)
        {
            _report = outcome.Value;
        }
        else
        {
            _problem = Ui.Refusal(outcome.Error);
        }
    }

    private string Summary(ReorganisationPreview preview) => Loc[
        nameof(ReorganisationTexts.ImportPreview),
        _fileName ?? string.Empty,
        preview.Name ?? string.Empty,
        Ui.N(preview.Units.Count),
        preview.EffectiveFrom is { } day ? Ui.D(day) : "—",
        Ui.N(preview.EndingUnits),
        preview.EffectiveFrom is { } from ? Ui.D(from.AddDays(-1)) : "—"];
}
