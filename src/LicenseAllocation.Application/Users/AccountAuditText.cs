using System.Globalization;
using LicenseAllocation.Application.Common;
using LicenseAllocation.Application.Identity;

namespace LicenseAllocation.Application.Users;

/// <summary>
/// What an account change says in the audit trail, in Vietnamese like every description there: who the account is, and
/// for a new one its role and unit. A password never appears, not even in part. The words are in
/// <c>Resources/AuditTexts.resx</c> (keys <c>Account_*</c>, <c>PortalRole_*</c>), always read in Vietnamese because the
/// description is stored with the row.
/// </summary>
public static class AccountAuditText
{
    private static readonly CultureInfo Stored = CultureInfo.GetCultureInfo("vi");

    public static string Created(string userName, PortalRole role, string? scopeUnitName) =>
        scopeUnitName is null
            ? TextResources.Format(TextResources.AuditTexts, "Account_Created", Stored, userName, RoleName(role))
            : TextResources.Format(TextResources.AuditTexts, "Account_CreatedWithScope", Stored, userName, RoleName(role), scopeUnitName);

    public static string Disabled(string? userName) => TextResources.Format(TextResources.AuditTexts, "Account_Disabled", Stored, userName);

    public static string PasswordReset(string? userName) => TextResources.Format(TextResources.AuditTexts, "Account_PasswordReset", Stored, userName);

    public static string RoleName(PortalRole role) =>
        TextResources.Find(TextResources.AuditTexts, $"{nameof(PortalRole)}_{role}", Stored) ?? role.ToString();
}
