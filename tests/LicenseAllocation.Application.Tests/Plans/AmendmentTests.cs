using LicenseAllocation.Application.Allocations;
using LicenseAllocation.Application.Auditing;
using LicenseAllocation.Application.Plans;
using LicenseAllocation.Application.Seeding;
using LicenseAllocation.Application.Units;
using LicenseAllocation.Domain.Allocations;
using LicenseAllocation.Domain.Auditing;
using LicenseAllocation.Domain.Plans;
using LicenseAllocation.Testing;
using Microsoft.EntityFrameworkCore;
using Shouldly;

namespace LicenseAllocation.Application.Tests.Plans;

public sealed class AmendmentTests : IAsyncLifetime
{
    private SqliteTestDatabase _database = default!;
    private PlanVersions _versions = default!;
    private QuantityService _quantities = default!;
    private int _planId;
    private int _officeOfTheCommittee;
    private int _officeOfTheCouncil;
    private int _caoLanhCity;
    private int _ward11;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _database = await SqliteTestDatabase.CreateAsync();
        _versions = new PlanVersions(_database.Factory, TimeProvider.System);
        _quantities = new QuantityService(_database.Factory, TimeProvider.System);
        _planId = await SeededPlan.PlanIdAsync(_database.Factory);
        _officeOfTheCommittee = await SeededPlan.UnitIdAsync(_database.Factory, "VP. UBND tỉnh"); // 65
        _officeOfTheCouncil = await SeededPlan.UnitIdAsync(_database.Factory, "VP. HĐND tỉnh"); // 24
        _caoLanhCity = await SeededPlan.UnitIdByCodeAsync(_database.Factory, "866");
        _ward11 = await SeededPlan.UnitIdByCodeAsync(_database.Factory, "29863");
    }

    public async ValueTask DisposeAsync() => await _database.DisposeAsync();

    private async Task SetAsync(int planId, int unitId, int quantity) =>
        (await _quantities.ChangeAsync(SeededPlan.Admin, new ChangeQuantity(planId, unitId, quantity, "Điều chỉnh"), Ct)).Error.ShouldBeNull();

    [Fact]
    public async Task An_amendment_is_a_linked_draft_version_2_with_every_node_and_figure_of_the_published_plan()
    {
        await SetAsync(_planId, _caoLanhCity, 300);
        await SetAsync(_planId, _ward11, 20);
        await PlanSteps.PublishAsync(_database.Factory, _planId);

        var amendment = await PlanSteps.AmendAsync(_database.Factory, _planId);

        (amendment.Status, amendment.Version, amendment.AmendmentOfId).ShouldBe((PlanStatus.Draft, 2, _planId));
        (amendment.Name, amendment.Year, amendment.TotalLicenses, amendment.Allocated).ShouldBe((Plan2020Seeder.PlanName, 2020, SeedFacts.Total, SeedFacts.Total));
        amendment.Document.ShouldNotBeNull().Number.ShouldBeNull("the amendment's own letter is still to come");
        var published = await StoredPlan.LoadAsync(_database.Factory, _planId, Ct);
        var copied = await StoredPlan.LoadAsync(_database.Factory, amendment.Id, Ct);
        copied.Nodes.Select(n => (n.UnitId, n.Quantity, n.HandedOn)).OrderBy(n => n.UnitId)
            .ShouldBe(published.Nodes.Select(n => (n.UnitId, n.Quantity, n.HandedOn)).OrderBy(n => n.UnitId));
    }

    [Fact]
    public async Task The_amendments_trail_replays_to_its_figures()
    {
        await SetAsync(_planId, _caoLanhCity, 300);
        await SetAsync(_planId, _ward11, 20);
        await PlanSteps.PublishAsync(_database.Factory, _planId);
        var amendment = await PlanSteps.AmendAsync(_database.Factory, _planId);
        await SetAsync(amendment.Id, _ward11, 25);

        var stored = await StoredPlan.LoadAsync(_database.Factory, amendment.Id, Ct);

        stored.Audit[0].Action.ShouldBe(AuditAction.PlanCreated);
        var replayed = stored.Replay();
        foreach (var node in stored.Nodes)
        {
            (replayed[node.UnitId].Quantity, replayed[node.UnitId].HandedOn).ShouldBe((node.Quantity, node.HandedOn), $"unit {node.UnitId}");
        }

        await AuditChainCheck.ShouldBeIntactAsync(_database.Factory, Ct);
    }

    [Fact]
    public async Task An_amendment_of_the_2020_plan_writes_one_trail_row_that_states_its_source_and_size()
    {
        await PlanSteps.PublishAsync(_database.Factory, _planId);

        var amendment = await PlanSteps.AmendAsync(_database.Factory, _planId);

        var stored = await StoredPlan.LoadAsync(_database.Factory, amendment.Id, Ct);
        var created = stored.Audit.ShouldHaveSingleItem("the copy is one row, not one per unit");
        (created.Action, created.UnitId, created.Actor).ShouldBe((AuditAction.PlanCreated, null, "admin"));
        created.Reason.ShouldContain($"chép {SeedFacts.Units} đơn vị, 5.137 bản quyền từ phiên bản 1 của kế hoạch #{_planId}");
        stored.Nodes.ShouldAllBe(n => n.CarriedQuantity == n.Quantity);
        await AuditChainCheck.ShouldBeIntactAsync(_database.Factory, Ct);
    }

    [Fact]
    public async Task A_units_history_in_the_amendment_starts_from_the_figure_carried_from_version_1()
    {
        await SetAsync(_planId, _caoLanhCity, 300);
        await SetAsync(_planId, _ward11, 20);
        await PlanSteps.PublishAsync(_database.Factory, _planId);
        var amendment = await PlanSteps.AmendAsync(_database.Factory, _planId);
        await SetAsync(amendment.Id, _ward11, 25);
        var audit = new AuditQueries(_database.Factory, TimeProvider.System);

        var ward = (await audit.UnitHistoryAsync(SeededPlan.Admin, amendment.Id, _ward11, Ct)).Value!;
        var office = (await audit.UnitHistoryAsync(SeededPlan.Admin, amendment.Id, _officeOfTheCommittee, Ct)).Value!;

        ward.Rows.Select(r => (r.Entry.Action, r.Entry.OldValue, r.Entry.NewValue, r.QuantityAfter, r.Continues)).ShouldBe(
            [(AuditAction.PlanCreated, null, null, 20, true), (AuditAction.QuantityChanged, 20, 25, 25, true)]);
        ward.Rows[0].Entry.Reason.ShouldContain("5.137 bản quyền từ phiên bản 1");
        (ward.TrailQuantity, ward.Reconciles).ShouldBe((25, true));
        var carried = office.Rows.ShouldHaveSingleItem();
        (carried.Entry.Action, carried.QuantityAfter).ShouldBe((AuditAction.PlanCreated, 65));
        office.Reconciles.ShouldBeTrue();
    }

    [Fact]
    public async Task A_figure_changed_behind_the_portal_in_an_amendment_no_longer_reconciles()
    {
        await PlanSteps.PublishAsync(_database.Factory, _planId);
        var amendment = await PlanSteps.AmendAsync(_database.Factory, _planId);
        await using (var db = await _database.Factory.CreateDbContextAsync(Ct))
        {
            await db.Nodes.Where(n => n.PlanId == amendment.Id && n.UnitId == _officeOfTheCommittee)
                .ExecuteUpdateAsync(s => s.SetProperty(n => n.Quantity, n => n.Quantity + 1), Ct);
        }

        var history = (await new AuditQueries(_database.Factory, TimeProvider.System).UnitHistoryAsync(SeededPlan.Admin, amendment.Id, _officeOfTheCommittee, Ct)).Value!;

        (history.TrailQuantity, history.Unit.Quantity, history.Reconciles).ShouldBe((65, 66, false));
        var stored = await StoredPlan.LoadAsync(_database.Factory, amendment.Id, Ct);
        stored.Replay()[_officeOfTheCommittee].Quantity.ShouldNotBe(stored[_officeOfTheCommittee].Quantity);
    }

    [Fact]
    public async Task A_draft_cannot_be_amended()
    {
        (await _versions.CreateAmendmentAsync(SeededPlan.Admin, _planId, Ct)).Error.ShouldBe(AllocationError.PlanNotPublished());
    }

    [Fact]
    public async Task A_second_amendment_is_refused_while_the_first_is_a_draft()
    {
        await PlanSteps.PublishAsync(_database.Factory, _planId);
        await PlanSteps.AmendAsync(_database.Factory, _planId);

        (await _versions.CreateAmendmentAsync(SeededPlan.Admin, _planId, Ct)).Error.ShouldBe(AllocationError.AmendmentExists());
        await using var db = await _database.Factory.CreateDbContextAsync(Ct);
        (await db.Plans.CountAsync(Ct)).ShouldBe(2);
    }

    [Fact]
    public async Task Publishing_the_amendment_supersedes_the_old_plan_which_keeps_its_figures_and_appendix()
    {
        await PlanSteps.PublishAsync(_database.Factory, _planId);
        var oldAppendix = await PlanSteps.AppendixAsync(_database.Factory, _planId);
        var amendment = await PlanSteps.AmendAsync(_database.Factory, _planId);
        await SetAsync(amendment.Id, _officeOfTheCommittee, 60);

        var published = await PlanSteps.PublishAsync(_database.Factory, amendment.Id, "34/STTTT-CNTT");

        published.Status.ShouldBe(PlanStatus.Published);
        await using var db = await _database.Factory.CreateDbContextAsync(Ct);
        (await db.Plans.SingleAsync(p => p.Id == _planId, Ct)).Status.ShouldBe(PlanStatus.Superseded);
        var superseded = await db.AuditEntries.SingleAsync(a => a.Action == AuditAction.PlanSuperseded, Ct);
        (superseded.PlanId, superseded.DocumentRef).ShouldBe((_planId, "Công văn số 34/STTTT-CNTT ngày 05/01/2021"));
        (await SeededPlan.FiguresAsync(_database.Factory, _planId, _officeOfTheCommittee)).Quantity.ShouldBe(65);
        (await PlanSteps.AppendixAsync(_database.Factory, _planId)).ShouldBe(oldAppendix);
        (await _versions.CreateAmendmentAsync(SeededPlan.Admin, _planId, Ct)).Error.ShouldBe(AllocationError.PlanNotPublished(), "only the plan in force is amended");
        (await PlanSteps.AmendAsync(_database.Factory, amendment.Id)).Version.ShouldBe(3);
    }

    [Fact]
    public async Task The_published_appendix_is_byte_for_byte_the_same_after_a_rename_and_new_figures_in_the_amendment()
    {
        await PlanSteps.PublishAsync(_database.Factory, _planId);
        var atPublication = await PlanSteps.AppendixAsync(_database.Factory, _planId);
        var amendment = await PlanSteps.AmendAsync(_database.Factory, _planId);

        // Units are shared: the rename shows in both plans' live trees, the figures only in the amendment.
        (await new UnitAdministration(_database.Factory, TimeProvider.System)
            .UpdateUnitAsync(SeededPlan.Admin, amendment.Id, _officeOfTheCommittee, name: "Văn phòng UBND tỉnh (đổi tên)", cancellationToken: Ct)).Error.ShouldBeNull();
        await SetAsync(amendment.Id, _officeOfTheCommittee, 60);
        await SetAsync(amendment.Id, _officeOfTheCouncil, 29);

        (await PlanSteps.AppendixAsync(_database.Factory, _planId)).ShouldBe(atPublication);
        var live = await PlanSteps.AppendixAsync(_database.Factory, amendment.Id);
        live.ShouldNotBe(atPublication);
    }

    [Fact]
    public async Task A_unit_emptied_in_the_amendment_stays_active_while_the_published_plan_gives_it_licences()
    {
        await SetAsync(_planId, _caoLanhCity, 300);
        await SetAsync(_planId, _ward11, 20);
        await PlanSteps.PublishAsync(_database.Factory, _planId);
        var amendment = await PlanSteps.AmendAsync(_database.Factory, _planId);
        await SetAsync(amendment.Id, _ward11, 0);

        var outcome = await new UnitAdministration(_database.Factory, TimeProvider.System)
            .UpdateUnitAsync(SeededPlan.Admin, amendment.Id, _ward11, active: false, cancellationToken: Ct);

        // Deactivated now, the unit would drop out of the published plan's next amendment with its 20 licences.
        outcome.Error.ShouldNotBeNull().Code.ShouldBe(AllocationErrorCode.UnitHeldInOtherPlan);
        (await SeededPlan.FiguresAsync(_database.Factory, _planId, _ward11)).Quantity.ShouldBe(20, "the published plan's figures are history");
    }

    [Fact]
    public async Task The_version_history_lists_every_version_of_the_line_in_order()
    {
        await PlanSteps.PublishAsync(_database.Factory, _planId);
        var second = await PlanSteps.AmendAsync(_database.Factory, _planId);
        await PlanSteps.PublishAsync(_database.Factory, second.Id, "34/STTTT-CNTT");
        var third = await PlanSteps.AmendAsync(_database.Factory, second.Id);

        var versions = (await new PlanQueries(_database.Factory).GetVersionsAsync(SeededPlan.Admin, second.Id, Ct)).Value!;

        versions.Select(v => (v.Id, v.Version, v.Status)).ShouldBe(
            [(_planId, 1, PlanStatus.Superseded), (second.Id, 2, PlanStatus.Published), (third.Id, 3, PlanStatus.Draft)]);
    }
}
