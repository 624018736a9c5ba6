using System.Globalization;
using LicenseAllocation.Web.Data;
using LicenseAllocation.Web.Hosting;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Npgsql;
using HostingText = LicenseAllocation.Web.Resources.Hosting;

namespace LicenseAllocation.Web.Cli;

/// <summary>
/// <c>backup &lt;file&gt;</c>: copies the database the portal is configured for (the same appsettings, environment
/// variables and command-line options) to <c>file</c>, while the portal keeps running. SQLite is copied with its online
/// backup API, which reads a consistent snapshot page by page without stopping writers for long; the copy is checked
/// (<c>PRAGMA integrity_check</c>) before it takes its name, so a file of that name is always a whole database. A
/// PostgreSQL or SQL Server database is backed up with that server's own tools: the verb says which command, and exits
/// <see cref="UseServerTools"/>. Exits 0 when the copy is made, 1 when it is not.
/// </summary>
internal static class BackupCommand
{
    public const string Verb = "backup";
    public const int Done = 0;
    public const int Failed = 1;
    public const int UseServerTools = 3;

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (args is not [var target, ..] || target.StartsWith("--", StringComparison.Ordinal))
        {
            HostingMessages.WriteBoth(error, nameof(HostingText.BackupUsage), []);
            return Failed;
        }

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args[1..] });
        if (ConfigurationCheck.Problems(builder.Configuration, builder.Environment.ContentRootPath) is { Count: > 0 } problems)
        {
            ConfigurationCheck.Write(problems, error);
            return ConfigurationCheck.ExitCode;
        }

        var services = new ServiceCollection();

        // A backup copies what is there; it never creates a seal key the portal has not made.
        services.AddPortalDatabase(builder.Configuration, builder.Environment.ContentRootPath, createSealKey: false);
        DatabaseSettings settings;
        await using (var provider = services.BuildServiceProvider())
        {
            settings = provider.GetRequiredService<DatabaseSettings>();
        }

        var file = Path.GetFullPath(target);
        switch (settings.Provider)
        {
            case DatabaseProvider.PostgreSql:
                var postgres = new NpgsqlConnectionStringBuilder(settings.ConnectionString);
                HostingMessages.WriteBoth(
                    error, nameof(HostingText.BackupPostgreSql), [postgres.Host ?? "localhost", postgres.Port, postgres.Username ?? "postgres", file, postgres.Database ?? ""]);
                return UseServerTools;
            case DatabaseProvider.SqlServer:
                var sqlServer = new SqlConnectionStringBuilder(settings.ConnectionString);
                HostingMessages.WriteBoth(error, nameof(HostingText.BackupSqlServer), [sqlServer.DataSource, sqlServer.InitialCatalog, file]);
                return UseServerTools;
        }

        try
        {
            return await BackUpSqliteAsync(settings.ConnectionString, file, output, error, cancellationToken);
        }
        catch (Exception exception) when (exception is SqliteException or IOException or UnauthorizedAccessException)
        {
            HostingMessages.WriteBoth(error, nameof(HostingText.BackupFailed), [exception.Message]);
            return Failed;
        }
    }

    private static async Task<int> BackUpSqliteAsync(string connectionString, string file, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var source = new SqliteConnectionStringBuilder(connectionString) { Mode = SqliteOpenMode.ReadWrite };
        if (!File.Exists(source.DataSource))
        {
            // Opening a missing file would create an empty database and back that up.
            HostingMessages.WriteBoth(error, nameof(HostingText.BackupSourceMissing), [source.DataSource]);
            return Failed;
        }

        if (File.Exists(file))
        {
            HostingMessages.WriteBoth(error, nameof(HostingText.BackupExists), [file]);
            return Failed;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        var partial = file + ".partial";
        File.Delete(partial);
        var copy = new SqliteConnectionStringBuilder { DataSource = partial, Pooling = false }.ToString();
        await using (var from = new SqliteConnection(source.ToString()))
        await using (var to = new SqliteConnection(copy))
        {
            await from.OpenAsync(cancellationToken);
            await to.OpenAsync(cancellationToken);
            from.BackupDatabase(to);
            await using var check = to.CreateCommand();
            check.CommandText = "PRAGMA integrity_check;";
            var verdict = Convert.ToString(await check.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
            if (verdict != "ok")
            {
                await to.CloseAsync();
                File.Delete(partial);
                HostingMessages.WriteBoth(error, nameof(HostingText.BackupCorrupt), [verdict ?? ""]);
                return Failed;
            }
        }

        File.Move(partial, file);
        HostingMessages.WriteBoth(output, nameof(HostingText.BackupDone), [source.DataSource, file, new FileInfo(file).Length]);
        return Done;
    }
}
