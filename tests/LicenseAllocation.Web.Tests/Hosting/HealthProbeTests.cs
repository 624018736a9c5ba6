using System.Net;
using System.Net.Http.Json;
using LicenseAllocation.Application.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace LicenseAllocation.Web.Tests.Hosting;

/// <summary><c>/healthz/live</c> answers while the process runs; <c>/healthz/ready</c> only when the database is at this build's schema.</summary>
public sealed class HealthProbeTests : IDisposable
{
    private readonly PortalFactory _portal = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_started_portal_is_live_and_ready()
    {
        using var client = _portal.CreateClient();

        (await client.GetFromJsonAsync<Probe>("/healthz/live", Ct))!.Status.ShouldBe("live");
        (await client.GetFromJsonAsync<Probe>("/healthz/ready", Ct))!.Status.ShouldBe("ready");
        (await client.GetAsync(new Uri("/healthz", UriKind.Relative), Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_database_behind_the_build_schema_is_not_ready_but_the_process_is_live()
    {
        using var client = _portal.CreateClient();
        await using (var db = await _portal.Services.GetRequiredService<IDbContextFactory<AllocationDbContext>>().CreateDbContextAsync(Ct))
        {
            var last = (await db.Database.GetAppliedMigrationsAsync(Ct)).Last();
            await db.Database.ExecuteSqlAsync($"DELETE FROM \"__EFMigrationsHistory\" WHERE \"MigrationId\" = {last}", Ct);
        }

        using var ready = await client.GetAsync(new Uri("/healthz/ready", UriKind.Relative), Ct);

        ready.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        (await ready.Content.ReadFromJsonAsync<Probe>(Ct))!.Problem.ShouldBe("migrations-pending");
        (await client.GetAsync(new Uri("/healthz/live", UriKind.Relative), Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    public void Dispose() => _portal.Dispose();

    private sealed record Probe(string Status, string? Problem);
}
