using LicenseAllocation.Application.Common;
using LicenseAllocation.Application.Users;

namespace LicenseAllocation.Web.Api;

/// <summary>
/// The role is a name (ProvinceAdmin, DistrictOfficer, UnitViewer, Auditor); the scope unit only for the scoped roles.
/// The person's details are optional. <c>mustChangePassword</c> (default true): the user chooses their own password
/// at first sign-in; false only for an account a tool signs in with.
/// </summary>
public sealed record CreateUserRequest(
    string? UserName,
    string? Password,
    string? Role,
    int? ScopeUnitId,
    string? FullName = null,
    string? Position = null,
    string? Phone = null,
    string? Email = null,
    bool? MustChangePassword = null);

public sealed record PasswordResetRequest(string? Password);

/// <summary>The administrator's edit of an account: every field is set as sent (null clears it; the scope unit for scoped roles only).</summary>
public sealed record UpdateUserRequest(string? FullName, string? Position, string? Phone, string? Email, int? ScopeUnitId);

public sealed record EmailRequest(string? Email);

public sealed record OwnPasswordRequest(string? CurrentPassword, string? NewPassword);

/// <summary>What users change on their own account.</summary>
public sealed record OwnDetailsRequest(string? FullName, string? Phone, string? Email);

/// <summary>An account; <c>lastSignInAt</c> in Vietnam time with its offset, null before the first sign-in.</summary>
public sealed record UserDto(
    string Id,
    string UserName,
    string? Role,
    int? ScopeUnitId,
    string? ScopeUnitName,
    bool Disabled,
    string? FullName,
    string? Position,
    string? Phone,
    string? Email,
    DateTimeOffset? LastSignInAt,
    bool MustChangePassword,
    bool TwoFactorEnabled)
{
    internal static UserDto From(UserView user) =>
        new(user.Id, user.UserName, user.Role?.ToString(), user.ScopeUnitId, user.ScopeUnitName, user.Disabled,
            user.FullName, user.Position, user.Phone, user.Email,
            user.LastSignInAt is { } at ? VietnamTime.FromUtc(at) : null,
            user.MustChangePassword, user.TwoFactorEnabled);
}

/// <summary>A code from the authenticator app (six digits; spaces are ignored).</summary>
public sealed record TwoFactorCodeRequest(string? Code);

/// <summary>The own account's two-factor state; the key and its <c>otpauth://</c> address only while it is not on.</summary>
public sealed record TwoFactorSetupDto(bool Enabled, bool Mandatory, string? SharedKey, string? AuthenticatorUri, int RecoveryCodesLeft)
{
    public static TwoFactorSetupDto From(TwoFactorSetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        return new(setup.Enabled, setup.Mandatory, setup.SharedKey, setup.AuthenticatorUri, setup.RecoveryCodesLeft);
    }
}

/// <summary>The recovery codes, shown this once: each signs in one time instead of an authenticator code.</summary>
public sealed record RecoveryCodesDto(IReadOnlyList<string> RecoveryCodes);
