using System.Net.Http.Json;
using LicenseAllocation.Application.Data;
using LicenseAllocation.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Shouldly;

namespace LicenseAllocation.Web.Tests.Api;

/// <summary>Each test gets a portal of its own: one edits the database behind the portal's back, one runs on a clock it sets.</summary>
public sealed class AuditTamperingApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_row_edited_in_the_database_is_reported_by_verify()
    {
        await using var portal = new PortalFactory();
        using var client = await portal.CreateAdminClientAsync();
        (await client.PutAsJsonAsync("/api/v1/plans/1/units/2/quantity", new { quantity = 60, reason = "Chuyển bớt" }, Ct)).EnsureSuccessStatusCode();
        var victim = (await client.GetFromJsonAsync<AuditPageJson>("/api/v1/plans/1/audit?unitId=2", Ct))!.Items[0];

        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AllocationDbContext>();
            (await db.AuditEntries.Where(a => a.Id == victim.Id).ExecuteUpdateAsync(s => s.SetProperty(a => a.NewValue, 600), Ct)).ShouldBe(1);
        }

        var verdict = (await client.GetFromJsonAsync<AuditVerdictJson>("/api/v1/audit/verify", Ct))!;

        verdict.Valid.ShouldBeFalse();
        (verdict.FirstBrokenId, verdict.FirstBrokenSequence, verdict.Problem).ShouldBe((victim.Id, victim.Sequence, "content-changed"));
        verdict.Message.ShouldContain($"dòng nhật ký số {victim.Id}");
    }

    [Fact]
    public async Task A_chain_re_sealed_in_the_database_fails_the_portals_keyed_seals_and_loses_the_recorded_head()
    {
        await using var portal = new PortalFactory();
        using var client = await portal.CreateAdminClientAsync();
        var recorded = (await client.GetFromJsonAsync<AuditVerdictJson>("/api/v1/audit/verify", Ct))!;
        (await client.PutAsJsonAsync("/api/v1/plans/1/units/2/quantity", new { quantity = 60, reason = "Chuyển bớt" }, Ct)).EnsureSuccessStatusCode();
        var held = (await client.GetFromJsonAsync<AuditVerdictJson>($"/api/v1/audit/verify?expectHead={recorded.Head}", Ct))!;

        await using (var scope = portal.Services.CreateAsyncScope())
        {
            await AuditForgery.RewriteFromAsync(scope.ServiceProvider.GetRequiredService<IDbContextFactory<AllocationDbContext>>(), 3, "Lý do đã bị sửa", Ct);
        }

        var verdict = (await client.GetFromJsonAsync<AuditVerdictJson>($"/api/v1/audit/verify?expectHead={recorded.Head}", Ct))!;
        var invalid = await client.GetAsync("/api/v1/audit/verify?expectHead=3:abc", Ct);

        File.Exists(portal.SealKeyPath).ShouldBeTrue("the portal created its seal key on its first start");
        (held.Valid, held.KeyedSealsChecked, held.CheckpointHeld).ShouldBe((true, true, true));
        recorded.Head.ShouldBe($"{recorded.HeadSequence}:{recorded.HeadHash}");
        verdict.Valid.ShouldBeFalse();
        (verdict.Problem, verdict.FirstBrokenSequence, verdict.CheckpointHeld).ShouldBe(("seal-invalid", 3L, false));
        invalid.StatusCode.ShouldBe(System.Net.HttpStatusCode.BadRequest);
        (await invalid.Content.ReadFromJsonAsync<ProblemJson>(Ct))!.Code.ShouldBe("invalid-checkpoint");
    }

    [Fact]
    public async Task Dates_are_days_in_Vietnam_time()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2021, 1, 4, 16, 59, 59, TimeSpan.Zero));
        await using var portal = new PortalFactory { Clock = clock };
        using var client = await portal.CreateAdminClientAsync();
        (await client.PutAsJsonAsync("/api/v1/plans/1/units/2/quantity", new { quantity = 60, reason = "23:59:59 ngày 04/01" }, Ct)).EnsureSuccessStatusCode();
        clock.Advance(TimeSpan.FromSeconds(1));
        (await client.PutAsJsonAsync("/api/v1/plans/1/units/2/quantity", new { quantity = 61, reason = "00:00:00 ngày 05/01" }, Ct)).EnsureSuccessStatusCode();

        var fifth = (await client.GetFromJsonAsync<AuditPageJson>("/api/v1/plans/1/audit?unitId=2&from=2021-01-05&to=2021-01-05", Ct))!;
        var fourth = (await client.GetFromJsonAsync<AuditPageJson>("/api/v1/plans/1/audit?unitId=2&from=2021-01-04&to=2021-01-04", Ct))!;

        fifth.Items.ShouldHaveSingleItem().Reason.ShouldBe("00:00:00 ngày 05/01");
        fifth.Items[0].At.ShouldBe(new DateTimeOffset(2021, 1, 5, 0, 0, 0, TimeSpan.FromHours(7)));
        fourth.Items.Select(i => i.Reason).ShouldContain("23:59:59 ngày 04/01");
        fourth.Items.ShouldNotContain(i => i.Reason == "00:00:00 ngày 05/01");
    }
}
