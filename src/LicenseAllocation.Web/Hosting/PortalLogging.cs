using System.Globalization;
using Serilog;
using Serilog.Formatting.Compact;

namespace LicenseAllocation.Web.Hosting;

/// <summary>
/// Serilog: levels and overrides from the <c>Serilog</c> section, text lines on the console (for the service manager's
/// journal), and, when <c>Logging:File:Path</c> is set, one JSON object per line (compact log event format: <c>@t</c>,
/// <c>@mt</c>, <c>@l</c>, properties) in a file rolled daily and at <c>Logging:File:FileSizeLimitBytes</c>, keeping
/// <c>Logging:File:RetainedFileCountLimit</c> files. A relative path is taken from the application's folder.
/// </summary>
internal static class PortalLogging
{
    public const string FilePathKey = "Logging:File:Path";
    public const string FileSizeLimitKey = "Logging:File:FileSizeLimitBytes";
    public const string RetainedFilesKey = "Logging:File:RetainedFileCountLimit";
    public const long DefaultFileSizeLimit = 100L * 1024 * 1024;
    public const int DefaultRetainedFiles = 31;

    public static void AddPortalLogging(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var contentRoot = builder.Environment.ContentRootPath;

        // Configured from the host's configuration, and kept to this host: with the static logger preserved each host writes
        // through its own logger, so two portals in one process (test hosts) never write into each other's files.
        builder.Services.AddSerilog((_, logger) =>
        {
            logger
                .ReadFrom.Configuration(configuration)
                .Enrich.FromLogContext()
                .WriteTo.Console(formatProvider: CultureInfo.InvariantCulture);
            if (configuration[FilePathKey] is { Length: > 0 } path)
            {
                logger.WriteTo.File(
                    new CompactJsonFormatter(),
                    Path.GetFullPath(path, contentRoot),
                    fileSizeLimitBytes: configuration.GetValue(FileSizeLimitKey, DefaultFileSizeLimit),
                    retainedFileCountLimit: configuration.GetValue(RetainedFilesKey, DefaultRetainedFiles),
                    rollingInterval: RollingInterval.Day,
                    rollOnFileSizeLimit: true);
            }
        }, preserveStaticLogger: true);
    }
}
