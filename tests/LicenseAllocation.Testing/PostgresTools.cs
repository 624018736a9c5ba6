using System.Diagnostics;

namespace LicenseAllocation.Testing;

/// <summary>Finds Debian's PostgreSQL server binaries and runs them, as the <c>postgres</c> user when we are root.</summary>
internal static class PostgresTools
{
    private const string InstallRoot = "/usr/lib/postgresql";
    private const string ServiceUser = "postgres";

    /// <summary>The <c>bin</c> folder of the highest installed version that has both <c>initdb</c> and <c>pg_ctl</c>.</summary>
    public static string FindBinDirectory()
    {
        var candidates = Directory.Exists(InstallRoot) ? Directory.GetDirectories(InstallRoot) : [];
        var best = candidates
            .Select(dir => (Bin: Path.Combine(dir, "bin"), Version: ParseVersion(Path.GetFileName(dir))))
            .Where(c => c.Version is not null && File.Exists(Path.Combine(c.Bin, "initdb")) && File.Exists(Path.Combine(c.Bin, "pg_ctl")))
            .OrderByDescending(c => c.Version)
            .FirstOrDefault();
        return best.Bin ?? throw new InvalidOperationException(
            $"The PostgreSQL tests need a local PostgreSQL server, but no {InstallRoot}/<version>/bin/initdb and pg_ctl were found. " +
            "Install Debian's 'postgresql' package (apt-get install postgresql) and run the tests again.");
    }

    /// <summary>Postgres refuses to run as root, so under root the tools run as the service user the Debian package creates.</summary>
    public static bool RunsAsServiceUser => Environment.IsPrivilegedProcess;

    /// <summary>Gives the service user the folder the cluster lives in (data, socket and log).</summary>
    public static void HandOver(string directory)
    {
        if (RunsAsServiceUser)
        {
            Run("chown", [ServiceUser, directory], directory, TimeSpan.FromSeconds(30), asServiceUser: false);
        }
    }

    public static string RunTool(string binDirectory, string tool, IEnumerable<string> arguments, string workingDirectory, TimeSpan timeout) =>
        Run(Path.Combine(binDirectory, tool), arguments, workingDirectory, timeout, RunsAsServiceUser);

    private static string Run(string executable, IEnumerable<string> arguments, string workingDirectory, TimeSpan timeout, bool asServiceUser)
    {
        var start = new ProcessStartInfo
        {
            FileName = asServiceUser ? "runuser" : executable,
            // The service user may not be able to enter our working directory; the cluster folder is always its own.
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (asServiceUser)
        {
            foreach (var prefix in new[] { "-u", ServiceUser, "--", executable })
            {
                start.ArgumentList.Add(prefix);
            }
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {start.FileName}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{Describe(start)} did not finish within {timeout.TotalSeconds} s.");
        }

        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Describe(start)} failed with exit code {process.ExitCode}:\n{error.Result}\n{output.Result}");
        }

        return output.Result;
    }

    private static string Describe(ProcessStartInfo start) => $"'{start.FileName} {string.Join(' ', start.ArgumentList)}'";

    private static Version? ParseVersion(string? name) =>
        Version.TryParse(name?.Contains('.', StringComparison.Ordinal) == true ? name : $"{name}.0", out var version) ? version : null;
}
