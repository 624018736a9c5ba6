using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Deployments;
using LicenseAllocation.Application.Identity;
using LicenseAllocation.Testing;
using Microsoft.Extensions.Options;

namespace LicenseAllocation.Benchmarks;

/// <summary>
/// <c>--console</c>: imports a Kaspersky Security Center report of 50,000 devices (UTF-8 CSV with a BOM, 200 groups,
/// some devices listed twice) as a snapshot of the seeded 2020 plan in a SQLite file, and times it; the process's
/// resident set and the managed heap are sampled every 20 ms during the import, and their peaks above the level before
/// it are reported.
/// </summary>
internal static class ConsoleReportImport
{
    private const int Devices = 50_000;
    private const int Runs = 3;
    private static readonly Caller Admin = new("bench", PortalRole.ProvinceAdmin);

    public static async Task<string> RunAsync()
    {
        var seen = DateTime.UtcNow.AddDays(-1);
        var devices = Enumerable.Range(0, Devices + 500)
            .Select(i => new ExportDevice($"host-{i % Devices:D6}", $"PC-{i:D6}", $"Thiết bị được quản lý/Huyện {i % 200}/UBND xã số {i % 7}", LastSeen: seen.AddDays(-(i % 30))))
            .ToList();
        var file = ConsoleExports.Utf8(ConsoleExports.KasperskyCsv(devices), bom: true);
        var results = new List<(double Ms, double RssMb, double HeapMb, int Devices)>();
        for (var run = 0; run <= Runs; run++)
        {
            await using var database = await SqliteTestDatabase.CreateAsync();
            var planId = await StoredPlan.SeededPlanIdAsync(database.Factory, CancellationToken.None);
            var imports = new DeploymentImports(database.Factory, Options.Create(new DeploymentOptions()), TimeProvider.System);
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            using var process = Process.GetCurrentProcess();
            process.Refresh();
            var rssBefore = process.WorkingSet64;
            var heapBefore = GC.GetTotalMemory(false);
            long rssPeak = rssBefore, heapPeak = heapBefore;
            using var stop = new CancellationTokenSource();
            var sampler = Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    process.Refresh();
                    rssPeak = Math.Max(rssPeak, process.WorkingSet64);
                    heapPeak = Math.Max(heapPeak, GC.GetTotalMemory(false));
                    await Task.Delay(20, CancellationToken.None);
                }
            });
            var clock = Stopwatch.StartNew();
            var result = await imports.ImportAsync(Admin, new DeploymentImportRequest(planId, file, "Kaspersky Security Center", DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-1))), dryRun: false);
            clock.Stop();
            await stop.CancelAsync();
            await sampler;
            if (!result.Succeeded)
            {
                throw new InvalidOperationException("The import was refused: " + (result.Issue?.ApiCode ?? result.Refusal?.Code.ToString()));
            }

            if (run > 0)
            {
                results.Add((clock.Elapsed.TotalMilliseconds, (rssPeak - rssBefore) / 1048576.0, (heapPeak - heapBefore) / 1048576.0, result.Value!.Devices));
            }
        }

        var median = results.OrderBy(r => r.Ms).ElementAt(results.Count / 2);
        var report = new StringBuilder().AppendLine("## Importing a console report of 50,000 devices").AppendLine();
        report.AppendLine(CultureInfo.InvariantCulture, $"Measured on {DateTime.UtcNow:dd/MM/yyyy HH:mm} (UTC) on {RuntimeInformation.OSDescription}, {Environment.ProcessorCount} logical cores ({MachineInfo.CpuModel()}), {MachineInfo.MemoryGiB():0.#} GiB, {RuntimeInformation.FrameworkDescription}, by `dotnet run -c Release --project bench/LicenseAllocation.Benchmarks -- --console --write docs/benchmarks.md`.")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"`DeploymentImports.ImportAsync` (as `POST /api/v1/plans/{{id}}/deployments/imports`, not a dry run) of a Kaspersky Security Center CSV ({file.Length / 1048576.0:0.0} MB, UTF-8 with a BOM, {devices.Count:N0} rows of {Devices:N0} devices in 1,400 groups) into a SQLite file holding the 2020 plan: read, merged, judged, {Devices:N0} device rows written and the audit row, in one transaction. One warm-up run, then {Runs} runs; each on a fresh database. Peaks are sampled every 20 ms above the level just before the import (after a full GC). The CPU is shared with other builds, so figures are noisy.")
            .AppendLine()
            .AppendLine("| Measure | Target | Result |")
            .AppendLine("| --- | ---: | ---: |")
            .AppendLine(CultureInfo.InvariantCulture, $"| Import of {Devices:N0} devices, median | < 5 s | {median.Ms / 1000:0.00} s (runs: {string.Join(", ", results.Select(r => (r.Ms / 1000).ToString("0.00", CultureInfo.InvariantCulture)))} s) |")
            .AppendLine(CultureInfo.InvariantCulture, $"| Peak resident set above the level before | < 300 MB | {results.Max(r => r.RssMb):0} MB (highest of the runs) |")
            .AppendLine(CultureInfo.InvariantCulture, $"| Peak managed heap above the level before | | {results.Max(r => r.HeapMb):0} MB |")
            .AppendLine();
        return report.ToString();
    }
}
