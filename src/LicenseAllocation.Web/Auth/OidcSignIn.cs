using System.Security.Claims;
using System.Text.Encodings.Web;
using LicenseAllocation.Application.Common;
using LicenseAllocation.Application.Identity;
using LicenseAllocation.Domain.Allocations;
using LicenseAllocation.Web.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace LicenseAllocation.Web.Auth;

/// <summary>The <c>Authentication:Oidc</c> section: the province's OpenID Connect sign-in, which proves who the person is.</summary>
public sealed class OidcOptions
{
    public const string Section = "Authentication:Oidc";

    /// <summary>The provider's issuer address (its discovery document is <c>{Authority}/.well-known/openid-configuration</c>); empty: no such sign-in.</summary>
    public string? Authority { get; set; }

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>The claim (of the ID token or the userinfo answer) that holds the portal user name.</summary>
    public string UserNameClaim { get; set; } = "preferred_username";

    public bool Enabled => !string.IsNullOrWhiteSpace(Authority);
}

/// <summary>
/// Sign-in with the province's OpenID Connect provider (authorization code, PKCE, answer in the query string). The
/// provider proves who the person is and nothing else: <see cref="PortalSignIn.CheckProvenAsync"/> finds the portal's
/// account of the user name it gives, and the portal's own cookie is issued as after a password. The provider's ticket
/// is never kept (no external cookie, no tokens saved). Registered only when <c>Authentication:Oidc:Authority</c> is set.
/// </summary>
internal static class OidcSignIn
{
    public const string Scheme = "Oidc";

    /// <summary>Where the sign-in page's button goes: starts the round trip to the provider.</summary>
    public const string StartPath = "/account/login/oidc";

    public const string CallbackPath = "/signin-oidc";

    /// <summary>The query parameter with which the sign-in page is told why the round trip ended without a session.</summary>
    public const string RefusalParameter = "refusal";

    public const string Refused = "refused";

    public const string Failed = "failed";

    public static IServiceCollection AddPortalOidc(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(OidcOptions.Section);
        services.Configure<OidcOptions>(section);
        var settings = section.Get<OidcOptions>() ?? new OidcOptions();
        if (!settings.Enabled)
        {
            return services;
        }

        services.AddAuthentication().AddOpenIdConnect(Scheme, options =>
        {
            options.Authority = settings.Authority;
            options.ClientId = settings.ClientId;
            options.ClientSecret = string.IsNullOrEmpty(settings.ClientSecret) ? null : settings.ClientSecret;
            // Plain http only to a provider on the same machine (ConfigurationCheck refuses any other).
            options.RequireHttpsMetadata = !new Uri(settings.Authority!).IsLoopback;
            options.ResponseType = OpenIdConnectResponseType.Code;
            // The provider sends the browser back with a GET, not a cross-site form post (which CrossSiteRequestGuard refuses).
            options.ResponseMode = OpenIdConnectResponseMode.Query;
            options.UsePkce = true;
            options.CallbackPath = CallbackPath;
            options.SignInScheme = IdentityConstants.ExternalScheme;
            options.GetClaimsFromUserInfoEndpoint = true;
            options.MapInboundClaims = false;
            // The user name may come from the userinfo answer only (profile claims are not always in the ID token).
            options.ClaimActions.MapUniqueJsonKey(settings.UserNameClaim, settings.UserNameClaim);
            options.SaveTokens = false;
            options.BackchannelTimeout = TimeSpan.FromSeconds(10);
            options.RefreshInterval = TimeSpan.FromMinutes(1);
            // A GET back from the provider carries Lax cookies; Secure whenever the portal is reached over HTTPS.
            options.CorrelationCookie.SameSite = SameSiteMode.Lax;
            options.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.NonceCookie.SameSite = SameSiteMode.Lax;
            options.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.Events.OnTicketReceived = TicketReceivedAsync;
            options.Events.OnRemoteFailure = RemoteFailureAsync;
        });
        return services;
    }

    public static void MapOidcSignIn(this IEndpointRouteBuilder app) =>
        app.MapGet(StartPath, async (HttpContext context, IOptions<OidcOptions> options, string? returnUrl, ILogger<OidcOptions> logger, PortalMetrics metrics) =>
        {
            if (!options.Value.Enabled)
            {
                return Results.NotFound();
            }

            try
            {
                await context.ChallengeAsync(Scheme, new AuthenticationProperties { RedirectUri = LocalUrls.Safe(returnUrl) });
                return Results.Empty;
            }
            catch (Exception e) when (IsUnreachable(e))
            {
                // The discovery document could not be read: the provider (or the way to it) is down.
                logger.LogWarning("Sign-in (OIDC) could not start: the provider {Authority} does not answer ({Error})",
                    LogText.Safe(options.Value.Authority), LogText.Safe(e.Message));
                metrics.SignInFailed("oidc", "identity-provider-unavailable");
                return Results.LocalRedirect(LoginPage(AllocationErrorCode.IdentityProviderUnavailable.ApiCode(), returnUrl));
            }
            catch (OpenIdConnectProtocolException e)
            {
                // The provider answered, but refused the portal (a pushed request with a wrong client secret, say).
                logger.LogError("Sign-in (OIDC) could not start: the provider {Authority} refused the request ({Error})",
                    LogText.Safe(options.Value.Authority), LogText.Safe(e.Message));
                metrics.SignInFailed("oidc", "identity-provider-failed");
                return Results.LocalRedirect(LoginPage(Failed, returnUrl));
            }
        }).AllowAnonymous().ExcludeFromDescription();

    /// <summary>What the sign-in page says for the <see cref="RefusalParameter"/> it was sent back with; null for anything else.</summary>
    public static string? RefusalText(string? refusal, IStringLocalizer<Resources.Shell> text) => refusal switch
    {
        "no-portal-account" => Localization.Ui.Refusal(AllocationError.NoPortalAccount()),
        "identity-provider-unavailable" => Localization.Ui.Refusal(AllocationError.IdentityProviderUnavailable()),
        Refused => text[nameof(Resources.Shell.ProvinceSignInRefused)],
        Failed => text[nameof(Resources.Shell.ProvinceSignInFailed)],
        _ => null,
    };

    private static async Task TicketReceivedAsync(TicketReceivedContext context)
    {
        context.HandleResponse();
        var services = context.HttpContext.RequestServices;
        var settings = services.GetRequiredService<IOptions<OidcOptions>>().Value;
        var logger = services.GetRequiredService<ILogger<OidcOptions>>();
        var userName = context.Principal?.FindFirst(settings.UserNameClaim)?.Value;
        // The handler has moved the challenge's RedirectUri here.
        var returnUrl = LocalUrls.Safe(context.ReturnUri);
        var attempt = await services.GetRequiredService<PortalSignIn>().CheckProvenAsync(userName, "oidc", context.HttpContext.RequestAborted);
        switch (attempt.Verdict)
        {
            case SignInVerdict.Accepted:
                await services.GetRequiredService<SignInManager<PortalUser>>().SignInAsync(attempt.User!, isPersistent: false, authenticationMethod: "oidc");
                logger.LogInformation("User {UserName} signed in through the province's sign-in (OIDC)", LogText.Safe(attempt.User!.UserName));
                await ContinueAsync(context.HttpContext, returnUrl);
                return;
            case SignInVerdict.CodeRequired:
                // As after a password: the short-lived two-factor cookie names the account for the code step of the form.
                var pending = new ClaimsIdentity([new Claim(ClaimTypes.Name, attempt.User!.Id)], IdentityConstants.TwoFactorUserIdScheme);
                await context.HttpContext.SignInAsync(IdentityConstants.TwoFactorUserIdScheme, new ClaimsPrincipal(pending));
                context.Response.Redirect("/account/login?step=code&ReturnUrl=" + Uri.EscapeDataString(returnUrl));
                return;
            case SignInVerdict.UnknownToPortal:
                context.Response.Redirect(LoginPage(AllocationErrorCode.NoPortalAccount.ApiCode(), returnUrl));
                return;
            default:
                context.Response.Redirect(LoginPage(Refused, returnUrl));
                return;
        }
    }

    private static Task RemoteFailureAsync(RemoteFailureContext context)
    {
        context.HandleResponse();
        var services = context.HttpContext.RequestServices;
        var unreachable = context.Failure is { } failure && IsUnreachable(failure);
        services.GetRequiredService<ILogger<OidcOptions>>().LogWarning("Sign-in (OIDC) failed at the return from the provider: {Error}",
            LogText.Safe(context.Failure?.Message));
        services.GetRequiredService<PortalMetrics>().SignInFailed("oidc", unreachable ? "identity-provider-unavailable" : "identity-provider-failed");
        context.Response.Redirect(LoginPage(unreachable ? AllocationErrorCode.IdentityProviderUnavailable.ApiCode() : Failed, context.Properties?.RedirectUri));
        return Task.CompletedTask;
    }

    /// <summary>
    /// The session cookie is SameSite=Strict, and a browser sends none on a redirect that a cross-site page (the
    /// provider's) started: a page of the portal's own moves on instead, so the first page already has the session.
    /// </summary>
    private static async Task ContinueAsync(HttpContext context, string target)
    {
        var text = context.RequestServices.GetRequiredService<IStringLocalizer<Resources.Shell>>()[nameof(Resources.Shell.ProvinceSignInContinue)];
        var address = HtmlEncoder.Default.Encode(target);
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "text/html; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        await context.Response.WriteAsync(
            $"<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"><meta http-equiv=\"refresh\" content=\"0;url={address}\">"
            + $"<title>{HtmlEncoder.Default.Encode(text)}</title></head><body><p><a href=\"{address}\">{HtmlEncoder.Default.Encode(text)}</a></p></body></html>",
            context.RequestAborted);
    }

    private static string LoginPage(string refusal, string? returnUrl) =>
        $"/account/login?{RefusalParameter}={Uri.EscapeDataString(refusal)}&ReturnUrl={Uri.EscapeDataString(LocalUrls.Safe(returnUrl))}";

    private static bool IsUnreachable(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is HttpRequestException or TaskCanceledException or TimeoutException or System.Net.Sockets.SocketException
                || e.Message.Contains("IDX20803", StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
