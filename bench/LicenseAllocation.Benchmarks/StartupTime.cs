using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace LicenseAllocation.Benchmarks;

/// <summary>From process start to the first 200 on /healthz: on an empty database (migrate + seed) and on a restart.</summary>
internal static class StartupTime
{
    private const int Runs = 5;

    public static async Task<string> RunAsync(string repositoryRoot)
    {
        PortalProcess.WebDll(repositoryRoot);
        var first = new List<double>();
        var restart = new List<double>();
        for (var run = 0; run < Runs; run++)
        {
            var directory = Directory.CreateTempSubdirectory("license-allocation-startup-").FullName;
            try
            {
                first.Add(await TimeStartAsync(repositoryRoot, directory));
                restart.Add(await TimeStartAsync(repositoryRoot, directory));
            }
            finally
            {
                Directory.Delete(directory, recursive: true);
            }
        }

        return new StringBuilder("## Startup time\n\n")
            .AppendLine("The published portal (`dotnet LicenseAllocation.Web.dll`, Release, Production) until `/healthz` answers 200, median of 5 runs.\n")
            .AppendLine("| Start | Median | Slowest |").AppendLine("| --- | ---: | ---: |")
            .AppendLine(CultureInfo.InvariantCulture, $"| First start: create the SQLite file, migrate, seed the 2020 plan, create admin | {Stats.Median(first):0} ms | {first.Max():0} ms |")
            .AppendLine(CultureInfo.InvariantCulture, $"| Restart on the existing database | {Stats.Median(restart):0} ms | {restart.Max():0} ms |")
            .AppendLine().ToString();
    }

    private static async Task<double> TimeStartAsync(string repositoryRoot, string directory)
    {
        var clock = Stopwatch.StartNew();
        await using var portal = PortalProcess.Start(repositoryRoot, directory);
        await portal.WaitHealthyAsync();
        return clock.Elapsed.TotalMilliseconds;
    }
}
