using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace LicenseAllocation.Web.Security;

/// <summary>
/// The portal's defences in one place: <see cref="AddPortalSecurity"/> on the builder, <see cref="UsePortalSecurity"/>
/// after authorization. What must run before everything else (the proxy's headers, the public origin, the security
/// headers, refusing addresses with control characters) is put at the head of the pipeline by a startup filter, so that error
/// pages and redirects see the same request as the pages do.
/// </summary>
public static class PortalSecurity
{
    public static WebApplicationBuilder AddPortalSecurity(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        builder.WebHost.ConfigureKestrel(options => options.AddServerHeader = false);

        services.AddPortalRateLimiting(builder.Configuration);
        services.AddSingleton<SignInThrottle>();
        services.AddScoped<PortalSignIn>();
        services.Configure<Auth.LdapOptions>(builder.Configuration.GetSection(Auth.LdapOptions.Section));
        services.AddSingleton<Auth.LdapDirectory>();
        services.AddExceptionHandler<MalformedRequests>();
        services.AddApiReference();
        services.AddTransient<IStartupFilter>(_ => new PipelineHead(
            PublicAddress.KnownProxies(builder.Configuration), PublicAddress.PublicOrigin(builder.Configuration)));

        // Secure whenever the request is HTTPS, which behind a TLS proxy the forwarded headers establish.
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme, options =>
        {
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            // Signing in on the sign-in page follows its ReturnUrl: only to a local address, percent-encoded for the header.
            options.Events.OnRedirectToReturnUrl = context =>
            {
                context.Response.Redirect(LocalUrls.Safe(context.RedirectUri));
                return Task.CompletedTask;
            };
        });
        services.AddAntiforgery(options => options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        services.AddHsts(options => options.MaxAge = TimeSpan.FromDays(365));
        return builder;
    }

    /// <summary>Rate limits and the cross-site check (both need the signed-in user), and the API reference page.</summary>
    public static WebApplication UsePortalSecurity(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseRateLimiter();
        app.UseMiddleware<CrossSiteRequestGuard>();
        app.UseApiReferenceForSignedInUsers();
        app.MapApiReference();
        return app;
    }

    private sealed class PipelineHead(IReadOnlyList<System.Net.IPAddress> proxies, Uri? publicOrigin) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            if (proxies.Count > 0)
            {
                app.UseForwardedHeaders(PublicAddress.ForwardedHeaders(proxies));
            }

            app.Use(async (context, nextMiddleware) =>
            {
                if (publicOrigin is not null)
                {
                    PublicAddress.Apply(context, publicOrigin);
                }

                SecurityHeaders.Add(context);
                if (MalformedRequests.HasControlCharacters(context.Request))
                {
                    await MalformedRequests.WriteAsync(context, StatusCodes.Status400BadRequest);
                    return;
                }

                await nextMiddleware(context);
            });
            next(app);
        };
    }
}
