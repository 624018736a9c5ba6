using LicenseAllocation.Application.Common;
using LicenseAllocation.Application.Data;
using LicenseAllocation.Application.Identity;
using LicenseAllocation.Application.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace LicenseAllocation.Web.Security;

internal enum SignInVerdict
{
    Accepted,

    /// <summary>Unknown user, wrong password, locked or disabled account: one answer for all, so none can be told apart.</summary>
    Refused,

    TooManyAttempts,

    /// <summary>The password was right; the account signs in with an authenticator code too, and none was given.</summary>
    CodeRequired,

    /// <summary>The password was right but the code was not (counted towards the lockout like a wrong password).</summary>
    CodeRefused,

    /// <summary>The province's directory knows the person and their password, but the portal has no account of that name.</summary>
    UnknownToPortal,

    /// <summary>The password is not the portal's own and the province's directory, which might know it, does not answer.</summary>
    DirectoryUnavailable,
}

internal sealed record SignInAttempt(SignInVerdict Verdict, PortalUser? User, TimeSpan RetryAfter)
{
    public static readonly SignInAttempt Refused = new(SignInVerdict.Refused, null, TimeSpan.Zero);
}

/// <summary>
/// The one password check of the sign-in form and the token endpoint. Attempts for a user name are checked one at a
/// time and each failure is counted before the next attempt is looked at, so a burst of parallel guesses meets the
/// lockout after as many guesses as a patient guesser would. Every refusal looks and costs the same: an unknown name,
/// a locked or a disabled account verify the password against a dummy hash, and the caller learns only "refused".
/// </summary>
internal sealed class PortalSignIn(
    UserManager<PortalUser> users,
    SignInManager<PortalUser> signIn,
    SignInThrottle throttle,
    UserAdministration accounts,
    Auth.LdapDirectory directory,
    PortalMetrics metrics,
    IDbContextFactory<AllocationDbContext> contexts,
    TimeProvider time,
    ILogger<PortalSignIn> logger)
{
    /// <param name="userName">The user name as typed.</param>
    /// <param name="password">The password as typed.</param>
    /// <param name="code">
    /// The authenticator code (or a recovery code) for an account with two-factor sign-in, sent with the password (the
    /// token endpoint); without it such an account gets <see cref="SignInVerdict.CodeRequired"/> and the form asks for it.
    /// </param>
    /// <param name="channel">"page" or "API", for the log and the metrics.</param>
    /// <param name="cancellationToken">Ends the wait for the name's lock.</param>
    public async Task<SignInAttempt> CheckAsync(string? userName, string? password, string? code, string channel, CancellationToken cancellationToken)
    {
        var name = users.NormalizeName(userName ?? string.Empty) ?? string.Empty;
        if (throttle.Admit(name) is { } wait)
        {
            logger.LogWarning("Sign-in ({Channel}) for {UserName} throttled: too many attempts for the name", channel, LogText.Safe(userName));
            Failed(channel, "too-many-requests");
            return new SignInAttempt(SignInVerdict.TooManyAttempts, null, wait);
        }

        using (await throttle.LockAsync(name, cancellationToken))
        {
            var user = string.IsNullOrEmpty(userName) ? null : await users.FindByNameAsync(userName);
            if (user is null && directory.Enabled && !string.IsNullOrEmpty(password))
            {
                // The directory may know a person the portal has no account for: they are told so, and given none.
                throttle.SpendAsMuchAsACheck(password);
                var known = await directory.CheckAsync(userName!, password, cancellationToken);
                logger.LogWarning("Sign-in ({Channel}) refused for {UserName}: no account (directory: {Verdict})", channel, LogText.Safe(userName), known);
                Failed(channel, known == Auth.DirectoryVerdict.Accepted ? "unknown-to-portal" : "invalid-credentials");
                return known switch
                {
                    Auth.DirectoryVerdict.Accepted => new SignInAttempt(SignInVerdict.UnknownToPortal, null, TimeSpan.Zero),
                    Auth.DirectoryVerdict.Unavailable => new SignInAttempt(SignInVerdict.DirectoryUnavailable, null, TimeSpan.Zero),
                    _ => SignInAttempt.Refused,
                };
            }

            if (user is null || string.IsNullOrEmpty(password))
            {
                throttle.SpendAsMuchAsACheck(password);
                logger.LogWarning("Sign-in ({Channel}) refused for {UserName}: unknown user or no password", channel, LogText.Safe(userName));
                Failed(channel, "invalid-credentials");
                return SignInAttempt.Refused;
            }

            if (await users.IsLockedOutAsync(user))
            {
                throttle.SpendAsMuchAsACheck(password);
                logger.LogWarning("Sign-in ({Channel}) refused for {UserName}: account {State}",
                    channel, LogText.Safe(user.UserName), UserAdministration.IsDisabled(user.LockoutEnd) ? "disabled" : "locked out");
                Failed(channel, UserAdministration.IsDisabled(user.LockoutEnd) ? "account-disabled" : "locked-out");
                return SignInAttempt.Refused;
            }

            var result = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: !directory.Enabled);
            if (!result.Succeeded && directory.Enabled)
            {
                // Not the portal's own password: the province's directory may know it (the same user name there).
                switch (await directory.CheckAsync(user.UserName!, password, cancellationToken))
                {
                    case Auth.DirectoryVerdict.Accepted:
                        result = Microsoft.AspNetCore.Identity.SignInResult.Success;
                        if (!await users.GetTwoFactorEnabledAsync(user))
                        {
                            await users.ResetAccessFailedCountAsync(user);
                        }

                        break;
                    case Auth.DirectoryVerdict.Unavailable:
                        Failed(channel, "directory-unavailable");
                        return new SignInAttempt(SignInVerdict.DirectoryUnavailable, null, TimeSpan.Zero);
                    default:
                        await users.AccessFailedAsync(user);
                        result = await users.IsLockedOutAsync(user) ? Microsoft.AspNetCore.Identity.SignInResult.LockedOut : result;
                        break;
                }
            }

            if (result.Succeeded)
            {
                if (await users.GetTwoFactorEnabledAsync(user))
                {
                    // With two-factor on, Identity leaves the failure count as it was: wrong codes add up with wrong passwords.
                    return string.IsNullOrWhiteSpace(code)
                        ? new SignInAttempt(SignInVerdict.CodeRequired, user, TimeSpan.Zero)
                        : await CheckCodeHeldAsync(user, code, channel);
                }

                await accounts.RecordSignInAsync(user.Id, CancellationToken.None);
                return new SignInAttempt(SignInVerdict.Accepted, user, TimeSpan.Zero);
            }

            logger.LogWarning("Sign-in ({Channel}) refused for {UserName}: wrong password{LockedNow}",
                channel, LogText.Safe(user.UserName), result.IsLockedOut ? ", account now locked out" : string.Empty);
            Failed(channel, "invalid-credentials");
            return SignInAttempt.Refused;
        }
    }

    /// <summary>
    /// A person whose identity the province's sign-in (OpenID Connect) has proved, by the user name it gave: the
    /// portal's account of that name decides the rest. No password is checked and none is counted; an unknown name is
    /// <see cref="SignInVerdict.UnknownToPortal"/> (no account is made), a locked or disabled account is refused as with
    /// a password, and an account with two-factor sign-in still gives its code (<see cref="SignInVerdict.CodeRequired"/>).
    /// </summary>
    public async Task<SignInAttempt> CheckProvenAsync(string? userName, string channel, CancellationToken cancellationToken)
    {
        var name = users.NormalizeName(userName ?? string.Empty) ?? string.Empty;
        using (await throttle.LockAsync(name, cancellationToken))
        {
            var user = string.IsNullOrWhiteSpace(userName) ? null : await users.FindByNameAsync(userName);
            if (user is null)
            {
                logger.LogWarning("Sign-in ({Channel}) refused for {UserName}: no portal account of that name", channel, LogText.Safe(userName));
                Failed(channel, "unknown-to-portal");
                return new SignInAttempt(SignInVerdict.UnknownToPortal, null, TimeSpan.Zero);
            }

            if (await users.IsLockedOutAsync(user))
            {
                var disabled = UserAdministration.IsDisabled(user.LockoutEnd);
                logger.LogWarning("Sign-in ({Channel}) refused for {UserName}: account {State}",
                    channel, LogText.Safe(user.UserName), disabled ? "disabled" : "locked out");
                Failed(channel, disabled ? "account-disabled" : "locked-out");
                return SignInAttempt.Refused;
            }

            if (await users.GetTwoFactorEnabledAsync(user))
            {
                return new SignInAttempt(SignInVerdict.CodeRequired, user, TimeSpan.Zero);
            }

            await accounts.RecordSignInAsync(user.Id, CancellationToken.None);
            return new SignInAttempt(SignInVerdict.Accepted, user, TimeSpan.Zero);
        }
    }

    /// <summary>
    /// The second step of the form: the account whose password was accepted a moment ago (named by the short-lived
    /// two-factor cookie) and the code typed. Throttled and held by the user name's lock like the password.
    /// </summary>
    public async Task<SignInAttempt> CheckCodeAsync(string userId, string? code, string channel, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null || !user.TwoFactorEnabled)
        {
            return SignInAttempt.Refused;
        }

        var name = user.NormalizedUserName ?? string.Empty;
        if (throttle.Admit(name) is { } wait)
        {
            Failed(channel, "too-many-requests");
            return new SignInAttempt(SignInVerdict.TooManyAttempts, null, wait);
        }

        using (await throttle.LockAsync(name, cancellationToken))
        {
            // Read again under the lock: the failure count and the recovery codes as the attempt before left them.
            user = await users.FindByIdAsync(userId);
            if (user is null || await users.IsLockedOutAsync(user))
            {
                Failed(channel, "locked-out");
                return SignInAttempt.Refused;
            }

            return await CheckCodeHeldAsync(user, code, channel);
        }
    }

    /// <summary>
    /// Checks the code of an account whose password was accepted, under the name's lock; a recovery code is spent, and
    /// so is an authenticator code: its step is kept, and the same code is refused if sent again (<see cref="SignInCodes"/>).
    /// </summary>
    private async Task<SignInAttempt> CheckCodeHeldAsync(PortalUser user, string? code, string channel)
    {
        var accepted = await SignInCodes.RedeemAsync(users, contexts, user, TwoFactorEnrolment.Compact(code), time.GetUtcNow())
            || (RecoveryCode(code) is { } recovery && (await users.RedeemTwoFactorRecoveryCodeAsync(user, recovery)).Succeeded);
        if (accepted)
        {
            await users.ResetAccessFailedCountAsync(user);
            await accounts.RecordSignInAsync(user.Id, CancellationToken.None);
            return new SignInAttempt(SignInVerdict.Accepted, user, TimeSpan.Zero);
        }

        await users.AccessFailedAsync(user);
        logger.LogWarning("Sign-in ({Channel}) refused for {UserName}: wrong or already used authenticator code{LockedNow}",
            channel, LogText.Safe(user.UserName), await users.IsLockedOutAsync(user) ? ", account now locked out" : string.Empty);
        Failed(channel, "invalid-two-factor-code");
        return new SignInAttempt(SignInVerdict.CodeRefused, user, TimeSpan.Zero);
    }

    /// <summary>A recovery code as Identity writes it (<c>XXXXX-XXXXX</c>), whatever the case and spacing it was typed in.</summary>
    private static string? RecoveryCode(string? code)
    {
        var compact = TwoFactorEnrolment.Compact(code).ToUpperInvariant();
        return compact.Length == 10 && compact.All(char.IsAsciiLetterOrDigit) ? compact[..5] + "-" + compact[5..] : null;
    }

    // Operators see why sign-ins fail (the metric never reaches the person signing in, who is told only "refused").
    private void Failed(string channel, string reason) => metrics.SignInFailed(channel.ToLowerInvariant(), reason);
}
