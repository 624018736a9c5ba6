using System.Diagnostics;
using System.Globalization;
using System.Text;
using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Data;
using LicenseAllocation.Application.Exports;
using LicenseAllocation.Application.Identity;
using LicenseAllocation.Migrations.Sqlite;
using LicenseAllocation.Testing;
using Microsoft.EntityFrameworkCore;

namespace LicenseAllocation.Benchmarks;

/// <summary>
/// The flat export of a national-size plan (20,000 units in SQLite): time and memory of the portal's streamed
/// OpenXmlWriter export, of the rows query alone, and of ClosedXML writing the same rows. Each run is its own child
/// process, so that its peak working set belongs to that one export.
/// </summary>
internal static class FlatExport
{
    public const string ChildFlag = "--export-child";
    private const int Units = 20_000;
    private const int Runs = 5;
    private static readonly Caller Admin = new("bench", PortalRole.ProvinceAdmin);

    private enum Mode
    {
        Rows,
        OpenXmlWriter,
        ClosedXml,
    }

    public static async Task<string> RunAsync()
    {
        await using var database = await SqliteTestDatabase.CreateAsync(seed: false);
        var planId = await SyntheticPlan.CreateAsync(database.Factory, Units);

        var report = new StringBuilder().AppendLine(CultureInfo.InvariantCulture, $"## Flat export of {Units:N0} units").AppendLine();
        report.AppendLine(CultureInfo.InvariantCulture, $"A generated plan of {Units:N0} units (`SyntheticPlan`: the province, {Units - 2 - (SyntheticPlan.DistrictsFor(Units) * 28):N0} provincial agencies, {SyntheticPlan.DistrictsFor(Units)} districts of 12 agencies and 15 communes) in a SQLite file.")
            .AppendLine("Each run is a fresh child process (workstation GC) that exports once to warm up and then once measured: the rows query, and for the two writers the workbook written to a temporary file. Median of 5 runs.")
            .AppendLine()
            .AppendLine("Memory: *allocated* is `GC.GetTotalAllocatedBytes(precise: true)` across the measured export; *peak managed heap* is the highest `GC.GetTotalMemory(false)` sampled every millisecond during it, less the heap just before it;")
            .AppendLine("*process peak* is the child's peak working set (`VmHWM`, over its whole life, warm-up included), next to its working set just before the measured export.")
            .AppendLine()
            .AppendLine("| Export | Median time | Slowest | Allocated | Peak managed heap (above start) | Working set before | Process peak working set | File |")
            .AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var (mode, label) in new[]
        {
            (Mode.Rows, "Rows query alone (`UnitListExport.GetRowsAsync`, projected records)"),
            (Mode.OpenXmlWriter, "**Portal export**: rows + `UnitListWorkbook` (OpenXmlWriter, zip entries streamed to a temporary file)"),
            (Mode.ClosedXml, "Same rows written with ClosedXML 0.95.4 (whole workbook in memory, then saved)"),
        })
        {
            var results = new List<Measurement>();
            for (var run = 0; run < Runs; run++)
            {
                results.Add(await RunChildAsync(database.ConnectionString, planId, mode));
            }

            report.AppendLine(CultureInfo.InvariantCulture,
                $"| {label} | {Stats.Median([.. results.Select(r => r.Milliseconds)]):0} ms | {results.Max(r => r.Milliseconds):0} ms | {Mb(Stats.Median([.. results.Select(r => r.Allocated)]))} | {Mb(Stats.Median([.. results.Select(r => r.PeakHeap)]))} | {Mb(Stats.Median([.. results.Select(r => r.WorkingSetBefore)]))} | {Mb(Stats.Median([.. results.Select(r => r.PeakWorkingSet)]))} | {(mode == Mode.Rows ? "–" : Mb(results[0].FileBytes))} |");
        }

        return report.AppendLine().ToString();
    }

    /// <summary>The child's side: one warm-up export, one measured, one line of figures on standard output.</summary>
    public static async Task<int> ChildAsync(string[] args)
    {
        var connectionString = args[1];
        var planId = int.Parse(args[2], CultureInfo.InvariantCulture);
        var mode = Enum.Parse<Mode>(args[3]);
        var builder = new DbContextOptionsBuilder<AllocationDbContext>();
        SqliteDatabase.Configure(builder, connectionString);
        var export = new UnitListExport(new TestContextFactory(builder.Options));

        await ExportOnceAsync(export, planId, mode);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        using var process = Process.GetCurrentProcess();
        var workingSetBefore = process.WorkingSet64;
        var heapBefore = GC.GetTotalMemory(forceFullCollection: false);
        var peakHeap = heapBefore;
        using var stop = new CancellationTokenSource();
        var sampler = new Thread(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                peakHeap = Math.Max(peakHeap, GC.GetTotalMemory(forceFullCollection: false));
                Thread.Sleep(1);
            }
        }) { IsBackground = true, Priority = ThreadPriority.AboveNormal };
        sampler.Start();

        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        var fileBytes = await ExportOnceAsync(export, planId, mode);
        clock.Stop();
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        await stop.CancelAsync();
        sampler.Join();
        process.Refresh();

        Console.WriteLine(string.Join(';', new object[]
        {
            clock.Elapsed.TotalMilliseconds, allocated, peakHeap - heapBefore, workingSetBefore, process.PeakWorkingSet64, fileBytes,
        }.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture))));
        return 0;
    }

    private static async Task<long> ExportOnceAsync(UnitListExport export, int planId, Mode mode)
    {
        switch (mode)
        {
            case Mode.Rows:
                return (await export.GetRowsAsync(Admin, planId)).Value!.Count;
            case Mode.OpenXmlWriter:
            {
                await using var file = (await export.ExportAsync(Admin, planId)).Value!;
                return file.Length;
            }

            default:
            {
                var rows = (await export.GetRowsAsync(Admin, planId)).Value!;
                var path = Path.GetTempFileName();
                try
                {
                    await using (var file = File.Create(path))
                    {
                        ClosedXmlUnitList.Write(rows, file);
                    }

                    return new FileInfo(path).Length;
                }
                finally
                {
                    File.Delete(path);
                }
            }
        }
    }

    private static async Task<Measurement> RunChildAsync(string connectionString, int planId, Mode mode)
    {
        var self = Environment.ProcessPath!;
        var arguments = new List<string>();
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            arguments.Add(typeof(FlatExport).Assembly.Location);
        }

        arguments.AddRange([ChildFlag, connectionString, planId.ToString(CultureInfo.InvariantCulture), mode.ToString()]);
        var info = new ProcessStartInfo(self, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        info.Environment["DOTNET_gcServer"] = "0";
        using var child = Process.Start(info)!;
        var output = await child.StandardOutput.ReadToEndAsync();
        var errors = await child.StandardError.ReadToEndAsync();
        await child.WaitForExitAsync();
        if (child.ExitCode != 0)
        {
            throw new InvalidOperationException($"The {mode} export child failed: {errors}");
        }

        var figures = output.Trim().Split('\n')[^1].Split(';').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        return new Measurement(figures[0], figures[1], figures[2], figures[3], figures[4], figures[5]);
    }

    private static string Mb(double bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024 * 1024):0.0} MB");

    private sealed record Measurement(double Milliseconds, double Allocated, double PeakHeap, double WorkingSetBefore, double PeakWorkingSet, double FileBytes);
}
