using ClosedXML.Excel;
using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Allocations;
using LicenseAllocation.Application.Appendix;
using LicenseAllocation.Application.Decisions;
using LicenseAllocation.Application.Identity;
using LicenseAllocation.Application.Plans;
using LicenseAllocation.Application.Units;
using LicenseAllocation.Domain.Allocations;
using LicenseAllocation.Domain.Auditing;
using LicenseAllocation.Domain.Units;
using LicenseAllocation.Testing;
using Shouldly;

namespace LicenseAllocation.Application.Tests.Concurrency;

/// <summary>
/// A district publishes its decision while its officers are still editing its communes, on PostgreSQL: every edit in the
/// district commits before the decision or is refused with decision-locked, and the decision's stored appendix holds
/// exactly the figures the level was frozen with.
/// </summary>
public sealed class PostgresDecisionRaceTests(PostgresCluster cluster)
{
    private const int CommuneWorkers = 15;
    private const int MaxEditsPerWorker = 200;
    private const int EditsBeforePublishing = 40;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task No_edit_in_the_district_commits_after_its_decision_and_the_stored_appendix_equals_the_figures()
    {
        await using var database = await PostgresTestDatabase.CreateAsync(cluster, seed: true, cancellationToken: Ct);
        var seed = await StoredPlan.LoadAsync(database.Factory, Ct);
        var admin = new Caller("admin", PortalRole.ProvinceAdmin);
        var district = seed.OfKind(UnitKind.DistrictCommittee)[0];
        var communes = seed.Nodes.Where(n => n.ParentUnitId == district.UnitId).OrderBy(n => n.Order).ToList();
        communes.Count.ShouldBe(CommuneWorkers);
        var officer = new Caller("cao-lanh", PortalRole.DistrictOfficer, district.UnitId);
        var clock = TimeProvider.System;
        var singles = new QuantityService(database.Factory, clock);
        var units = new UnitAdministration(database.Factory, clock);
        var decisions = new DecisionPublication(database.Factory, new PlanPublication(database.Factory, clock), clock);
        (await singles.ChangeAsync(admin, new ChangeQuantity(seed.PlanId, district.UnitId, 300, "Giao cho thành phố"), Ct)).Error.ShouldBeNull();
        (await decisions.PublishAsync(admin, new PublishDecision(seed.PlanId, seed.OnlyOf(UnitKind.Province).UnitId, "12/STTTT-CNTT", new DateOnly(2021, 1, 5), "Giám đốc"), Ct)).Error.ShouldBeNull();
        (await decisions.PublishAsync(admin, new PublishDecision(seed.PlanId, seed.OnlyOf(UnitKind.DistrictGroup).UnitId, "20/STTTT-CNTT", new DateOnly(2021, 1, 20), "Giám đốc"), Ct)).Error.ShouldBeNull();

        var edits = new EditsAroundAPublication(EditsBeforePublishing, MaxEditsPerWorker);

        // Fifteen officers change one commune each (1 and 2 in turn, always within the 300); a sixteenth renames a ward.
        var communeRuns = communes.Select((c, w) => Task.Run(
            () => edits.UntilRefusedAsync(async i =>
                (await singles.ChangeAsync(officer, new ChangeQuantity(seed.PlanId, c.UnitId, 1 + (i % 2), $"commune {w}/{i}"), Ct)).Error),
            Ct));
        var renameRun = Task.Run(
            () => edits.UntilRefusedAsync(async i =>
                (await units.UpdateUnitAsync(officer, seed.PlanId, communes[0].UnitId, name: $"Phường 11 (lần {i})", cancellationToken: Ct)).Error),
            Ct);
        var publishRun = Task.Run(
            async () =>
            {
                await edits.StartPublishing;
                return await decisions.PublishAsync(officer, new PublishDecision(seed.PlanId, district.UnitId, "15/QĐ-UBND", new DateOnly(2021, 2, 1), "Chủ tịch"), Ct);
            },
            Ct);

        var errors = (await Task.WhenAll([.. communeRuns, renameRun])).SelectMany(e => e).ToList();
        var published = await publishRun;

        published.Error.ShouldBeNull();
        errors.Where(e => e is not null).ShouldAllBe(e => e == AllocationError.DecisionLocked("Thành phố Cao Lãnh"));
        errors.Count(e => e is not null).ShouldBe(CommuneWorkers + 1, "every worker edits until the decision refuses it");
        errors.Count(e => e is null).ShouldBeGreaterThanOrEqualTo(EditsBeforePublishing);

        var after = await StoredPlan.LoadAsync(database.Factory, Ct);
        var publication = after.Audit.Single(a => a.Action == AuditAction.DecisionPublished && a.UnitId == district.UnitId);
        var inDistrict = communes.Select(c => c.UnitId).ToHashSet();
        after.Audit.Where(a => a.Sequence > publication.Sequence && a.UnitId is { } u && inDistrict.Contains(u)).ShouldBeEmpty();

        using var workbook = new XLWorkbook(new MemoryStream((await new DecisionAppendixExport(database.Factory, new AppendixExport(database.Factory))
            .GetWorkbookAsync(admin, seed.PlanId, district.UnitId, Ct)).Value!.Content));
        var sheet = workbook.Worksheet(1);
        var stored = after.Nodes.Where(n => n.ParentUnitId == district.UnitId).OrderBy(n => n.Order).ThenBy(n => n.UnitId).Select(n => n.Quantity).ToList();
        for (var i = 0; i < stored.Count; i++)
        {
            sheet.Cell(AppendixWorkbook.FirstDataRow + i, 3).GetValue<int>().ShouldBe(stored[i], $"appendix row {i + 1}");
        }

        sheet.Cell(AppendixWorkbook.FirstDataRow + stored.Count, 3).GetValue<int>().ShouldBe(after[district.UnitId].HandedOn);
        after.Tree().FindViolations().ShouldBeEmpty();
        await AuditChainCheck.ShouldBeIntactAsync(database.Factory, Ct);
    }
}
