using ClosedXML.Excel;
using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Allocations;
using LicenseAllocation.Application.Allocations.Batches;
using LicenseAllocation.Application.Appendix;
using LicenseAllocation.Application.Identity;
using LicenseAllocation.Application.Plans;
using LicenseAllocation.Domain.Allocations;
using LicenseAllocation.Domain.Auditing;
using LicenseAllocation.Domain.Units;
using LicenseAllocation.Testing;
using Shouldly;

namespace LicenseAllocation.Application.Tests.Concurrency;

/// <summary>
/// Publishing the province's letter while the figures it states are still being edited, on PostgreSQL: every edit of
/// them commits before the publication or is refused with decision-locked, and the frozen appendix holds exactly the
/// figures the letter was published with.
/// </summary>
public sealed class PostgresPublishRaceTests(PostgresCluster cluster)
{
    private const int AgencyWorkers = 16;
    private const int MaxEditsPerWorker = 200;

    /// <summary>The publication starts once this many edits have been answered, so that edits run on both sides of it.</summary>
    private const int EditsBeforePublishing = 40;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task No_edit_commits_after_the_publication_and_the_frozen_appendix_equals_the_stored_figures()
    {
        await using var database = await PostgresTestDatabase.CreateAsync(cluster, seed: true, cancellationToken: Ct);
        var seed = await StoredPlan.LoadAsync(database.Factory, Ct);
        var agencies = seed.OfKind(UnitKind.ProvincialAgency).Where(a => a.Quantity >= 2).Take(AgencyWorkers + 2).ToList();
        agencies.Count.ShouldBe(AgencyWorkers + 2);
        var admin = new Caller("admin", PortalRole.ProvinceAdmin);
        var singles = new QuantityService(database.Factory, TimeProvider.System);
        var batches = new QuantityBatchService(database.Factory, TimeProvider.System);
        var edits = new EditsAroundAPublication(EditsBeforePublishing, MaxEditsPerWorker);

        // Each worker edits until the letter's level refuses it, so edits run on both sides of the publication.
        // Consecutive edits of a unit set different values, so each accepted one writes exactly one audit row; agencies
        // only go down, so the only refusal left is decision-locked.
        var agencyRuns = Enumerable.Range(0, AgencyWorkers).Select(w => Task.Run(
            () => edits.UntilRefusedAsync(async i =>
                (await singles.ChangeAsync(admin, new ChangeQuantity(seed.PlanId, agencies[w].UnitId, agencies[w].Quantity - 1 - (i % 2), $"agency {w}/{i}"), Ct)).Error),
            Ct));

        // The import's path: one batch after another over two more agencies.
        var batchRun = Task.Run(
            () => edits.UntilRefusedAsync(async i =>
            {
                var items = agencies.Skip(AgencyWorkers).Select(a => new QuantityBatchItem(a.UnitId, a.Quantity - 1 - (i % 2))).ToList();
                var result = await batches.ApplyAsync(admin, new QuantityBatch(seed.PlanId, $"batch {i}", items), Ct);
                return result.Applied ? null : result.Error ?? result.Refused[0].Error;
            }),
            Ct);
        var publishRun = Task.Run(
            async () =>
            {
                await edits.StartPublishing;
                var watch = System.Diagnostics.Stopwatch.StartNew();
                var outcome = await new PlanPublication(database.Factory, TimeProvider.System)
                    .PublishAsync(admin, new PublishPlan(seed.PlanId, "12/STTTT-CNTT", new DateOnly(2021, 1, 5), "Phó Giám đốc Nguyễn Văn An"), Ct);
                return (Outcome: outcome, watch.Elapsed);
            },
            Ct);

        var errors = (await Task.WhenAll([.. agencyRuns, batchRun])).SelectMany(e => e).ToList();
        var (published, publishing) = await publishRun;

        published.Error.ShouldBeNull();
        errors.Where(e => e is not null).ShouldAllBe(e => e == AllocationError.DecisionLocked("Tỉnh Đồng Tháp"));
        var accepted = errors.Count(e => e is null);
        var locked = errors.Count - accepted;
        accepted.ShouldBeGreaterThanOrEqualTo(EditsBeforePublishing, "edits answered before publishing started");
        locked.ShouldBe(AgencyWorkers + 1, "every worker edits until the published letter refuses it");

        var after = await StoredPlan.LoadAsync(database.Factory, Ct);
        var publication = after.Audit.Single(a => a.Action == AuditAction.PlanPublished);
        after.Audit.Where(a => a.IsQuantityChange && a.Sequence > publication.Sequence).ShouldBeEmpty();
        after.Audit.Count(a => a.Action == AuditAction.QuantityChanged).ShouldBe(accepted + BatchRows(after));

        var stored = PlanTreeOrder(after);
        using var workbook = new XLWorkbook(new MemoryStream((await new AppendixExport(database.Factory).GetWorkbookAsync(admin, seed.PlanId, Ct)).Value!.Content));
        var sheet = workbook.Worksheet(1);
        for (var i = 0; i < stored.Count; i++)
        {
            sheet.Cell(AppendixWorkbook.FirstDataRow + i, 3).GetValue<int>().ShouldBe(stored[i], $"appendix row {i + 1}");
        }

        sheet.Cell(AppendixWorkbook.FirstDataRow + stored.Count, 3).GetValue<int>().ShouldBe(stored.Sum());
        after.Tree().FindViolations().ShouldBeEmpty();
        await AuditChainCheck.ShouldBeIntactAsync(database.Factory, Ct);
        TestContext.Current.TestOutputHelper?.WriteLine($"{accepted} edits committed before the publication, {locked} refused with decision-locked; publishing took {publishing.TotalMilliseconds:0} ms");
    }

    /// <summary>An accepted batch writes one row per agency, where the count above counted it once.</summary>
    private static int BatchRows(StoredPlan plan) =>
        plan.Audit.Where(a => a.Action == AuditAction.QuantityChanged && a.Reason.StartsWith("batch ", StringComparison.Ordinal)).GroupBy(a => a.ChangeSetId).Sum(g => g.Count() - 1);

    /// <summary>The quantities of the appendix rows: the active units directly under the province, in their official order.</summary>
    private static List<int> PlanTreeOrder(StoredPlan plan)
    {
        var root = plan.OnlyOf(UnitKind.Province);
        return [.. plan.Nodes.Where(n => n.ParentUnitId == root.UnitId).OrderBy(n => n.Order).ThenBy(n => n.UnitId).Select(n => n.Quantity)];
    }
}
