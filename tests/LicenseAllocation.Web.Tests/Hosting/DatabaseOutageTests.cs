using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using LicenseAllocation.Application.Data;
using LicenseAllocation.Domain.Units;
using LicenseAllocation.Migrations.PostgreSql;
using LicenseAllocation.Testing;
using LicenseAllocation.Web.Tests.Api;
using Microsoft.EntityFrameworkCore;
using Shouldly;

namespace LicenseAllocation.Web.Tests.Hosting;

/// <summary>
/// A PostgreSQL server stopped and started again under a portal taking edits: while it is down every answer is a 503
/// <c>database-unavailable</c> (never a 500), nothing is half-written, and the portal serves again by itself once the
/// server is back. The cluster is this class's own, so stopping it disturbs no other test.
/// </summary>
public sealed class DatabaseOutageTests
{
    private const int Writers = 4;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Edits_during_a_PostgreSQL_outage_get_503_database_unavailable_and_the_portal_recovers_when_it_returns()
    {
        await using var cluster = new PostgresCluster();
        var connectionString = await cluster.CreateDatabaseAsync(Ct);
        using var portal = new PortalFactory { Provider = "PostgreSql", ConnectionString = connectionString };
        using var client = await portal.CreateAdminClientAsync();
        var units = await UnitsWithRoomAsync(client);

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var answers = new System.Collections.Concurrent.ConcurrentBag<(HttpStatusCode Status, string? Code)>();
        var writers = units.Take(Writers).Select(unit => Task.Run(() => WriteUntilStoppedAsync(client, unit, answers, stop.Token), Ct)).ToList();

        await WaitForAsync(() => answers.Count(a => a.Status == HttpStatusCode.OK) >= Writers * 3, "edits before the outage", answers);
        cluster.Stop();
        await WaitForAsync(() => answers.Count(a => a.Status == HttpStatusCode.ServiceUnavailable) >= Writers * 3, "refusals during the outage", answers);
        using (var ready = await client.GetAsync(new Uri("/healthz/ready", UriKind.Relative), Ct))
        {
            ready.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        }

        var okBeforeRestart = answers.Count(a => a.Status == HttpStatusCode.OK);
        cluster.Start();
        await WaitForAsync(() => answers.Count(a => a.Status == HttpStatusCode.OK) >= okBeforeRestart + (Writers * 3), "edits after the server returned", answers);
        await stop.CancelAsync();
        await Task.WhenAll(writers);

        answers.Where(a => a.Status != HttpStatusCode.OK)
            .ShouldAllBe(a => a.Status == HttpStatusCode.ServiceUnavailable && a.Code == "database-unavailable");
        (await client.GetAsync(new Uri("/healthz/ready", UriKind.Relative), Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        // Nothing half-written: every figure is the replay of the audit trail, whose chain is intact.
        var factory = Factory(connectionString);
        await AuditChainCheck.ShouldBeIntactAsync(factory, Ct);
        var stored = await StoredPlan.LoadAsync(factory, Ct);
        var replayed = stored.Replay();
        foreach (var node in stored.Nodes)
        {
            replayed[node.UnitId].Quantity.ShouldBe(node.Quantity, $"unit {node.UnitId}");
            node.HandedOn.ShouldBe(stored.Nodes.Where(n => n.ParentUnitId == node.UnitId).Sum(n => n.Quantity), $"unit {node.UnitId}");
        }
    }

    [Fact]
    public async Task An_outage_answer_is_in_the_callers_language_and_says_when_to_try_again()
    {
        await using var cluster = new PostgresCluster();
        using var portal = new PortalFactory { Provider = "PostgreSql", ConnectionString = await cluster.CreateDatabaseAsync(Ct) };
        using var client = await portal.CreateAdminClientAsync();
        cluster.Stop();

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/plans");
        request.Headers.AcceptLanguage.ParseAdd("en-US");
        using var response = await client.SendAsync(request, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        response.Headers.RetryAfter!.Delta.ShouldBe(TimeSpan.FromSeconds(5));
        var problem = (await response.Content.ReadFromJsonAsync<ProblemJson>(Ct))!;
        problem.Code.ShouldBe("database-unavailable");
        problem.Detail.ShouldStartWith("The database is not answering for the moment, so nothing was saved");
    }

    private static async Task WriteUntilStoppedAsync(
        HttpClient client, UnitJson unit, System.Collections.Concurrent.ConcurrentBag<(HttpStatusCode, string?)> answers, CancellationToken stop)
    {
        for (var i = 0; !stop.IsCancellationRequested; i++)
        {
            // Between its quantity and one less: always within its parent's share, never below what it handed on.
            var quantity = unit.Quantity - (i % 2);
            try
            {
                using var response = await client.PutAsJsonAsync(
                    $"/api/v1/plans/1/units/{unit.UnitId}/quantity", new { quantity, reason = "Kiểm tra khi cơ sở dữ liệu dừng" }, stop);
                var code = response.StatusCode == HttpStatusCode.OK ? null : (await response.Content.ReadFromJsonAsync<ProblemJson>(stop))?.Code;
                answers.Add((response.StatusCode, code));
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }

            await Task.Delay(20, CancellationToken.None);
        }
    }

    private static async Task<List<UnitJson>> UnitsWithRoomAsync(HttpClient client)
    {
        var units = (await client.GetFromJsonAsync<UnitJson[]>("/api/v1/plans/1/units", Ct))!;
        return [.. units.Where(u => u.Kind != nameof(UnitKind.Province) && u.Quantity > u.HandedOn)];
    }

    private static async Task WaitForAsync(Func<bool> condition, string what, System.Collections.Concurrent.ConcurrentBag<(HttpStatusCode Status, string? Code)> answers)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            clock.Elapsed.ShouldBeLessThan(
                TimeSpan.FromSeconds(60),
                $"waiting for {what}; answers so far: {string.Join(", ", answers.GroupBy(a => a).Select(g => $"{g.Key.Status} {g.Key.Code} × {g.Count()}"))}");
            await Task.Delay(50, Ct);
        }
    }

    private static TestContextFactory Factory(string connectionString)
    {
        var options = new DbContextOptionsBuilder<AllocationDbContext>();
        PostgreSqlDatabase.Configure(options, connectionString);
        return new TestContextFactory(options.Options);
    }
}
