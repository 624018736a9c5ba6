using System.Security.Claims;
using LicenseAllocation.Application.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace LicenseAllocation.Web.Auth;

/// <summary>
/// Identity's bearer tokens carry the security stamp but the bearer handler never compares it, so a disabled user's
/// token would work until it expires (an hour). For bearer requests this checks, after authentication, that the user
/// still exists, is not locked out and still has the token's stamp; a failing token leaves the request anonymous,
/// so protected endpoints answer 401 (OWASP ASVS 7.4.2). The answer is kept per user and stamp for at most
/// <see cref="Interval"/>, measured on the host's <see cref="TimeProvider"/>: one lookup per user per minute.
/// </summary>
internal sealed class BearerTokenRevalidation(
    RequestDelegate next,
    IMemoryCache cache,
    TimeProvider clock,
    IOptions<IdentityOptions> identityOptions,
    ILogger<BearerTokenRevalidation> logger)
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    public async Task InvokeAsync(HttpContext context)
    {
        if (PortalAuthentication.IsBearerRequest(context) && context.User.Identity is { IsAuthenticated: true } &&
            !await IsStillValidAsync(context.User, context.RequestServices))
        {
            logger.LogWarning("Bearer token of {UserName} refused: the account is disabled, locked out, gone or its security stamp changed",
                Security.LogText.Safe(context.User.Identity.Name));
            context.User = new ClaimsPrincipal(new ClaimsIdentity());
        }

        await next(context);
    }

    private async Task<bool> IsStillValidAsync(ClaimsPrincipal principal, IServiceProvider services)
    {
        var claims = identityOptions.Value.ClaimsIdentity;
        var userId = principal.FindFirstValue(claims.UserIdClaimType);
        var stamp = principal.FindFirstValue(claims.SecurityStampClaimType);
        if (string.IsNullOrEmpty(userId) || string.IsNullOrEmpty(stamp))
        {
            return false;
        }

        var key = (nameof(BearerTokenRevalidation), userId, stamp);
        var now = clock.GetUtcNow();
        if (cache.TryGetValue(key, out Check? check) && check is not null && now - check.At < Interval)
        {
            return check.Valid;
        }

        var users = services.GetRequiredService<UserManager<PortalUser>>();
        var user = await users.FindByIdAsync(userId);
        var valid = user is not null && !await users.IsLockedOutAsync(user) && await users.GetSecurityStampAsync(user) == stamp;
        // The entry's own expiry only bounds memory; whether it is still fresh is decided on the host's clock above.
        cache.Set(key, new Check(valid, now), Interval);
        return valid;
    }

    private sealed record Check(bool Valid, DateTimeOffset At);
}
