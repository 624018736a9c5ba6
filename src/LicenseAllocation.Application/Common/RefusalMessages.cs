using System.Globalization;
using LicenseAllocation.Domain.Allocations;
using LicenseAllocation.Domain.Plans;
using LicenseAllocation.Domain.Units;

namespace LicenseAllocation.Application.Common;

/// <summary>
/// Explains a refusal to the person who made it, in Vietnamese unless they asked for English, quoting the numbers
/// (formatted for their culture: "1.177" in Vietnamese) so that they can correct the entry without a phone call.
/// The sentences are in <c>Resources/ErrorMessages.resx</c> (and <c>.en.resx</c>), keyed by the API code
/// (<see cref="ApiCode"/>): the same words on a page, in an API problem and in an import report.
/// </summary>
public static class RefusalMessages
{
    public static string Describe(AllocationError error, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(culture);
        if (!Enum.IsDefined(error.Code))
        {
            throw new ArgumentOutOfRangeException(nameof(error), error.Code, "Unknown refusal.");
        }

        // The placeholders every message may use (see the resource's comment): {0} requested, {1} the limit, {2} the
        // parent's remaining quantity, {3} and {4} the first and last year of a plan, {5} the subject (a plan's name).
        return TextResources.Format(
            TextResources.ErrorMessages,
            error.Code.ApiCode(),
            culture,
            error.Requested ?? 0,
            error.Limit ?? RuleLimit(error.Code) ?? 0,
            error.ParentRemaining ?? 0,
            PlanYear.Min,
            PlanYear.Max,
            error.Subject ?? string.Empty);
    }

    /// <summary>
    /// The sentence of a refusal the web host makes before any use case runs (<c>too-many-requests</c> with {0} the
    /// seconds to wait, <c>cross-site-request</c>, <c>invalid-request</c>), from the same resource as every other refusal.
    /// </summary>
    public static string OfCode(string apiCode, CultureInfo culture, params object?[] arguments) =>
        TextResources.Format(TextResources.ErrorMessages, apiCode, culture, arguments);

    /// <summary>The machine-readable code of the API: <c>ExceedsParent</c> becomes <c>exceeds-parent</c>.</summary>
    public static string ApiCode(this AllocationErrorCode code) => string.Concat(
        code.ToString().Select((ch, i) => char.IsUpper(ch) && i > 0 ? "-" + char.ToLowerInvariant(ch) : char.ToLowerInvariant(ch).ToString()));

    /// <summary>The domain's limit a text refusal quotes when the error carries none: the most characters the field holds.</summary>
    private static int? RuleLimit(AllocationErrorCode code) => code switch
    {
        AllocationErrorCode.ReasonRequired or AllocationErrorCode.JustificationRequired or AllocationErrorCode.CommentRequired => ChangeReason.MaxLength,
        AllocationErrorCode.InvalidName => UnitName.MaxLength,
        AllocationErrorCode.DocumentNumberRequired => OfficialDocument.MaxNumberLength,
        AllocationErrorCode.SignerRequired => OfficialDocument.MaxSignerLength,
        AllocationErrorCode.InvalidPlanName => PlanName.MaxLength,
        AllocationErrorCode.InvalidProductName => LicensedProduct.MaxNameLength,
        AllocationErrorCode.InvalidVendor => LicensedProduct.MaxVendorLength,
        AllocationErrorCode.InvalidUserName => Domain.Text.AccountName.MaxLength,
        AllocationErrorCode.InvalidFullName => Domain.Accounts.AccountDetails.MaxFullNameLength,
        AllocationErrorCode.InvalidPosition => Domain.Accounts.AccountDetails.MaxPositionLength,
        AllocationErrorCode.InvalidPhone => Domain.Accounts.AccountDetails.MaxPhoneLength,
        AllocationErrorCode.InvalidEmail => Domain.Accounts.AccountDetails.MaxEmailLength,
        _ => null,
    };
}
