using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Allocations;
using LicenseAllocation.Application.Data;
using LicenseAllocation.Application.Identity;
using LicenseAllocation.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace LicenseAllocation.Benchmarks;

/// <summary>
/// The write path against the database's own rate, in one run: the statements of one quantity change written by hand
/// in raw SQL (claim and read the commune, its conditional update, the district's conditional update, the plan row
/// held, the chain head locked and read, the audit row, the head moved, commit) by 8 connections, and the same change
/// through the portal's API (<c>PUT /api/v1/plans/1/units/{id}/quantity</c>) by 8 HTTP clients, each on SQLite (a WAL
/// file, the portal's settings) and on a throwaway PostgreSQL cluster. The edits are of the communes of one district
/// (Cao Lãnh city), given room enough that none is refused.
/// </summary>
internal static class WritePath
{
    public const string Flag = "--write-path";
    public const string ShortFlag = "--short";
    public const string Title = "Write path: raw SQL and the portal over HTTP, 8 clients";
    private const int Clients = 8;
    private const int DistrictQuota = 100_000;
    private const string Reason = "Đo đường ghi";
    private const string AdminPassword = "đo đường ghi của cổng";

    private sealed record Figures(int Transactions, TimeSpan Elapsed, List<double> Latencies)
    {
        public double PerSecond => Transactions / Elapsed.TotalSeconds;
    }

    /// <summary>
    /// Runs both providers and returns the section; <paramref name="quick"/> measures for 2 s after 1 s of warm-up (CI),
    /// else 15 s after 5 s, or after <paramref name="warmUpFor"/> when given.
    /// </summary>
    public static async Task<string> RunAsync(bool quick, string label, TimeSpan? warmUpFor = null)
    {
        var warmUp = warmUpFor ?? TimeSpan.FromSeconds(quick ? 1 : 5);
        var measure = TimeSpan.FromSeconds(quick ? 2 : 15);
        var rows = new List<string>();
        var sqlite = await SqliteAsync(warmUp, measure);
        rows.Add(Row("SQLite (WAL, synchronous=FULL)", sqlite.Raw, sqlite.Portal));
        await using (var cluster = new PostgresCluster())
        {
            var postgres = await PostgresAsync(cluster, warmUp, measure);
            rows.Add(Row("PostgreSQL (throwaway cluster, fsync off)", postgres.Raw, postgres.Portal));
        }

        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"## {Title} ({label})").AppendLine();
        report.AppendLine(CultureInfo.InvariantCulture,
            $"Measured on {DateTime.UtcNow:dd/MM/yyyy HH:mm} (UTC) on {RuntimeInformation.OSDescription}, {Environment.ProcessorCount} logical cores ({MachineInfo.CpuModel()}), .NET {Environment.Version}, load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]} at the end, by `dotnet run -c Release --project bench/LicenseAllocation.Benchmarks -- {Flag}{(quick ? " " + ShortFlag : string.Empty)}{(warmUpFor is null ? string.Empty : $" --warm-up {warmUp.TotalSeconds:0}")}`: {warmUp.TotalSeconds:0} s of warm-up, then {measure.TotalSeconds:0} s measured, {Clients} clients at once, every edit a commune of Cao Lãnh city (room for all).").AppendLine();
        report.AppendLine("Raw SQL is the same transaction written by hand over ADO.NET (one connection per client, no EF, no HTTP). The portal is the built portal as its own process (Production, Serilog at Warning), called over HTTP with a bearer token. The machine's 2 cores are shared by the clients, the portal, the database and other builds, so the figures are noisy; the ratio is the measure.").AppendLine();
        report.AppendLine("| Database | Raw SQL tx/s | Portal edits/s | Portal / raw | Portal p50 | Portal p95 | Raw p95 |");
        report.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var row in rows)
        {
            report.AppendLine(row);
        }

        return report.ToString();
    }

    private static string Row(string database, Figures raw, Figures portal) => string.Create(CultureInfo.InvariantCulture,
        $"| {database} | {raw.PerSecond:0} | {portal.PerSecond:0} | {portal.PerSecond / raw.PerSecond:0%} | {Stats.Median(portal.Latencies):0.0} ms | {Stats.Percentile(portal.Latencies, 0.95):0.0} ms | {Stats.Percentile(raw.Latencies, 0.95):0.0} ms |");

    private static async Task<(Figures Raw, Figures Portal)> SqliteAsync(TimeSpan warmUp, TimeSpan measure)
    {
        Figures raw;
        await using (var database = await SqliteTestDatabase.CreateAsync())
        {
            await using var db = await database.Factory.CreateDbContextAsync();
            var builder = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()) { Pooling = true, DefaultTimeout = 30 };
            var targets = await PrepareAsync(database.Factory);
            raw = await RawAsync(() => new SqliteConnection(builder.ToString()), targets, warmUp, measure);
        }

        var directory = Path.Combine(Path.GetTempPath(), "la-bench-write", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            var portal = await PortalAsync(LicenseAllocation.Testing.PortalProcess.SqliteSettings(directory, AdminPassword), warmUp, measure);
            return (raw, portal);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task<(Figures Raw, Figures Portal)> PostgresAsync(PostgresCluster cluster, TimeSpan warmUp, TimeSpan measure)
    {
        Figures raw;
        await using (var database = await PostgresTestDatabase.CreateAsync(cluster))
        {
            var targets = await PrepareAsync(database.Factory);
            raw = await RawAsync(() => new NpgsqlConnection(database.ConnectionString), targets, warmUp, measure);
        }

        var directory = Path.Combine(Path.GetTempPath(), "la-bench-write", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var connectionString = await cluster.CreateDatabaseAsync();
        try
        {
            var portal = await PortalAsync(
                new Dictionary<string, string>
                {
                    ["Database:Provider"] = "PostgreSql",
                    ["ConnectionStrings:Default"] = connectionString,
                    ["DataProtection:KeysPath"] = Path.Combine(directory, "keys"),
                    ["Audit:SealKeyPath"] = Path.Combine(directory, "audit-seal.keys"),
                    ["Bootstrap:AdminPassword"] = AdminPassword,
                },
                warmUp,
                measure);
            return (raw, portal);
        }
        finally
        {
            await cluster.DropDatabaseAsync(connectionString);
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>Gives the root and Cao Lãnh room through the service, returns (commune node, district node) pairs.</summary>
    private static async Task<(long Node, long Parent)[]> PrepareAsync(IDbContextFactory<AllocationDbContext> factory)
    {
        var admin = new Caller("bench", PortalRole.ProvinceAdmin);
        var service = new QuantityService(factory, TimeProvider.System);
        await using var db = await factory.CreateDbContextAsync();
        var district = await db.Units.Where(u => u.Code == "866").Select(u => u.Id).SingleAsync();
        var parents = await db.Units.ToDictionaryAsync(u => u.Id, u => u.ParentId);
        foreach (var (unit, quantity) in Room(district, parents))
        {
            var outcome = await service.ChangeAsync(admin, new ChangeQuantity(1, unit, quantity, "Chuẩn bị đo"));
            if (!outcome.Succeeded)
            {
                throw new InvalidOperationException($"The set-up change was refused: {outcome.Error}");
            }
        }

        var parent = await db.Nodes.Where(n => n.PlanId == 1 && n.UnitId == district).Select(n => n.Id).SingleAsync();
        return await (from n in db.Nodes
                      join u in db.Units on n.UnitId equals u.Id
                      where n.PlanId == 1 && u.ParentId == district
                      select new ValueTuple<long, long>(n.Id, parent)).ToArrayAsync();
    }

    /// <summary>The district and its ancestors with the quantities that give the district <see cref="DistrictQuota"/>, the root first.</summary>
    private static List<(int Unit, int Quantity)> Room(int district, Dictionary<int, int?> parents)
    {
        var chain = new List<int> { district };
        while (parents[chain[^1]] is { } parent)
        {
            chain.Add(parent);
        }

        chain.Reverse();
        return [.. chain.Select((unit, depth) => (unit, DistrictQuota * (chain.Count - depth)))];
    }

    private static async Task<Figures> RawAsync(Func<DbConnection> connect, (long Node, long Parent)[] targets, TimeSpan warmUp, TimeSpan measure) =>
        await DriveAsync(
            async () =>
            {
                var connection = connect();
                await connection.OpenAsync();
                return connection;
            },
            async (connection, random) =>
            {
                var (node, parent) = targets[random.Next(targets.Length)];
                await RawEditAsync(connection, node, parent, random.Next(1, 60));
                return true;
            },
            warmUp,
            measure);

    /// <summary>One quantity change as the portal's statements make it, by hand.</summary>
    private static async Task RawEditAsync(DbConnection connection, long node, long parent, int quantity)
    {
        await using var transaction = await connection.BeginTransactionAsync();
        await ExecuteAsync(connection, transaction, "UPDATE \"AllocationNodes\" SET \"Version\" = \"Version\" WHERE \"Id\" = @node", ("node", node));
        int old, version;
        await using (var read = Command(connection, transaction, "SELECT \"Quantity\", \"Version\" FROM \"AllocationNodes\" WHERE \"Id\" = @node", ("node", node)))
        await using (var reader = await read.ExecuteReaderAsync())
        {
            await reader.ReadAsync();
            old = reader.GetInt32(0);
            version = reader.GetInt32(1);
        }

        await ExecuteAsync(connection, transaction,
            "UPDATE \"AllocationNodes\" SET \"Quantity\" = @quantity, \"Version\" = \"Version\" + 1 WHERE \"Id\" = @node AND \"Quantity\" = @old AND \"Version\" = @version AND \"HandedOn\" <= @quantity",
            ("quantity", quantity), ("node", node), ("old", old), ("version", version));
        await ExecuteAsync(connection, transaction,
            "UPDATE \"AllocationNodes\" SET \"HandedOn\" = \"HandedOn\" + @delta WHERE \"Id\" = @parent AND \"HandedOn\" + @delta <= \"Quantity\" AND \"HandedOn\" + @delta >= 0 AND NOT \"LevelFrozen\"",
            ("delta", quantity - old), ("parent", parent));
        await ExecuteAsync(connection, transaction, "UPDATE \"Plans\" SET \"Status\" = \"Status\" WHERE \"Id\" = 1");
        await ExecuteAsync(connection, transaction, "UPDATE \"AuditChainHead\" SET \"Sequence\" = \"Sequence\" WHERE \"Id\" = 1");
        long sequence;
        string last;
        await using (var head = Command(connection, transaction, "SELECT \"Sequence\", \"LastHash\" FROM \"AuditChainHead\" WHERE \"Id\" = 1"))
        await using (var reader = await head.ExecuteReaderAsync())
        {
            await reader.ReadAsync();
            sequence = reader.GetInt64(0) + 1;
            last = reader.GetString(1);
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{sequence}|{last}|{node}|{old}|{quantity}"))));
        await ExecuteAsync(connection, transaction,
            "INSERT INTO \"AuditEntries\" (\"Sequence\", \"PlanId\", \"UnitId\", \"Actor\", \"AtUtc\", \"Action\", \"OldValue\", \"NewValue\", \"Reason\", \"ChangeSetId\", \"PreviousHash\", \"Hash\") "
            + "VALUES (@sequence, 1, NULL, 'bench', @at, 'QuantityChanged', @old, @quantity, @reason, @changeSet, @last, @hash)",
            ("sequence", sequence), ("at", DateTime.UtcNow), ("old", old), ("quantity", quantity), ("reason", Reason), ("changeSet", Guid.NewGuid()), ("last", last), ("hash", hash));
        await ExecuteAsync(connection, transaction, "UPDATE \"AuditChainHead\" SET \"Sequence\" = @sequence, \"LastHash\" = @hash WHERE \"Id\" = 1", ("sequence", sequence), ("hash", hash));
        await transaction.CommitAsync();
    }

    private static async Task<Figures> PortalAsync(Dictionary<string, string> settings, TimeSpan warmUp, TimeSpan measure)
    {
        settings["RateLimits:WritesPerUser:PermitLimit"] = "10000000";
        settings["Serilog:MinimumLevel:Default"] = "Warning";
        await using var portal = await LicenseAllocation.Testing.PortalProcess.StartAsync(settings);
        using var admin = await portal.SignedInClientAsync("admin", AdminPassword);
        var units = (await admin.GetFromJsonAsync<UnitJson[]>("/api/v1/plans/1/units"))!;
        var district = units.Single(u => u.Code == "866").UnitId;
        foreach (var (unit, quantity) in Room(district, units.ToDictionary(u => u.UnitId, u => u.ParentUnitId)))
        {
            (await admin.PutAsJsonAsync($"/api/v1/plans/1/units/{unit}/quantity", new { quantity, reason = "Chuẩn bị đo" })).EnsureSuccessStatusCode();
        }

        var communes = units.Where(u => u.ParentUnitId == district).Select(u => u.UnitId).ToArray();
        var token = admin.DefaultRequestHeaders.Authorization!;
        return await DriveAsync(
            () => Task.FromResult(new HttpClient { BaseAddress = portal.BaseAddress, DefaultRequestHeaders = { Authorization = token } }),
            async (client, random) =>
            {
                using var response = await client.PutAsJsonAsync(
                    $"/api/v1/plans/1/units/{communes[random.Next(communes.Length)]}/quantity", new { quantity = random.Next(1, 60), reason = Reason });
                return response.StatusCode == HttpStatusCode.OK
                    ? true
                    : throw new InvalidOperationException($"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            },
            warmUp,
            measure);
    }

    /// <summary>
    /// <see cref="Clients"/> loops of <paramref name="edit"/>, each over a resource of its own; those that end inside the
    /// measured window after the warm-up are counted, with their latencies.
    /// </summary>
    private static async Task<Figures> DriveAsync<TClient>(
        Func<Task<TClient>> open, Func<TClient, Random, Task<bool>> edit, TimeSpan warmUp, TimeSpan measure)
        where TClient : IDisposable
    {
        var latencies = new ConcurrentBag<double>();
        var counted = 0;
        var clock = Stopwatch.StartNew();
        var end = warmUp + measure;
        await Task.WhenAll(Enumerable.Range(0, Clients).Select(i => Task.Run(async () =>
        {
            using var client = await open();
            var random = new Random(i);
            while (clock.Elapsed < end)
            {
                var started = Stopwatch.GetTimestamp();
                await edit(client, random);
                var finished = clock.Elapsed;
                if (finished > warmUp && finished <= end)
                {
                    latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    Interlocked.Increment(ref counted);
                }
            }
        })));
        return new Figures(counted, measure, [.. latencies]);
    }

    private static DbCommand Command(DbConnection connection, DbTransaction transaction, string sql, params (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }

        return command;
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction transaction, string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = Command(connection, transaction, sql, parameters);
        await command.ExecuteNonQueryAsync();
    }

    private sealed record UnitJson(int UnitId, int? ParentUnitId, string? Code);
}
