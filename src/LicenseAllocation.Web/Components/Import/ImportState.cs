using LicenseAllocation.Application.Import;

namespace LicenseAllocation.Web.Components.Import;

/// <summary>
/// What the import page holds between choosing a file and applying it: the file's bytes (the apply step reads the
/// same file again), the last report, and the reason and document reference typed for the change.
/// </summary>
public sealed class ImportState
{
    public byte[]? File { get; private set; }

    public string? FileName { get; private set; }

    /// <summary>The preview or the applied result; null before a file is read and when the service refused.</summary>
    public ImportReport? Report { get; private set; }

    /// <summary>Why the chosen file was not even read (too large).</summary>
    public string? Problem { get; private set; }

    public string? Reason { get; set; }

    /// <summary>The document the change is based on ("Căn cứ văn bản"), optional; written on the change's audit rows.</summary>
    public string? DocumentRef { get; set; }

    /// <summary>Only a previewed file without errors that changes something can be applied, once.</summary>
    public bool CanApply => File is not null && Report is { IsValid: true, Applied: false } report && (report.Changes.Count > 0 || report.NeedChanges.Count > 0);

    /// <summary>A new choice forgets the previous file and its report.</summary>
    public void Choose(string? fileName)
    {
        (File, FileName, Report, Problem) = (null, fileName, null, null);
    }

    public void Reject(string problem) => Problem = problem;

    public void Read(byte[] file) => File = file;

    /// <summary>After a refusal no report is shown: the refusal says why.</summary>
    public void Forget() => Report = null;

    public void Show(ImportReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        Report = report.Refusal is null || report.Errors.Count > 0 ? report : null;
        if (report.Applied)
        {
            // Applying the same file twice would be a second change set: the reader chooses it again if they mean it.
            (File, Reason, DocumentRef) = (null, null, null);
        }
    }
}
