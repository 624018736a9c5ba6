using LicenseAllocation.Application.Data;
using LicenseAllocation.Application.Identity;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;

namespace LicenseAllocation.Web.Auth;

internal static class PortalAuthentication
{
    /// <summary>Cookie for the browser, bearer token for the API; the request's Authorization header decides which.</summary>
    public const string Scheme = "Portal";

    /// <summary>How long a disabled user's cookie, circuit or bearer token may go on working.</summary>
    public static readonly TimeSpan SessionRevalidationInterval = TimeSpan.FromMinutes(1);

    /// <summary>Whether the request authenticates with a bearer token (else with the cookie).</summary>
    public static bool IsBearerRequest(HttpContext context) =>
        context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Refuses bearer tokens of disabled users and changed security stamps, then holds accounts that must change their
    /// password at the password page (<see cref="PasswordChangeGate"/>); between authentication and authorization.
    /// </summary>
    public static IApplicationBuilder UseBearerTokenRevalidation(this IApplicationBuilder app) =>
        app.UseMiddleware<BearerTokenRevalidation>().UseMiddleware<PasswordChangeGate>();

    public static IServiceCollection AddPortalAuthentication(this IServiceCollection services)
    {
        services.AddAuthentication(options =>
            {
                options.DefaultScheme = Scheme;
                options.DefaultChallengeScheme = Scheme;
            })
            .AddPolicyScheme(Scheme, "Cookie or bearer token", options =>
                options.ForwardDefaultSelector = context =>
                    IsBearerRequest(context) ? IdentityConstants.BearerScheme : IdentityConstants.ApplicationScheme)
            .AddBearerToken(IdentityConstants.BearerScheme, options => options.BearerTokenExpiration = TimeSpan.FromHours(1))
            .AddIdentityCookies(cookies => cookies.ApplicationCookie?.Configure(options =>
            {
                options.LoginPath = "/account/login";
                options.AccessDeniedPath = "/account/login";
                options.Cookie.Name = "LicenseAllocation.Auth";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Strict;
                options.ExpireTimeSpan = TimeSpan.FromHours(8);
                options.SlidingExpiration = true;
                options.Events.OnRedirectToLogin = context => ApiAwareRedirect(context, StatusCodes.Status401Unauthorized);
                options.Events.OnRedirectToAccessDenied = context => ApiAwareRedirect(context, StatusCodes.Status403Forbidden);
            }));

        services.AddIdentityCore<PortalUser>(PortalIdentityOptions.Apply)
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<AllocationDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<PortalClaimsFactory>();

        // A changed security stamp (user disabled, password reset) ends cookie sessions within a minute, not 30 (ASVS 7.4.2);
        // circuits revalidate every minute (RevalidatingIdentityStateProvider), bearer tokens too (BearerTokenRevalidation).
        services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = SessionRevalidationInterval);
        services.AddMemoryCache();
        services.AddAuthorization();
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, RevalidatingIdentityStateProvider>();
        services.AddScoped<AdminBootstrapper>();
        return services;
    }

    /// <summary>The API answers 401/403; only pages are redirected to the sign-in page.</summary>
    private static Task ApiAwareRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int apiStatus)
    {
        if (context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.StatusCode = apiStatus;
            return Task.CompletedTask;
        }

        // A path of this portal, never the Host header sent back as an absolute address.
        context.Response.Redirect(Uri.TryCreate(context.RedirectUri, UriKind.Absolute, out var absolute) ? absolute.PathAndQuery : context.RedirectUri);
        return Task.CompletedTask;
    }
}
