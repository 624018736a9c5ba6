using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Allocations;
using LicenseAllocation.Application.Identity;
using LicenseAllocation.Domain.Units;
using LicenseAllocation.Testing;
using Microsoft.EntityFrameworkCore;

namespace LicenseAllocation.Benchmarks;

/// <summary>Accepted quantity changes per second on the default SQLite file with 8 writers at once.</summary>
internal static class EditThroughput
{
    private const int Writers = 8;
    private const int EditsPerWriter = 250;
    private static readonly Caller Admin = new("bench", PortalRole.ProvinceAdmin);

    public static async Task<string> RunAsync()
    {
        var report = new StringBuilder("## Edit throughput on SQLite, 8 parallel writers\n\n");
        report.AppendLine("Each edit is one `QuantityService.ChangeAsync`: its own context, transaction, two conditional updates and an audit row, on a WAL-mode SQLite file.\n");
        report.AppendLine("| Scenario | Edits | Accepted | Refused | Wall time | Accepted/s | p50 latency | p95 latency |");
        report.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        report.AppendLine(await ScenarioAsync("Siblings under the province (room for all)", contended: false));
        report.AppendLine(await ScenarioAsync("Communes of one district, quota 300 (many refusals)", contended: true));
        return report.AppendLine().ToString();
    }

    private static async Task<string> ScenarioAsync(string name, bool contended)
    {
        await using var database = await SqliteTestDatabase.CreateAsync();
        var service = new QuantityService(database.Factory, TimeProvider.System);
        int[] targets;
        await using (var db = await database.Factory.CreateDbContextAsync())
        {
            var rootId = await db.Units.Where(u => u.Kind == UnitKind.Province).Select(u => u.Id).SingleAsync();
            var district = await db.Units.Where(u => u.Code == "866").Select(u => u.Id).SingleAsync();
            await MustAsync(service, rootId, 1_000_000);
            await MustAsync(service, district, 300);
            targets = contended
                ? await db.Units.Where(u => u.ParentId == district).Select(u => u.Id).ToArrayAsync()
                : await db.Units.Where(u => u.Kind == UnitKind.ProvincialAgency).Select(u => u.Id).ToArrayAsync();
        }

        var latencies = new ConcurrentBag<double>();
        var accepted = 0;
        var refused = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Writers).Select(writer => Task.Run(async () =>
        {
            var random = new Random(writer);
            for (var i = 0; i < EditsPerWriter; i++)
            {
                var unit = targets[(writer + (i * Writers)) % targets.Length];
                var started = Stopwatch.GetTimestamp();
                var outcome = await service.ChangeAsync(Admin, new ChangeQuantity(1, unit, random.Next(0, 60), "Đo hiệu năng"));
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                _ = outcome.Succeeded ? Interlocked.Increment(ref accepted) : Interlocked.Increment(ref refused);
            }
        })));
        clock.Stop();

        var all = latencies.ToList();
        return string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {Writers * EditsPerWriter} | {accepted} | {refused} | {clock.Elapsed.TotalSeconds:0.00} s | {accepted / clock.Elapsed.TotalSeconds:0} | {Stats.Median(all):0.0} ms | {Stats.Percentile(all, 0.95):0.0} ms |");
    }

    private static async Task MustAsync(QuantityService service, int unitId, int quantity)
    {
        var outcome = await service.ChangeAsync(Admin, new ChangeQuantity(1, unitId, quantity, "Chuẩn bị đo"));
        if (!outcome.Succeeded)
        {
            throw new InvalidOperationException($"Set-up change refused: {outcome.Error}");
        }
    }
}
