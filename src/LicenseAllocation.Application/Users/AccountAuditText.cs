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

    public static string PasswordChanged(string? userName) => TextResources.Format(TextResources.AuditTexts, "Account_PasswordChanged", Stored, userName);

    public static string TwoFactorEnabled(string? userName) => TextResources.Format(TextResources.AuditTexts, "Account_TwoFactorEnabled", Stored, userName);

    public static string TwoFactorDisabled(string? userName) => TextResources.Format(TextResources.AuditTexts, "Account_TwoFactorDisabled", Stored, userName);

    public static string TwoFactorReset(string? userName) => TextResources.Format(TextResources.AuditTexts, "Account_TwoFactorReset", Stored, userName);

    public static string RecoveryCodesRenewed(string? userName) => TextResources.Format(TextResources.AuditTexts, "Account_RecoveryCodesRenewed", Stored, userName);

    public static string Enabled(string? userName) => TextResources.Format(TextResources.AuditTexts, "Account_Enabled", Stored, userName);

    /// <summary>"Sửa thông tin tài khoản "x": họ và tên, e-mail" — which fields changed, not their values.</summary>
    public static string DetailsChanged(string? userName, IEnumerable<string> fields) =>
        TextResources.Format(TextResources.AuditTexts, "Account_DetailsChanged", Stored, userName, string.Join(", ", fields));

    public static string FullNameField => Word("Account_Field_FullName");

    public static string PositionField => Word("Account_Field_Position");

    public static string PhoneField => Word("Account_Field_Phone");

    public static string EmailField => Word("Account_Field_Email");

    public static string ScopeField(string? unitName) => TextResources.Format(TextResources.AuditTexts, "Account_Field_Scope", Stored, unitName ?? "—");

    private static string Word(string key) => TextResources.Find(TextResources.AuditTexts, key, Stored) ?? key;

    public static string RoleName(PortalRole role) =>
        TextResources.Find(TextResources.AuditTexts, $"{nameof(PortalRole)}_{role}", Stored) ?? role.ToString();
}
