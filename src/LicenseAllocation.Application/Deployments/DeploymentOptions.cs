namespace LicenseAllocation.Application.Deployments;

/// <summary>
/// Limits and thresholds of console reports (configuration section <c>Deployments</c>). A console export of the whole
/// province is a few megabytes of text; the limits leave room for that and refuse what only an attack would need.
/// </summary>
public sealed class DeploymentOptions
{
    public const string Section = "Deployments";

    /// <summary>The largest report accepted, as uploaded (<c>Deployments:MaxFileBytes</c>).</summary>
    public long MaxFileBytes { get; set; } = 32 * 1024 * 1024;

    /// <summary>The most data rows a report may hold.</summary>
    public int MaxRows { get; set; } = 200_000;

    /// <summary>The most columns a row may hold.</summary>
    public int MaxColumns { get; set; } = 200;

    /// <summary>The most characters one field may hold (a group path, a product name).</summary>
    public int MaxFieldLength { get; set; } = 1_000;

    /// <summary>A device not seen for more than this many days is stale (ESET marks it red after 14).</summary>
    public int StaleAfterDays { get; set; } = 14;

    /// <summary>
    /// Words that name the centrally managed product ("Kaspersky Endpoint Security"): a device whose product does not
    /// contain one of them (accents and case set aside) runs another product. Empty: the plan's product name; when the
    /// plan names none either, every product counts.
    /// </summary>
    public IList<string> ProductKeywords { get; } = [];

    /// <summary>The lowest version accepted ("11.0"); a device below it is counted as outdated. Empty: any version.</summary>
    public string? MinimumVersion { get; set; }
}
