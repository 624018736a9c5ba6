using System.Globalization;
using LicenseAllocation.Application.Auditing;
using LicenseAllocation.Web.Api;
using Microsoft.AspNetCore.WebUtilities;

namespace LicenseAllocation.Web.Components.Auditing;

/// <summary>
/// Addresses of the trail with a filter in their query string, written by the same code that reads them back
/// (<see cref="AuditQueryParameters"/>), so that a link copied from the page opens the same rows.
/// </summary>
internal static class AuditLinks
{
    public const string TrailPath = "/audit";

    /// <summary>The trail page on <paramref name="filter"/> and <paramref name="page"/>.</summary>
    public static string Trail(AuditFilter filter, int page = 1)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var plan = new KeyValuePair<string, string?>(AuditQueryParameters.PlanIdName, filter.PlanId?.ToString(CultureInfo.InvariantCulture));
        var parameters = new[] { plan }.Where(p => p.Value is not null).Concat(AuditQueryParameters.Of(filter, page));
        return QueryHelpers.AddQueryString(TrailPath, parameters);
    }

    /// <summary>The API's export of <paramref name="filter"/>; the API decides again what the caller may read.</summary>
    public static string Export(AuditFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var path = filter.PlanId is { } planId ? $"/api/v1/plans/{planId}/audit.xlsx" : "/api/v1/audit.xlsx";
        return QueryHelpers.AddQueryString(path, AuditQueryParameters.Of(filter));
    }

    public static string UnitHistory(int planId, int unitId) => $"/plans/{planId}/units/{unitId}/history";
}
