using LicenseAllocation.Application.Plans;
using LicenseAllocation.Application.Requests;
using LicenseAllocation.Domain.Allocations;
using LicenseAllocation.Domain.Auditing;
using LicenseAllocation.Domain.Plans;
using LicenseAllocation.Domain.Requests;
using LicenseAllocation.Testing;
using Microsoft.EntityFrameworkCore;
using Shouldly;

namespace LicenseAllocation.Application.Tests.Requests;

/// <summary>
/// Decisions made at the same moment on requests that together need more than the district has left: the district is
/// never exceeded, every posted request has its audit rows, every refused one changed nothing and is still waiting.
/// </summary>
public abstract class RequestRaceTests
{
    private const int Decisions = 16;
    private const int Each = 3;
    private const int Room = 20;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    protected abstract string Provider { get; }

    protected abstract Task<ProviderDatabase> CreateSeededDatabaseAsync();

    [Fact]
    public async Task Requests_made_while_the_plan_is_being_amended_all_end_up_waiting_in_the_amendment()
    {
        await using var database = await CreateSeededDatabaseAsync();
        var scenario = await RequestScenario.CreateAsync(database);
        await using (var db = await database.Factory.CreateDbContextAsync(Cancellation))
        {
            await db.Plans.Where(p => p.Id == scenario.PlanId).ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, PlanStatus.Published), Cancellation);
        }

        var versions = new PlanVersions(database.Factory, TimeProvider.System);
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var submissions = Enumerable.Range(0, Decisions).Select(i => Task.Run(
            async () =>
            {
                await go.Task;
                var unit = scenario.Communes[i % scenario.Communes.Count].UnitId;
                return await scenario.SubmitAsync(1, unit, scenario.Officer);
            },
            Cancellation)).ToList();
        var amending = Task.Run(async () => { await go.Task; return await versions.CreateAmendmentAsync(SeededPlan.Admin, scenario.PlanId, Cancellation); }, Cancellation);
        go.SetResult();
        var made = await Task.WhenAll(submissions);
        var amendment = (await amending).Value!;

        await using var check = await database.Factory.CreateDbContextAsync(Cancellation);
        var places = await check.LicenceRequests.Where(r => made.Select(m => m.Id).Contains(r.Id)).Select(r => r.PlanId).ToListAsync(Cancellation);
        places.Count.ShouldBe(Decisions);
        places.ShouldAllBe(planId => planId == amendment.Id, $"{Provider}: no request may stay behind on the plan the amendment replaces");
    }

    [Fact]
    public async Task Concurrent_approvals_that_together_exceed_the_district_never_over_allocate_it()
    {
        await using var database = await CreateSeededDatabaseAsync();
        var scenario = await RequestScenario.CreateAsync(database);
        await scenario.FreeRoomAsync(Room);
        var requesters = scenario.Communes;
        var requests = new List<RequestView>();
        for (var i = 0; i < Decisions; i++)
        {
            var unit = requesters[i % requesters.Count].UnitId;
            requests.Add(await scenario.SubmitAsync(Each, unit, scenario.Officer));
        }

        var before = await scenario.LoadAsync();
        var waiting = 0;
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var started = DateTime.UtcNow;
        var outcomes = await Task.WhenAll(requests.Select(request => Task.Run(
            async () =>
            {
                if (Interlocked.Increment(ref waiting) == requests.Count)
                {
                    go.SetResult();
                }

                await go.Task;
                return (Request: request, Outcome: await scenario.DecideAsync(request.Id, Each));
            },
            Cancellation)));
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{Provider}: {Decisions} concurrent decisions, {outcomes.Count(o => o.Outcome.Succeeded)} approved, {(DateTime.UtcNow - started).TotalMilliseconds:F0} ms");

        var approved = outcomes.Where(o => o.Outcome.Succeeded).ToList();
        var refused = outcomes.Where(o => !o.Outcome.Succeeded).ToList();
        approved.Count.ShouldBe(Room / Each, "every approval that fits is made, whatever its siblings do");
        refused.ShouldAllBe(o => o.Outcome.Error!.Code == AllocationErrorCode.ExceedsParent);
        refused.ShouldAllBe(o => o.Outcome.Error!.ParentRemaining < Each);

        var after = await scenario.LoadAsync();
        after.Tree().FindViolations().ShouldBeEmpty();
        after[scenario.District].HandedOn.ShouldBe(before[scenario.District].HandedOn + (approved.Count * Each));
        after[scenario.District].HandedOn.ShouldBeLessThanOrEqualTo(after[scenario.District].Quantity);
        foreach (var (request, outcome) in approved)
        {
            outcome.Value!.Posted.ShouldBe(Each);
            var rows = after.Audit.Where(a => a.ChangeSetId == outcome.Value.ChangeSetId).ToList();
            rows.Count(r => r.Action == AuditAction.QuantityChanged && r.UnitId == request.UnitId && r.NewValue - r.OldValue == Each).ShouldBe(1);
            rows.Count(r => r.Action == AuditAction.RequestDecided).ShouldBe(1);
        }

        foreach (var (request, _) in refused)
        {
            (await scenario.Requests.GetAsync(scenario.Officer, request.Id, Cancellation)).Value!.Status.ShouldBe(RequestStatus.Submitted);
            after.Audit.ShouldNotContain(a => a.Reason.Contains($"đề nghị số {request.Id} "));
        }

        var replayed = after.Replay();
        foreach (var node in after.Nodes)
        {
            replayed[node.UnitId].ShouldBe(new NodeFigures(node.Quantity, node.HandedOn), $"unit {node.UnitId}");
        }

        await AuditChainCheck.ShouldBeIntactAsync(database.Factory, Cancellation);
    }
}

public sealed class SqliteRequestRaceTests : RequestRaceTests
{
    protected override string Provider => "SQLite";

    protected override Task<ProviderDatabase> CreateSeededDatabaseAsync() => ProviderDatabase.SqliteSeededAsync();
}

public sealed class PostgresRequestRaceTests(PostgresCluster cluster) : RequestRaceTests
{
    protected override string Provider => "PostgreSQL";

    protected override Task<ProviderDatabase> CreateSeededDatabaseAsync() => ProviderDatabase.PostgresSeededAsync(cluster);
}
