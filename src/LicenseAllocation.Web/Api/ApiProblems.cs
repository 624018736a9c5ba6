using System.Globalization;
using LicenseAllocation.Application.Common;
using LicenseAllocation.Domain.Allocations;
using ApiText = LicenseAllocation.Web.Resources.Api;

namespace LicenseAllocation.Web.Api;

/// <summary>RFC 7807 problem details with a machine-readable <c>code</c> and a message in the caller's language.</summary>
internal static class ApiProblems
{
    public static IResult Refusal(AllocationError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var status = error.Code switch
        {
            AllocationErrorCode.InvalidQuantity or AllocationErrorCode.ReasonRequired
                or AllocationErrorCode.InvalidName or AllocationErrorCode.InvalidUnitKind or AllocationErrorCode.InvalidOrder
                or AllocationErrorCode.InvalidRole or AllocationErrorCode.ScopeRequired or AllocationErrorCode.ScopeNotAllowed
                or AllocationErrorCode.InvalidScope or AllocationErrorCode.WeakPassword or AllocationErrorCode.InvalidUserName
                or AllocationErrorCode.DuplicateUser or AllocationErrorCode.DocumentRefTooLong or AllocationErrorCode.DocumentNumberRequired or AllocationErrorCode.DocumentDateRequired
                or AllocationErrorCode.SignerRequired or AllocationErrorCode.InvalidPlanName or AllocationErrorCode.InvalidYear
                or AllocationErrorCode.InvalidProductName or AllocationErrorCode.InvalidVendor
                or AllocationErrorCode.InvalidLicenceTerm or AllocationErrorCode.InvalidCharacters or AllocationErrorCode.MixedScript
                or AllocationErrorCode.CommonPassword or AllocationErrorCode.PasswordLikeUserName
                or AllocationErrorCode.InvalidFullName or AllocationErrorCode.InvalidPosition or AllocationErrorCode.InvalidPhone
                or AllocationErrorCode.InvalidEmail or AllocationErrorCode.WrongCurrentPassword or AllocationErrorCode.SamePassword
                or AllocationErrorCode.InvalidTwoFactorCode
                or AllocationErrorCode.InvalidNeed or AllocationErrorCode.InvalidPurchase or AllocationErrorCode.InvalidSplit
                or AllocationErrorCode.JustificationRequired or AllocationErrorCode.CommentRequired or AllocationErrorCode.ExceedsRequested
                or AllocationErrorCode.InvalidSource
                or AllocationErrorCode.InvalidAgencyCode or AllocationErrorCode.InvalidShares or AllocationErrorCode.InvalidReorganisation => StatusCodes.Status400BadRequest,
            AllocationErrorCode.NotFound or AllocationErrorCode.UserNotFound => StatusCodes.Status404NotFound,
            AllocationErrorCode.Forbidden or AllocationErrorCode.OutOfScope or AllocationErrorCode.DecidedByDistrict or AllocationErrorCode.PasswordChangeRequired
                or AllocationErrorCode.TwoFactorEnrolmentRequired or AllocationErrorCode.NoPortalAccount => StatusCodes.Status403Forbidden,
            AllocationErrorCode.TwoFactorRequired => StatusCodes.Status401Unauthorized,
            AllocationErrorCode.ImportInProgress or AllocationErrorCode.ExportInProgress => StatusCodes.Status429TooManyRequests,
            AllocationErrorCode.DatabaseUnavailable or AllocationErrorCode.DirectoryUnavailable
                or AllocationErrorCode.IdentityProviderUnavailable => StatusCodes.Status503ServiceUnavailable,
            _ => StatusCodes.Status409Conflict,
        };
        var extensions = new Dictionary<string, object?> { ["code"] = error.Code.ApiCode() };
        AddIfPresent(extensions, "requested", error.Requested);
        AddIfPresent(extensions, "limit", error.Limit);
        AddIfPresent(extensions, "parentRemaining", error.ParentRemaining);
        if (error.Subject is { } subject)
        {
            extensions["subject"] = subject;
        }

        return TypedResults.Problem(
            detail: RefusalMessages.Describe(error, CultureInfo.CurrentUICulture),
            statusCode: status,
            title: ApiText.RequestRefused,
            extensions: extensions);
    }

    /// <summary>A refusal the API makes itself (a body it cannot read); <paramref name="detail"/> comes from <c>Resources/Api.resx</c>.</summary>
    public static IResult Problem(int status, string code, string detail) =>
        TypedResults.Problem(
            detail: detail,
            statusCode: status,
            title: ApiText.RequestRefused,
            extensions: new Dictionary<string, object?> { ["code"] = code });

    private static void AddIfPresent(Dictionary<string, object?> extensions, string key, int? value)
    {
        if (value is { } v)
        {
            extensions[key] = v;
        }
    }
}
