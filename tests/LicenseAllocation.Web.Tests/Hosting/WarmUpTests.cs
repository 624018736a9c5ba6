using LicenseAllocation.Application.Allocations;
using LicenseAllocation.Application.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace LicenseAllocation.Web.Tests.Hosting;

/// <summary>The portal reads what the first officers open before it listens, so the first search costs what any other does.</summary>
public sealed class WarmUpTests
{
    [Fact]
    public async Task A_started_portal_already_holds_the_search_snapshot_of_the_2020_plan()
    {
        await using var portal = new PortalFactory();
        using var client = portal.CreateClient();

        portal.Services.GetRequiredService<PlanTreeSnapshots>().HeldPlanIds.ShouldBe([1], "no request has searched yet");
    }

    [Fact]
    public async Task Warming_up_checks_an_edit_yet_writes_and_audits_nothing()
    {
        await using var portal = new PortalFactory();
        using var client = portal.CreateClient();

        await using var db = await portal.Services.GetRequiredService<IDbContextFactory<AllocationDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken);
        // A change written by the warm-up would be audited under its name, in the same transaction.
        (await db.AuditEntries.CountAsync(e => e.Actor == "warm-up", TestContext.Current.CancellationToken)).ShouldBe(0);
    }
}
