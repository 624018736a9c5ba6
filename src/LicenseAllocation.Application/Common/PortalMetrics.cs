using System.Diagnostics.Metrics;
using LicenseAllocation.Domain.Allocations;

namespace LicenseAllocation.Application.Common;

/// <summary>
/// The portal's own meter, <c>LicenseAllocation</c>: what officials did and what was refused them, counted where the
/// rules decide so that a page, the API and an import count alike. Exported with the ASP.NET Core and EF Core
/// instruments when the host sets up OpenTelemetry; without a meter factory (a command-line verb, a test that builds
/// a service by hand) the counts go to a meter of its own that nothing listens to.
/// </summary>
public sealed class PortalMetrics
{
    public const string MeterName = "LicenseAllocation";

    private readonly Counter<long> _edits;
    private readonly Counter<long> _imports;
    private readonly Counter<long> _exports;
    private readonly Counter<long> _signInFailures;

    public PortalMetrics(IMeterFactory? meters = null)
    {
        var meter = meters?.Create(MeterName) ?? new Meter(MeterName);
        _edits = meter.CreateCounter<long>("licenseallocation.edits", "{edit}", "Quantity changes, accepted or refused (tag code: the refusal's API code)");
        _imports = meter.CreateCounter<long>("licenseallocation.imports", "{import}", "Excel imports applied, refused or previewed");
        _exports = meter.CreateCounter<long>("licenseallocation.exports", "{workbook}", "Workbooks downloaded, by kind");
        _signInFailures = meter.CreateCounter<long>("licenseallocation.sign_in_failures", "{attempt}", "Sign-ins refused, by channel and reason");
    }

    /// <summary>One change of one unit (<paramref name="path"/> <c>unit</c>) or one batch of them (<c>batch</c>, imports included).</summary>
    public void Edit(string path, AllocationError? refusal) =>
        _edits.Add(1, new("path", path), new("outcome", refusal is null ? "accepted" : "refused"), new("code", refusal?.Code.ApiCode() ?? "none"));

    public void Import(string outcome) => _imports.Add(1, new KeyValuePair<string, object?>("outcome", outcome));

    public void Export(string workbook) => _exports.Add(1, new KeyValuePair<string, object?>("workbook", workbook));

    public void SignInFailed(string channel, string reason) => _signInFailures.Add(1, new("channel", channel), new("reason", reason));
}
