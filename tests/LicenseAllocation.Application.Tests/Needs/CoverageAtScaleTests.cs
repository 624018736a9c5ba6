using System.Diagnostics;
using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Identity;
using LicenseAllocation.Application.Needs;
using LicenseAllocation.Testing;
using Microsoft.EntityFrameworkCore;
using Shouldly;

namespace LicenseAllocation.Application.Tests.Needs;

/// <summary>The coverage of a 20.000-unit plan is summed by the database and agrees with the plan's own figures.</summary>
public sealed class CoverageAtScaleTests
{
    [Fact]
    public async Task The_coverage_of_twenty_thousand_units_adds_up_to_the_plans_total()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await SqliteTestDatabase.CreateAsync(seed: false);
        var planId = await SyntheticPlan.CreateAsync(database.Factory, 20_000, ct);
        await using (var db = await database.Factory.CreateDbContextAsync(ct))
        {
            var units = await db.Nodes.Where(n => n.PlanId == planId).Select(n => n.UnitId).ToListAsync(ct);
            db.UnitNeeds.AddRange(units.Select((u, i) => Domain.Needs.UnitNeed.State(planId, u, i % 7, "admin", DateTime.UtcNow)));
            await db.SaveChangesAsync(ct);
        }

        var query = new CoverageQuery(database.Factory);
        var admin = new Caller("admin", PortalRole.ProvinceAdmin);
        await query.GetAsync(admin, planId, cancellationToken: ct);
        var watch = Stopwatch.StartNew();
        var report = (await query.GetAsync(admin, planId, cancellationToken: ct)).Value.ShouldNotBeNull();
        watch.Stop();
        TestContext.Current.SendDiagnosticMessage($"Coverage of {report.Items.Count} units: {watch.ElapsedMilliseconds} ms");

        report.Items.Count.ShouldBe(20_000);
        await using var check = await database.Factory.CreateDbContextAsync(ct);
        var root = await check.Nodes.Where(n => n.PlanId == planId).OrderBy(n => n.Id).FirstAsync(ct);
        report.Total.Allocated.ShouldBe(root.Quantity);
        report.Items.Sum(i => i.Own.Allocated).ShouldBe(root.Quantity);
        report.Total.Need.ShouldBe(Enumerable.Range(0, 20_000).Sum(i => i % 7));
        report.Items.Sum(i => i.Own.Need).ShouldBe(report.Total.Need);
        watch.ElapsedMilliseconds.ShouldBeLessThan(30_000);
    }
}
