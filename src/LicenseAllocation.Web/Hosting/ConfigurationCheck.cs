using System.Globalization;
using System.Text;
using LicenseAllocation.Application.Identity;
using LicenseAllocation.Application.Notifications.Mail;
using LicenseAllocation.Web.Auth;
using LicenseAllocation.Web.Data;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using MimeKit;
using Npgsql;
using HostingText = LicenseAllocation.Web.Resources.Hosting;

namespace LicenseAllocation.Web.Hosting;

/// <summary>One thing wrong with the configuration: a key of <c>Resources/Hosting.resx</c> and the values it quotes.</summary>
internal sealed record ConfigurationProblem(string Key, params object[] Arguments)
{
    public string Describe(CultureInfo culture) => HostingMessages.Format(Key, culture, Arguments);
}

/// <summary>
/// Reads the configuration the portal is about to start with and lists what is wrong with it, before anything is
/// served: the database provider and its connection string, folders the portal writes to, addresses it listens on or
/// sends to, numbers. A portal that would fail later (at the first request, or at night when a key rotates) stops now,
/// saying in Vietnamese and English what to fix, and exits with <see cref="ExitCode"/> (78, EX_CONFIG of sysexits).
/// </summary>
internal static class ConfigurationCheck
{
    public const int ExitCode = 78;

    /// <summary>Prints the problems of <paramref name="builder"/>'s configuration to <paramref name="error"/>; true when there were any.</summary>
    public static bool Fails(WebApplicationBuilder builder, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(error);
        var problems = Problems(builder.Configuration, builder.Environment.ContentRootPath);
        if (problems.Count == 0)
        {
            return false;
        }

        Console.OutputEncoding = Encoding.UTF8;
        Write(problems, error);

        error.Flush();
        return true;
    }

    /// <summary>The heading and each problem, in Vietnamese then English.</summary>
    public static void Write(IReadOnlyList<ConfigurationProblem> problems, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(problems);
        HostingMessages.WriteBoth(error, nameof(HostingText.ConfigurationInvalid), []);
        foreach (var problem in problems)
        {
            HostingMessages.WriteBoth(error, problem.Key, problem.Arguments, "- ", "  ");
        }
    }

    public static IReadOnlyList<ConfigurationProblem> Problems(IConfiguration configuration, string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var problems = new List<ConfigurationProblem>();
        CheckDatabase(configuration, contentRoot, problems);
        if (configuration[PortalDataProtection.StoreKey] is { Length: > 0 } store
            && !PortalDataProtection.Stores.Contains(store, StringComparer.OrdinalIgnoreCase))
        {
            problems.Add(new(nameof(HostingText.InvalidChoice), PortalDataProtection.StoreKey, store, string.Join(", ", PortalDataProtection.Stores)));
        }
        else if (!PortalDataProtection.KeysInDatabase(configuration))
        {
            CheckFolder(configuration, "DataProtection:KeysPath", Path.Combine("data", "keys"), contentRoot, problems);
        }
        if (!string.IsNullOrWhiteSpace(configuration[PortalLogging.FilePathKey]))
        {
            CheckFolder(configuration, PortalLogging.FilePathKey, null, contentRoot, problems, parentOfFile: true);
        }

        // The seal key file the portal creates on its first start, unless a key is given directly or the file exists.
        if (string.IsNullOrWhiteSpace(configuration[AuditSealKeySource.KeyKey])
            && Path.GetFullPath(configuration[AuditSealKeySource.KeyPathKey] is { Length: > 0 } sealPath ? sealPath : AuditSealKeySource.DefaultKeyFile, contentRoot) is var sealFile
            && !File.Exists(sealFile))
        {
            CheckWritable(AuditSealKeySource.KeyPathKey, Path.GetDirectoryName(sealFile)!, problems);
        }

        CheckListeningUrls(configuration, problems);
        CheckAbsoluteUrl(configuration, PortalTelemetry.EndpointKey, problems);
        if (configuration[PortalTelemetry.ProtocolKey] is { Length: > 0 } protocol && !PortalTelemetry.Protocols.Contains(protocol))
        {
            problems.Add(new(nameof(HostingText.InvalidChoice), PortalTelemetry.ProtocolKey, protocol, string.Join(", ", PortalTelemetry.Protocols)));
        }

        CheckMail(configuration, problems);
        CheckOidc(configuration, problems);
        CheckPositive(configuration, "Imports:MaxFileBytes", problems);
        CheckPositive(configuration, PortalLogging.RetainedFilesKey, problems);
        CheckPositive(configuration, PortalLogging.FileSizeLimitKey, problems);
        if (configuration[AdminBootstrapper.PasswordKey] is { Length: > 0 and < PortalIdentityOptions.MinimumPasswordLength })
        {
            problems.Add(new(nameof(HostingText.AdminPasswordTooShort), AdminBootstrapper.PasswordKey, PortalIdentityOptions.MinimumPasswordLength));
        }

        return problems;
    }

    private static void CheckDatabase(IConfiguration configuration, string contentRoot, List<ConfigurationProblem> problems)
    {
        var name = configuration[DatabaseRegistration.ProviderKey];
        var provider = DatabaseProvider.Sqlite;
        if (!string.IsNullOrWhiteSpace(name)
            && (!Enum.TryParse(name, ignoreCase: true, out provider) || !Enum.IsDefined(provider) || name.Trim().All(char.IsAsciiDigit)))
        {
            problems.Add(new(nameof(HostingText.UnknownProvider), DatabaseRegistration.ProviderKey, name));
            return;
        }

        var connectionString = configuration.GetConnectionString(DatabaseRegistration.ConnectionStringName);
        if (provider != DatabaseProvider.Sqlite && string.IsNullOrWhiteSpace(connectionString))
        {
            problems.Add(new(nameof(HostingText.ConnectionStringMissing), DatabaseRegistration.ProviderKey, provider));
            return;
        }

        try
        {
            switch (provider)
            {
                case DatabaseProvider.Sqlite:
                    var sqlite = new SqliteConnectionStringBuilder(string.IsNullOrWhiteSpace(connectionString) ? DatabaseRegistration.DefaultSqlite : connectionString);
                    if (sqlite.Mode != SqliteOpenMode.Memory && !sqlite.DataSource.StartsWith(':'))
                    {
                        CheckWritable("ConnectionStrings:Default", Path.GetDirectoryName(Path.GetFullPath(sqlite.DataSource, contentRoot))!, problems);
                    }

                    break;
                case DatabaseProvider.PostgreSql:
                    _ = new NpgsqlConnectionStringBuilder(connectionString);
                    break;
                case DatabaseProvider.SqlServer:
                    _ = new SqlConnectionStringBuilder(connectionString);
                    break;
            }
        }
        catch (Exception exception) when (exception is ArgumentException or FormatException or KeyNotFoundException or InvalidOperationException)
        {
            problems.Add(new(nameof(HostingText.ConnectionStringInvalid), provider, exception.Message));
        }
    }

    private static void CheckFolder(
        IConfiguration configuration, string key, string? fallback, string contentRoot, List<ConfigurationProblem> problems, bool parentOfFile = false)
    {
        var value = configuration[key] is { Length: > 0 } configured ? configured : fallback;
        if (value is null)
        {
            return;
        }

        var path = Path.GetFullPath(value, contentRoot);
        CheckWritable(key, parentOfFile ? Path.GetDirectoryName(path)! : path, problems);
    }

    /// <summary>Creates the folder if needed and writes (then deletes) a probe file in it, as the portal's account.</summary>
    private static void CheckWritable(string key, string folder, List<ConfigurationProblem> problems)
    {
        try
        {
            Directory.CreateDirectory(folder);
            var probe = Path.Combine(folder, $".write-check-{Guid.NewGuid():N}");
            File.WriteAllBytes(probe, []);
            File.Delete(probe);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            problems.Add(new(nameof(HostingText.FolderNotWritable), key, folder, exception.Message));
        }
    }

    /// <summary>
    /// <c>urls</c> (<c>ASPNETCORE_URLS</c>, <c>--urls</c>) and <c>Kestrel:Endpoints:*:Url</c>: each an http or https
    /// address with a host (<c>*</c>, <c>+</c> and <c>0.0.0.0</c> for every interface) and, if any, a port.
    /// </summary>
    private static void CheckListeningUrls(IConfiguration configuration, List<ConfigurationProblem> problems)
    {
        if (configuration["urls"] is { Length: > 0 } urls)
        {
            foreach (var url in urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (!IsListeningUrl(url))
                {
                    problems.Add(new(nameof(HostingText.InvalidUrl), "urls", url));
                }
            }
        }

        foreach (var endpoint in configuration.GetSection("Kestrel:Endpoints").GetChildren())
        {
            if (endpoint["Url"] is { } url && !IsListeningUrl(url))
            {
                problems.Add(new(nameof(HostingText.InvalidUrl), $"Kestrel:Endpoints:{endpoint.Key}:Url", url));
            }
        }
    }

    private static bool IsListeningUrl(string url)
    {
        var schemeEnd = url.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd <= 0)
        {
            return false;
        }

        // Kestrel's wildcard hosts are not host names a URI parser accepts.
        var rest = url[(schemeEnd + 3)..];
        if (rest.StartsWith('*') || rest.StartsWith('+'))
        {
            rest = "localhost" + rest[1..];
        }

        return Uri.TryCreate(url[..(schemeEnd + 3)] + rest, UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            && uri.Host.Length > 0
            && uri.AbsolutePath == "/";
    }

    private static void CheckAbsoluteUrl(IConfiguration configuration, string key, List<ConfigurationProblem> problems)
    {
        if (configuration[key] is { Length: > 0 } value
            && !(Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)))
        {
            problems.Add(new(nameof(HostingText.InvalidEndpoint), key, value));
        }
    }

    // Without a sender every message would fail at the first send, in the background, long after the start.
    private static void CheckMail(IConfiguration configuration, List<ConfigurationProblem> problems)
    {
        if (configuration[$"{SmtpOptions.Section}:{nameof(SmtpOptions.Port)}"] is { Length: > 0 } port
            && !(int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number is > 0 and <= 65535))
        {
            problems.Add(new(nameof(HostingText.InvalidPort), $"{SmtpOptions.Section}:{nameof(SmtpOptions.Port)}", port));
        }

        if (!string.IsNullOrWhiteSpace(configuration[$"{SmtpOptions.Section}:{nameof(SmtpOptions.Host)}"])
            && configuration[$"{SmtpOptions.Section}:{nameof(SmtpOptions.From)}"] is var from
            && !MailboxAddress.TryParse(from ?? string.Empty, out _))
        {
            problems.Add(new(nameof(HostingText.SmtpFromMissing), from ?? string.Empty));
        }
    }

    // The provider is asked for its discovery document only at the first sign-in: a wrong address would show only then.
    private static void CheckOidc(IConfiguration configuration, List<ConfigurationProblem> problems)
    {
        const string authorityKey = $"{OidcOptions.Section}:{nameof(OidcOptions.Authority)}";
        if (configuration[authorityKey] is not { } authority || string.IsNullOrWhiteSpace(authority))
        {
            return;
        }

        if (!Uri.TryCreate(authority, UriKind.Absolute, out var uri)
            || !(uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback))
            || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment))
        {
            problems.Add(new(nameof(HostingText.OidcAuthorityInvalid), authorityKey, authority));
        }

        const string clientIdKey = $"{OidcOptions.Section}:{nameof(OidcOptions.ClientId)}";
        if (string.IsNullOrWhiteSpace(configuration[clientIdKey]))
        {
            problems.Add(new(nameof(HostingText.OidcKeyMissing), clientIdKey, authorityKey));
        }

        // Set but blank would read every sign-in's user name from a claim that has no name.
        const string claimKey = $"{OidcOptions.Section}:{nameof(OidcOptions.UserNameClaim)}";
        if (configuration[claimKey] is { } claim && string.IsNullOrWhiteSpace(claim))
        {
            problems.Add(new(nameof(HostingText.OidcKeyMissing), claimKey, authorityKey));
        }
    }

    private static void CheckPositive(IConfiguration configuration, string key, List<ConfigurationProblem> problems)
    {
        if (configuration[key] is { Length: > 0 } value
            && !(long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0))
        {
            problems.Add(new(nameof(HostingText.InvalidPositiveNumber), key, value));
        }
    }
}
