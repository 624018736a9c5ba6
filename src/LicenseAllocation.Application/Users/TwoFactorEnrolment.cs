using System.Globalization;
using System.Text;
using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Common;
using LicenseAllocation.Application.Identity;
using LicenseAllocation.Domain.Allocations;
using LicenseAllocation.Domain.Auditing;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LicenseAllocation.Application.Users;

/// <summary>What the two-factor page shows: whether it is on, and for an account that has not set it up the key to enter in the app.</summary>
/// <param name="Enabled">Whether the account signs in with a code.</param>
/// <param name="Mandatory">Whether the portal requires it for the account's role (<see cref="TwoFactorOptions"/>).</param>
/// <param name="SharedKey">The secret key (Base32, in groups of four) for typing into the app; null once two-factor is on.</param>
/// <param name="AuthenticatorUri">The <c>otpauth://totp/…</c> address the QR code carries; null once two-factor is on.</param>
/// <param name="RecoveryCodesLeft">How many unused recovery codes the account has.</param>
public sealed record TwoFactorSetup(bool Enabled, bool Mandatory, string? SharedKey, string? AuthenticatorUri, int RecoveryCodesLeft);

/// <summary>An account after its two-factor change, and the recovery codes it was given (shown once, never again).</summary>
public sealed record TwoFactorCodes(UserView Account, IReadOnlyList<string> RecoveryCodes);

/// <summary>
/// Two-factor sign-in with an authenticator app (TOTP, RFC 6238) through ASP.NET Core Identity's authenticator token
/// provider: the key and the recovery codes live in <c>AspNetUserTokens</c>. A user sets it up for their own account
/// (the key, then a code from the app proves the app holds it), gets ten recovery codes, may renew them or turn
/// two-factor off with a current code; the administrator removes it from an account whose phone was lost. Each change
/// is audited in the transaction of the Identity change (<c>UserAdministration.ChangeUserAsync</c>) and changes
/// the security stamp, so the account's other sessions end within a minute.
/// </summary>
public sealed class TwoFactorEnrolment(UserAdministration accounts, IServiceScopeFactory scopeFactory, IOptions<TwoFactorOptions> options)
{
    /// <summary>The name the authenticator app shows beside the account.</summary>
    public const string Issuer = "Phan bo ban quyen";

    public const int RecoveryCodeCount = 10;

    public async Task<Outcome<TwoFactorSetup>> GetSetupAsync(Caller caller, CancellationToken cancellationToken = default)
    {
        var own = await accounts.GetOwnAsync(caller, cancellationToken);
        if (!own.Succeeded)
        {
            return own.Error;
        }

        await using var scope = scopeFactory.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = await users.FindByIdAsync(own.Value.Id);
        if (user is null)
        {
            return AllocationError.UserNotFound();
        }

        var mandatory = options.Value.IsMandatoryFor(own.Value.Role);
        if (user.TwoFactorEnabled)
        {
            return new TwoFactorSetup(true, mandatory, null, null, await users.CountRecoveryCodesAsync(user));
        }

        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            // A key for an account that has no two-factor yet: set through the store, so that the security stamp (and
            // with it the user's session) stays as it is; the stamp changes when two-factor is turned on.
            var store = (IUserAuthenticatorKeyStore<PortalUser>)scope.ServiceProvider.GetRequiredService<IUserStore<PortalUser>>();
            await store.SetAuthenticatorKeyAsync(user, users.GenerateNewAuthenticatorKey(), cancellationToken);
            var saved = await users.UpdateAsync(user);
            if (!saved.Succeeded)
            {
                throw new InvalidOperationException("Could not store the authenticator key of " + user.UserName);
            }

            key = await users.GetAuthenticatorKeyAsync(user);
        }

        return new TwoFactorSetup(false, mandatory, Grouped(key!), AuthenticatorUri(user.UserName ?? string.Empty, key!), 0);
    }

    /// <summary>Turns two-factor on once <paramref name="code"/> shows that the app holds the key; gives the recovery codes.</summary>
    public async Task<Outcome<TwoFactorCodes>> EnableAsync(Caller caller, string? code, CancellationToken cancellationToken = default)
    {
        IReadOnlyList<string> codes = [];
        var done = await ChangeOwnAsync(caller, AuditAction.UserTwoFactorEnabled, async (users, user) =>
        {
            if (user.TwoFactorEnabled)
            {
                return UserAdministration.Change.Refused(AllocationError.TwoFactorAlreadyEnabled());
            }

            if (string.IsNullOrEmpty(await users.GetAuthenticatorKeyAsync(user)) || !await VerifyCodeAsync(users, user, code))
            {
                return UserAdministration.Change.Refused(AllocationError.InvalidTwoFactorCode());
            }

            Check(await users.SetTwoFactorEnabledAsync(user, true));
            codes = [.. await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount) ?? []];
            return UserAdministration.Change.Done(AccountAuditText.TwoFactorEnabled(user.UserName));
        }, cancellationToken);
        return done.Succeeded ? new TwoFactorCodes(done.Value, codes) : done.Error;
    }

    /// <summary>New recovery codes for a current authenticator code; the old ones stop working.</summary>
    public async Task<Outcome<TwoFactorCodes>> RenewRecoveryCodesAsync(Caller caller, string? code, CancellationToken cancellationToken = default)
    {
        IReadOnlyList<string> codes = [];
        var done = await ChangeOwnAsync(caller, AuditAction.UserRecoveryCodesRenewed, async (users, user) =>
        {
            if (!user.TwoFactorEnabled)
            {
                return UserAdministration.Change.Refused(AllocationError.TwoFactorNotEnabled());
            }

            if (!await VerifyCodeAsync(users, user, code))
            {
                return UserAdministration.Change.Refused(AllocationError.InvalidTwoFactorCode());
            }

            codes = [.. await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount) ?? []];
            return UserAdministration.Change.Done(AccountAuditText.RecoveryCodesRenewed(user.UserName));
        }, cancellationToken);
        return done.Succeeded ? new TwoFactorCodes(done.Value, codes) : done.Error;
    }

    /// <summary>Turns the user's own two-factor off with a current code, unless the portal requires it for their role.</summary>
    public Task<Outcome<UserView>> DisableAsync(Caller caller, string? code, CancellationToken cancellationToken = default) =>
        ChangeOwnAsync(caller, AuditAction.UserTwoFactorDisabled, async (users, user) =>
        {
            if (!user.TwoFactorEnabled)
            {
                return UserAdministration.Change.Refused(AllocationError.TwoFactorNotEnabled());
            }

            if (options.Value.IsMandatoryFor(caller.Role))
            {
                return UserAdministration.Change.Refused(AllocationError.TwoFactorMandatory());
            }

            if (!await VerifyCodeAsync(users, user, code))
            {
                return UserAdministration.Change.Refused(AllocationError.InvalidTwoFactorCode());
            }

            await TurnOffAsync(users, user);
            return UserAdministration.Change.Done(AccountAuditText.TwoFactorDisabled(user.UserName));
        }, cancellationToken);

    /// <summary>The administrator removes two-factor from an account whose authenticator was lost; it signs in with its password again.</summary>
    public Task<Outcome<UserView>> ResetAsync(Caller caller, string userId, CancellationToken cancellationToken = default) =>
        accounts.ChangeUserAsync(caller, userId, allowSelf: false, AuditAction.UserTwoFactorDisabled, async (users, user) =>
        {
            if (!user.TwoFactorEnabled)
            {
                return UserAdministration.Change.Refused(AllocationError.TwoFactorNotEnabled());
            }

            await TurnOffAsync(users, user);
            return UserAdministration.Change.Done(AccountAuditText.TwoFactorReset(user.UserName));
        }, cancellationToken);

    /// <summary>
    /// Whether <paramref name="code"/> is the account's current authenticator code (white space and hyphens ignored).
    /// Only digits are tried: a recovery code is redeemed by the sign-in, never here.
    /// </summary>
    public static async Task<bool> VerifyCodeAsync(UserManager<PortalUser> users, PortalUser user, string? code)
    {
        ArgumentNullException.ThrowIfNull(users);
        var digits = Compact(code);
        return digits.Length == 6 && digits.All(char.IsAsciiDigit)
            && await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, digits);
    }

    /// <summary>The code as typed, without the spaces and hyphens an app or a printed sheet puts in it.</summary>
    public static string Compact(string? code) =>
        string.Concat((code ?? string.Empty).Where(c => !char.IsWhiteSpace(c) && c != '-'));

    private static async Task TurnOffAsync(UserManager<PortalUser> users, PortalUser user)
    {
        Check(await users.SetTwoFactorEnabledAsync(user, false));
        // A new key, so that the lost phone's codes never work again, and no recovery codes.
        Check(await users.ResetAuthenticatorKeyAsync(user));
        await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 0);
    }

    private async Task<Outcome<UserView>> ChangeOwnAsync(
        Caller caller,
        AuditAction action,
        Func<UserManager<PortalUser>, PortalUser, Task<UserAdministration.Change>> change,
        CancellationToken cancellationToken)
    {
        var own = await accounts.GetOwnAsync(caller, cancellationToken);
        return own.Succeeded ? await accounts.ChangeUserAsync(caller, own.Value.Id, allowSelf: true, action, change, cancellationToken) : own.Error;
    }

    private static string AuthenticatorUri(string userName, string key) =>
        string.Create(CultureInfo.InvariantCulture,
            $"otpauth://totp/{Uri.EscapeDataString(Issuer)}:{Uri.EscapeDataString(userName)}?secret={key}&issuer={Uri.EscapeDataString(Issuer)}&digits=6");

    private static string Grouped(string key)
    {
        var text = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            text.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        }

        return text.ToString().TrimEnd().ToLowerInvariant();
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Two-factor change failed: " + string.Join("; ", result.Errors.Select(e => e.Code)));
        }
    }
}
