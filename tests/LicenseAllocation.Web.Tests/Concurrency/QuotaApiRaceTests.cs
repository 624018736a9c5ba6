using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using LicenseAllocation.Application.Data;
using LicenseAllocation.Application.Identity;
using LicenseAllocation.Domain.Auditing;
using LicenseAllocation.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace LicenseAllocation.Web.Tests.Concurrency;

/// <summary>
/// Two officers of one district and the province administrator change quotas under that district at the same moment,
/// through the API: the district never hands on more than it holds, every success has its audit row, refusals leave
/// nothing, and replaying the trail gives the stored figures.
/// </summary>
public abstract class QuotaApiRaceTests : IAsyncLifetime
{
    private const string OfficerPassword = "cán bộ thành phố Cao Lãnh";
    private const int PerCaller = 12;

    private PortalFactory _portal = default!;
    private IAsyncDisposable? _database;
    private int _district;
    private int[] _communes = [];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The portal over an empty database of the provider under test, and that database to drop afterwards.</summary>
    protected abstract Task<(PortalFactory Portal, IAsyncDisposable? Database)> CreatePortalAsync();

    public async ValueTask InitializeAsync()
    {
        (_portal, _database) = await CreatePortalAsync();
        await using var scope = _portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AllocationDbContext>();
        _district = await db.Units.Where(u => u.Code == "866").Select(u => u.Id).SingleAsync(Ct);
        _communes = await db.Units.Where(u => u.ParentId == _district).Select(u => u.Id).ToArrayAsync(Ct);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        foreach (var name in new[] { "officer-a", "officer-b" })
        {
            var officer = new PortalUser { UserName = name, ScopeUnitId = _district };
            (await users.CreateAsync(officer, OfficerPassword)).Succeeded.ShouldBeTrue();
            (await users.AddToRoleAsync(officer, nameof(PortalRole.DistrictOfficer))).Succeeded.ShouldBeTrue();
        }

        using var admin = await _portal.CreateAdminClientAsync();
        (await admin.PutAsJsonAsync($"/api/v1/plans/1/units/{_district}/quantity", new { quantity = 200, reason = "Giao cho thành phố" }, Ct))
            .EnsureSuccessStatusCode();
    }

    public async ValueTask DisposeAsync()
    {
        await _portal.DisposeAsync();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task Officers_and_the_province_racing_under_one_district_never_break_its_quota()
    {
        var clients = new[]
        {
            await ClientAsync("officer-a", OfficerPassword),
            await ClientAsync("officer-b", OfficerPassword),
            await ClientAsync("admin", PortalFactory.AdminPassword),
        };

        // Every request asks for a value no other request asks for, so every accepted one changes something.
        var requests = new List<(HttpClient Client, int UnitId, int Quantity, string Reason)>();
        for (var i = 0; i < PerCaller; i++)
        {
            requests.Add((clients[0], _communes[i % _communes.Length], 1 + (2 * i), $"A-{i}"));
            requests.Add((clients[1], _communes[(i + 5) % _communes.Length], 2 + (2 * i), $"B-{i}"));
            requests.Add((clients[2], i % 2 == 0 ? _district : _communes[(i + 9) % _communes.Length], i % 2 == 0 ? 60 + (13 * i) : 100 + i, $"P-{i}"));
        }

        using var start = new SemaphoreSlim(0);
        var running = requests.Select(r => Task.Run(async () =>
        {
            await start.WaitAsync(Ct);
            using var response = await r.Client.PutAsJsonAsync(
                $"/api/v1/plans/1/units/{r.UnitId}/quantity", new { quantity = r.Quantity, reason = r.Reason }, Ct);
            return (r.Reason, response.StatusCode);
        }, Ct)).ToList();
        start.Release(requests.Count);
        var results = await Task.WhenAll(running);

        results.Length.ShouldBeGreaterThanOrEqualTo(32);
        results.ShouldAllBe(r => r.StatusCode == HttpStatusCode.OK || r.StatusCode == HttpStatusCode.Conflict);
        var succeeded = results.Where(r => r.StatusCode == HttpStatusCode.OK).Select(r => r.Reason).ToHashSet();
        succeeded.ShouldNotBeEmpty();
        succeeded.Count.ShouldBeLessThan(results.Length);

        var stored = await StoredPlan.LoadAsync(_portal.Services.GetRequiredService<IDbContextFactory<AllocationDbContext>>(), Ct);
        stored.Tree().FindViolations().ShouldBeEmpty();
        stored[_district].HandedOn.ShouldBeLessThanOrEqualTo(stored[_district].Quantity);
        var raceReasons = requests.Select(r => r.Reason).ToHashSet();
        var raceRows = stored.Audit.Where(a => a.Action == AuditAction.QuantityChanged && raceReasons.Contains(a.Reason)).ToList();
        raceRows.Select(a => a.Reason).Order().ShouldBe(succeeded.Order());
        var replayed = stored.Replay();
        stored.Nodes.ShouldAllBe(n => replayed[n.UnitId].Quantity == n.Quantity && replayed[n.UnitId].HandedOn == n.HandedOn);
        await AuditChainCheck.ShouldBeIntactAsync(_portal.Services.GetRequiredService<IDbContextFactory<AllocationDbContext>>(), Ct);
        TestContext.Current.TestOutputHelper?.WriteLine($"{GetType().Name}: {succeeded.Count} accepted, {results.Length - succeeded.Count} refused of {results.Length}.");
    }

    private async Task<HttpClient> ClientAsync(string userName, string password)
    {
        var client = _portal.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await _portal.TokenAsync(userName, password));
        return client;
    }
}

public sealed class SqliteQuotaApiRaceTests : QuotaApiRaceTests
{
    protected override Task<(PortalFactory Portal, IAsyncDisposable? Database)> CreatePortalAsync() =>
        Task.FromResult<(PortalFactory, IAsyncDisposable?)>((new PortalFactory(), null));
}

public sealed class PostgresQuotaApiRaceTests(PostgresCluster cluster) : QuotaApiRaceTests
{
    // An empty database: the portal migrates and seeds it on start, as in production.
    protected override async Task<(PortalFactory Portal, IAsyncDisposable? Database)> CreatePortalAsync()
    {
        var database = await PostgresTestDatabase.CreateUnmigratedAsync(cluster, TestContext.Current.CancellationToken);
        return (new PortalFactory { Provider = "PostgreSql", ConnectionString = database.ConnectionString }, database);
    }
}
