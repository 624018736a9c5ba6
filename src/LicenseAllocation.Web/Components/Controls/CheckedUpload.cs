using LicenseAllocation.Application.Common;
using LicenseAllocation.Web.Localization;
using Microsoft.AspNetCore.Components.Forms;

namespace LicenseAllocation.Web.Components.Controls;

/// <summary>
/// A file the administrator chooses, checked first as a dry run and then applied whole: the state the file imports of
/// reorganisations and of accounts share. <paramref name="import"/> is the use case, given the file's bytes and whether
/// it is a dry run; the file stays in memory between the two steps only.
/// </summary>
public sealed class CheckedUpload<TReport>(Func<byte[], bool, Task<Outcome<TReport>>> import)
    where TReport : class
{
    private byte[]? _file;

    public bool Busy { get; private set; }

    /// <summary>Why the file could not be read or checked, in the reader's language.</summary>
    public string? Problem { get; private set; }

    public string? FileName { get; private set; }

    /// <summary>The last answer of the use case: the dry run's, or the application's.</summary>
    public TReport? Report { get; private set; }

    /// <summary>
    /// Forgets the previous file and reads <paramref name="file"/> (none: nothing more), then checks it as a dry run;
    /// a file over <paramref name="limit"/> bytes is not read and answered with <paramref name="tooLarge"/>.
    /// </summary>
    public async Task ChooseAsync(IBrowserFile? file, long limit, Func<string> tooLarge)
    {
        ArgumentNullException.ThrowIfNull(tooLarge);
        (Problem, Report, _file) = (null, null, null);
        if (file is null)
        {
            return;
        }

        if (file.Size > limit)
        {
            Problem = tooLarge();
            return;
        }

        Busy = true;
        try
        {
            using var buffer = new MemoryStream();
            await using (var stream = file.OpenReadStream(limit))
            {
                await stream.CopyToAsync(buffer);
            }

            FileName = file.Name;
            _file = buffer.ToArray();
            Show(await import(_file, true));
        }
        finally
        {
            Busy = false;
        }
    }

    /// <summary>Applies the checked file; the report, and the file let go, when <paramref name="applied"/> finds it done there (else null).</summary>
    public async Task<TReport?> ApplyAsync(Func<TReport, bool> applied)
    {
        ArgumentNullException.ThrowIfNull(applied);
        if (_file is null)
        {
            return null;
        }

        Busy = true;
        try
        {
            Show(await import(_file, false));
            if (Report is { } report && applied(report))
            {
                _file = null;
                return report;
            }

            return null;
        }
        finally
        {
            Busy = false;
        }
    }

    private void Show(Outcome<TReport> outcome)
    {
        if (outcome.Succeeded)
        {
            Report = outcome.Value;
        }
        else
        {
            Problem = Ui.Refusal(outcome.Error);
        }
    }
}
