using LicenseAllocation.Application.Common;
using LicenseAllocation.Application.Identity;
using LicenseAllocation.Application.Users;
using Microsoft.AspNetCore.Identity;

namespace LicenseAllocation.Web.Security;

internal enum SignInVerdict
{
    Accepted,

    /// <summary>Unknown user, wrong password, locked or disabled account: one answer for all, so none can be told apart.</summary>
    Refused,

    TooManyAttempts,
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
    PortalMetrics metrics,
    ILogger<PortalSignIn> logger)
{
    public async Task<SignInAttempt> CheckAsync(string? userName, string? password, string channel, CancellationToken cancellationToken)
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

            var result = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
            if (result.Succeeded)
            {
                await accounts.RecordSignInAsync(user.Id, CancellationToken.None);
                return new SignInAttempt(SignInVerdict.Accepted, user, TimeSpan.Zero);
            }

            logger.LogWarning("Sign-in ({Channel}) refused for {UserName}: wrong password{LockedNow}",
                channel, LogText.Safe(user.UserName), result.IsLockedOut ? ", account now locked out" : string.Empty);
            Failed(channel, "invalid-credentials");
            return SignInAttempt.Refused;
        }
    }

    // Operators see why sign-ins fail (the metric never reaches the person signing in, who is told only "refused").
    private void Failed(string channel, string reason) => metrics.SignInFailed(channel.ToLowerInvariant(), reason);
}
