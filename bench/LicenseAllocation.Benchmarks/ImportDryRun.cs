using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Allocations.Batches;
using LicenseAllocation.Application.Identity;
using LicenseAllocation.Application.Import;
using LicenseAllocation.Application.Needs;
using LicenseAllocation.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LicenseAllocation.Benchmarks;

/// <summary>
/// <c>--import</c>: dry runs of a filled template of N rows and of 2N rows, to show that an import costs as much as its
/// rows (time for 2N under 2.5 × time for N) rather than their square. Each size gets its own SQLite file with a
/// generated plan whose first district has exactly that many children; every row raises its unit by one, so the run
/// goes through matching, the batch's checks, the changes and the refusals (the district's quota runs out).
/// </summary>
internal static class ImportDryRun
{
    private const int Rows = 40_000;
    private const int Runs = 3;
    private const double Limit = 2.5;
    private static readonly Caller Admin = new("bench", PortalRole.ProvinceAdmin);

    /// <summary>Limits wide enough for 80,000 rows: the portal's own keep uploads to a few thousand rows.</summary>
    private static readonly ImportOptions Wide = new() { MaxFileBytes = 256L << 20, MaxUncompressedBytes = 1L << 30, MaxCells = 2_000_000 };

    public static async Task<string> RunAsync()
    {
        var small = await MeasureAsync(Rows);
        var large = await MeasureAsync(2 * Rows);
        var ratio = large.Median / small.Median;

        var report = new StringBuilder().AppendLine(CultureInfo.InvariantCulture, $"## Import dry run of {Rows:N0} and {2 * Rows:N0} rows").AppendLine();
        report.AppendLine(CultureInfo.InvariantCulture, $"Measured on {DateTime.UtcNow:dd/MM/yyyy HH:mm} (UTC) on {RuntimeInformation.OSDescription}, {Environment.ProcessorCount} logical cores ({MachineInfo.CpuModel()}), {MachineInfo.MemoryGiB():0.#} GiB, {RuntimeInformation.FrameworkDescription}, by `dotnet run -c Release --project bench/LicenseAllocation.Benchmarks -- --import --write docs/benchmarks.md`.")
            .AppendLine()
            .AppendLine("`ImportService.PreviewAsync` (the dry run of the page and of `POST /api/v1/plans/{id}/imports?dryRun=true`) on a filled template of the first district of a generated plan (`SyntheticPlan`), in a SQLite file; every row raises its unit by one.")
            .AppendLine(CultureInfo.InvariantCulture, $"The package limits are widened for the run (`Imports:MaxCells` {Wide.MaxCells:N0}): the portal's own stop such files before they are read. One warm-up run, then the median of {Runs} runs. The CPU is shared with other builds, so figures are noisy.")
            .AppendLine()
            .AppendLine("| Rows | File | Changes | Refused rows | Median | Slowest |")
            .AppendLine("| ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var m in new[] { small, large })
        {
            report.AppendLine(CultureInfo.InvariantCulture, $"| {m.Rows:N0} | {m.FileBytes / (1024.0 * 1024):0.0} MB | {m.Changes:N0} | {m.Refused:N0} | {m.Median:0} ms | {m.Slowest:0} ms |");
        }

        report.AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"Time for {2 * Rows:N0} rows ÷ time for {Rows:N0} rows: **{ratio:0.00}** (required under {Limit:0.0}; a cost growing with the square of the rows gives about 4). The security review measured 2.1 s for 40,000 rows and 8.8 s for 80,000 (ratio 4.2) before the rows of each unit and of each sheet row were indexed.")
            .AppendLine();
        return report.ToString();
    }

    private static async Task<Measurement> MeasureAsync(int rows)
    {
        await using var database = await SqliteTestDatabase.CreateAsync(seed: false);
        var planId = await SyntheticPlan.CreateAsync(database.Factory, rows + 2_000, largeDistrictChildren: rows);
        int district;
        await using (var db = await database.Factory.CreateDbContextAsync())
        {
            district = await db.Units.Where(u => u.Name == "Huyện số 1").Select(u => u.Id).SingleAsync();
        }

        var template = (await new TemplateQuery(database.Factory).GetAsync(Admin, planId, district)).Value
            ?? throw new InvalidOperationException("The large district has no template.");
        var filled = template with { Rows = [.. template.Rows.Select(r => r with { Quantity = r.Quantity + 1 })] };
        using var output = new MemoryStream();
        TemplateWorkbook.Write(filled, output);
        var file = output.ToArray();

        var service = new ImportService(database.Factory, new QuantityBatchService(database.Factory, TimeProvider.System), new NeedService(database.Factory, TimeProvider.System), Options.Create(Wide));
        var request = new ImportRequest(planId, file, district);
        var report = await service.PreviewAsync(Admin, request);
        if (report.Changes.Count + report.Errors.Count == 0)
        {
            throw new InvalidOperationException("The dry run read no row: " + string.Join(", ", report.Errors.Select(e => e.ApiCode)));
        }

        var times = new List<double>();
        for (var run = 0; run < Runs; run++)
        {
            var clock = Stopwatch.StartNew();
            await service.PreviewAsync(Admin, request);
            times.Add(clock.Elapsed.TotalMilliseconds);
        }

        return new Measurement(rows, file.Length, report.Changes.Count, report.Errors.Count, Stats.Median([.. times]), times.Max());
    }

    private sealed record Measurement(int Rows, long FileBytes, int Changes, int Refused, double Median, double Slowest);
}
