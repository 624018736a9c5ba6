using LicenseAllocation.Application.Import;

namespace LicenseAllocation.Application.Deployments;

/// <summary>
/// One thing wrong with a console report, and where: the row as the official sees it in Excel or a text editor (the
/// header is row 1), or none for the file as a whole. A file the workbook defences refuse carries their
/// <see cref="FileIssue"/> (<c>file-too-large</c>, <c>forbidden-xml</c>…) instead of a <see cref="Code"/>.
/// </summary>
public sealed record DeploymentIssue(DeploymentErrorCode? Code, int? Row = null)
{
    public ImportIssue? FileIssue { get; init; }

    /// <summary>What was found: the column's header, the cell's text.</summary>
    public string? Found { get; init; }

    public long? Limit { get; init; }

    public string ApiCode => FileIssue is { } file ? file.ApiCode : Code!.Value.ApiCode();

    public static DeploymentIssue OfFile(ImportIssue issue) => new((DeploymentErrorCode?)null) { FileIssue = issue };
}
