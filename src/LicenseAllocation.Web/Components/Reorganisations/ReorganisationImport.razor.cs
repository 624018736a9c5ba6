using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Import;
using LicenseAllocation.Application.Reorganisations;
using LicenseAllocation.Web.Components.Controls;
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
    private CheckedUpload<ReorganisationImportReport> _upload = default!;

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

    protected override void OnInitialized() =>
        _upload = new((file, dryRun) => Imports.ImportAsync(Caller, file, dryRun));

    private async Task ChosenAsync(IBrowserFile? file)
    {
        var limit = Limits.Value.MaxFileBytes;
        await _upload.ChooseAsync(file, limit, () => Loc[nameof(ReorganisationTexts.ImportFileTooLarge), Ui.N((int)Math.Min(int.MaxValue, limit / 1024))]);
    }

    private async Task RecordAsync()
    {
        if (await _upload.ApplyAsync(report => report.Applied) is not null)
        {
            await OnRecorded.InvokeAsync();
        }
    }

    private string Summary(ReorganisationPreview preview) => Loc[
        nameof(ReorganisationTexts.ImportPreview),
        _upload.FileName ?? string.Empty,
        preview.Name ?? string.Empty,
        Ui.N(preview.Units.Count),
        preview.EffectiveFrom is { } day ? Ui.D(day) : "—",
        Ui.N(preview.EndingUnits),
        preview.EffectiveFrom is { } from ? Ui.D(from.AddDays(-1)) : "—"];
}
