using System.Globalization;
using LicenseAllocation.Application.Common;
using LicenseAllocation.Domain.Auditing;
using LicenseAllocation.Domain.Requests;

namespace LicenseAllocation.Application.Requests;

/// <summary>
/// What a request's audit rows say, in Vietnamese like every description stored in the trail (<c>Resources/AuditTexts.resx</c>,
/// keys <c>Request_*</c>): each names the request by its number, so the quantity rows an approval posts lead back to it.
/// Long justifications are cut to the length an audit row holds.
/// </summary>
internal static class RequestAuditText
{
    private static readonly CultureInfo Stored = CultureInfo.GetCultureInfo("vi");

    public static string Submitted(LicenceRequest request) =>
        Fit(TextResources.Format(TextResources.AuditTexts, "Request_Submitted", Stored, request.Id, request.Requested, request.Justification));

    /// <summary>The reason of the quantity rows an approval posts.</summary>
    public static string Posted(LicenceRequest request, string? sourceName, string unitName) =>
        Fit(sourceName is null
            ? TextResources.Format(TextResources.AuditTexts, "Request_Posted", Stored, request.Id, request.Approved, request.Requested, request.Comment ?? request.Justification)
            : TextResources.Format(
                TextResources.AuditTexts, "Request_PostedFrom", Stored, request.Id, request.Approved, request.Requested, request.Comment ?? request.Justification, sourceName, unitName));

    public static string Decided(LicenceRequest request) =>
        Fit(TextResources.Format(TextResources.AuditTexts, "Request_Decided", Stored, request.Id, request.Approved, request.Requested, request.Comment ?? "—"));

    public static string Withdrawn(LicenceRequest request) =>
        Fit(TextResources.Format(TextResources.AuditTexts, "Request_Withdrawn", Stored, request.Id, request.Requested));

    /// <summary>At most what an audit row's reason holds, cut with an ellipsis.</summary>
    public static string Fit(string text) =>
        text.Length <= AuditEntry.MaxReasonLength ? text : string.Concat(text.AsSpan(0, AuditEntry.MaxReasonLength - 1), "…");
}
