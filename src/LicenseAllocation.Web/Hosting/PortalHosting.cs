using System.Globalization;
using Serilog;

namespace LicenseAllocation.Web.Hosting;

/// <summary>What running in production adds to the portal: logging, answers during a database outage, probes. Program.cs calls these two methods.</summary>
internal static class PortalHosting
{
    /// <summary>Registers the portal's logging.</summary>
    public static WebApplicationBuilder AddPortalHosting(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);

        // Configured from the host's configuration (no static bootstrap logger), so test hosts can start the portal repeatedly.
        builder.Services.AddSerilog((_, logger) => logger
            .ReadFrom.Configuration(builder.Configuration)
            .Enrich.FromLogContext()
            .WriteTo.Console(formatProvider: CultureInfo.InvariantCulture));
        return builder;
    }

    /// <summary>Answers requests that meet a database outage with 503; maps the liveness and readiness probes.</summary>
    public static WebApplication UsePortalHosting(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseDatabaseOutageAnswers();
        app.MapPortalHealth();
        return app;
    }
}
