namespace LicenseAllocation.Web.Hosting;

/// <summary>What running in production adds to the portal: logging, telemetry, answers during a
/// database outage, probes. Program.cs calls these two methods.</summary>
internal static class PortalHosting
{
    /// <summary>Registers the portal's logging (console, JSON file), its telemetry (OpenTelemetry by OTLP) and where its keys are kept.</summary>
    public static WebApplicationBuilder AddPortalHosting(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);

        builder.AddPortalLogging();
        builder.AddPortalTelemetry();
        builder.AddPortalDataProtection();
        return builder;
    }

    /// <summary>Answers requests that meet a database outage with 503; maps the liveness and readiness probes.</summary>
    public static WebApplication UsePortalHosting(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseDatabaseOutageAnswers();
        app.UseExportCounting();
        app.MapPortalHealth();
        return app;
    }
}
