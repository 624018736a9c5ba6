namespace LicenseAllocation.Web.Security;

/// <summary>
/// The portal's defences in one place: <see cref="AddPortalSecurity"/> on the builder, <see cref="UsePortalSecurity"/>
/// after authorization.
/// </summary>
public static class PortalSecurity
{
    public static WebApplicationBuilder AddPortalSecurity(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddPortalRateLimiting(builder.Configuration);
        services.AddSingleton<SignInThrottle>();
        services.AddScoped<PortalSignIn>();
        return builder;
    }

    /// <summary>Rate limits (they need the signed-in user).</summary>
    public static WebApplication UsePortalSecurity(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseRateLimiter();
        return app;
    }
}
