using System.Globalization;
using LicenseAllocation.Application.Common;

namespace LicenseAllocation.Application.Import;

/// <summary>
/// Explains an import issue to the official who uploaded the file, in Vietnamese unless they asked for English, with what
/// was found and the limit, so that the file can be corrected without a phone call. Where the issue is about a row, the
/// page and the API show the sheet, row and column beside the message. The sentences are in
/// <c>Resources/ErrorMessages.resx</c> (and <c>.en.resx</c>), keyed by the issue's API code beside the refusals'.
/// </summary>
public static class ImportMessages
{
    public static string Describe(ImportIssue issue, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(issue);
        ArgumentNullException.ThrowIfNull(culture);
        if (!Enum.IsDefined(issue.Code) || (issue.Code == ImportErrorCode.Refused && issue.Refusal is null))
        {
            throw new ArgumentOutOfRangeException(nameof(issue), issue.Code, "Unknown import issue.");
        }

        if (issue is { Code: ImportErrorCode.Refused, Refusal: { } refusal, Unit: null })
        {
            return RefusalMessages.Describe(refusal, culture);
        }

        var found = issue.Found ?? string.Empty;
        string Figure() => double.TryParse(found, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value.ToString("#,##0.##########", culture)
            : found;
        string Size(long? bytes) => (bytes ?? 0) >= 1024 * 1024
            ? ((bytes ?? 0) / (1024.0 * 1024)).ToString("N1", culture) + " MB"
            : ((bytes ?? 0) / 1024.0).ToString("N0", culture) + " KB";

        // The placeholders every message may use (see the resource's comment).
        return TextResources.Format(
            TextResources.ErrorMessages,
            Key(issue),
            culture,
            found,
            issue.Limit ?? 0,
            issue.Actual ?? 0,
            issue.Unit,
            Size(issue.Limit),
            Size(issue.Actual),
            Figure(),
            issue.Refusal is { } why ? RefusalMessages.Describe(why, culture) : null);
    }

    /// <summary>The message's key: the issue's API code, or a variant of it where the message depends on what was found.</summary>
    private static string Key(ImportIssue issue) => issue.Code switch
    {
        ImportErrorCode.WrongUnit when issue.Unit is null => ImportErrorCode.WrongUnit.ApiCode() + ".unrecognised",
        ImportErrorCode.UnknownUnit when issue.Field is ImportField.Code => ImportErrorCode.UnknownUnit.ApiCode() + ".code",
        ImportErrorCode.UnknownUnit when issue.Field is ImportField.Name => ImportErrorCode.UnknownUnit.ApiCode() + ".name",
        _ => issue.Code.ApiCode(),
    };

    /// <summary>The machine-readable code of the API: <c>FormulaNotAllowed</c> becomes <c>formula-not-allowed</c>.</summary>
    public static string ApiCode(this ImportErrorCode code) => string.Concat(
        code.ToString().Select((ch, i) => char.IsUpper(ch) && i > 0 ? "-" + char.ToLowerInvariant(ch) : char.ToLowerInvariant(ch).ToString()));
}
