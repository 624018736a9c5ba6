using System.Globalization;
using LicenseAllocation.Application.Common;
using LicenseAllocation.Application.Import;

namespace LicenseAllocation.Application.Deployments;

/// <summary>
/// Explains a console-report issue in the reader's language; the sentences are in <c>Resources/ErrorMessages.resx</c>
/// keyed by the API code: {0} what was found, {1} the limit.
/// </summary>
public static class DeploymentMessages
{
    public static string Describe(DeploymentIssue issue, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(issue);
        ArgumentNullException.ThrowIfNull(culture);
        return issue.FileIssue is { } file
            ? ImportMessages.Describe(file, culture)
            : TextResources.Format(TextResources.ErrorMessages, issue.ApiCode, culture, issue.Found ?? string.Empty, issue.Limit ?? 0);
    }

    /// <summary><c>DeviceIdRequired</c> becomes <c>device-id-required</c>.</summary>
    public static string ApiCode(this DeploymentErrorCode code) => string.Concat(
        code.ToString().Select((ch, i) => char.IsUpper(ch) && i > 0 ? "-" + char.ToLowerInvariant(ch) : char.ToLowerInvariant(ch).ToString()));
}
