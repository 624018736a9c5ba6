using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Allocations;
using LicenseAllocation.Application.Allocations.Batches;
using LicenseAllocation.Application.Decisions;
using LicenseAllocation.Application.Identity;
using LicenseAllocation.Application.Tests.Plans;
using LicenseAllocation.Application.Units;
using LicenseAllocation.Domain.Allocations;
using LicenseAllocation.Domain.Plans;
using LicenseAllocation.Domain.Units;
using LicenseAllocation.Testing;
using Shouldly;

namespace LicenseAllocation.Application.Tests.Decisions;

/// <summary>
/// The province's letter, then its detailed allocation over the districts, then each district's own decision: each
/// freezes exactly the level it covers, on every path, and waits for the level above it.
/// </summary>
public sealed class DecisionsByLevelTests : IAsyncLifetime
{
    private SqliteTestDatabase _database = default!;
    private int _planId;
    private int _group;
    private int _caoLanhCity;
    private int _saDec;
    private int _ward11;
    private int _ward1;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Caller CaoLanhOfficer => new("cao-lanh", PortalRole.DistrictOfficer, _caoLanhCity);

    public async ValueTask InitializeAsync()
    {
        _database = await SqliteTestDatabase.CreateAsync();
        _planId = await SeededPlan.PlanIdAsync(_database.Factory);
        _group = await SeededPlan.UnitIdAsync(_database.Factory, "UBND 12 huyện, thành phố");
        _caoLanhCity = await SeededPlan.UnitIdByCodeAsync(_database.Factory, "866");
        _saDec = await SeededPlan.UnitIdByCodeAsync(_database.Factory, "867");
        _ward11 = await SeededPlan.UnitIdByCodeAsync(_database.Factory, "29863");
        _ward1 = await SeededPlan.UnitIdByCodeAsync(_database.Factory, "29866");
        await Change(SeededPlan.Admin, _caoLanhCity, 300);
        await Change(SeededPlan.Admin, _saDec, 200);
        await Change(SeededPlan.Admin, _ward11, 40);
    }

    public async ValueTask DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task The_detailed_allocation_waits_for_the_provinces_letter()
    {
        var outcome = await Publish(SeededPlan.Admin, _group);

        outcome.Error.ShouldBe(AllocationError.DecisionNotReady("Tỉnh Đồng Tháp"));
    }

    [Fact]
    public async Task A_districts_decision_waits_for_the_detailed_allocation()
    {
        await PlanSteps.PublishAsync(_database.Factory, _planId);

        var outcome = await Publish(CaoLanhOfficer, _caoLanhCity);

        outcome.Error.ShouldBe(AllocationError.DecisionNotReady("UBND 12 huyện, thành phố"));
    }

    [Fact]
    public async Task The_detailed_allocation_freezes_each_districts_share_and_warns_about_what_is_still_open()
    {
        await PlanSteps.PublishAsync(_database.Factory, _planId);

        var published = await PlanSteps.PublishDecisionAsync(_database.Factory, _planId, _group, number: "20/STTTT-CNTT");

        published.Decision.Status.ShouldBe(PlanStatus.Published);
        published.Decision.Version.ShouldBe(1);
        published.Decision.IssuingBody.ShouldBe("Sở Thông tin và Truyền thông");
        published.OpenBelow.Select(o => (o.Name, o.Remaining)).ShouldBe([("Thành phố Cao Lãnh", 260), ("Thành phố Sa Đéc", 200)]);
        (await Quantities.ChangeAsync(SeededPlan.Admin, new ChangeQuantity(_planId, _caoLanhCity, 310, "Tăng"), Ct)).Error
            .ShouldBe(AllocationError.DecisionLocked("UBND 12 huyện, thành phố"));
        (await Units.AddUnitAsync(SeededPlan.Admin, _planId, _group, "Thị xã mới", UnitKind.DistrictCommittee, cancellationToken: Ct)).Error
            .ShouldBe(AllocationError.DecisionLocked("UBND 12 huyện, thành phố"));
    }

    [Fact]
    public async Task Within_its_frozen_share_a_district_officer_still_sub_allocates()
    {
        await PublishLetterAndDetailsAsync();

        (await Quantities.ChangeAsync(CaoLanhOfficer, new ChangeQuantity(_planId, _ward1, 30, "Giao cho phường"), Ct)).Error.ShouldBeNull();
        (await Quantities.ChangeAsync(CaoLanhOfficer, new ChangeQuantity(_planId, _ward1, 300, "Giao quá"), Ct)).Error!.Code.ShouldBe(AllocationErrorCode.ExceedsParent);
    }

    [Fact]
    public async Task A_districts_own_decision_freezes_its_communes_on_every_path()
    {
        await PublishLetterAndDetailsAsync();
        var published = await PlanSteps.PublishDecisionAsync(_database.Factory, _planId, _caoLanhCity, CaoLanhOfficer);
        var before = await PlanSteps.SnapshotAsync(_database.Factory, _planId);
        var locked = AllocationError.DecisionLocked("Thành phố Cao Lãnh");

        published.Decision.IssuingBody.ShouldBe("UBND Thành phố Cao Lãnh");
        (await Quantities.ChangeAsync(CaoLanhOfficer, new ChangeQuantity(_planId, _ward11, 41, "Tăng"), Ct)).Error.ShouldBe(locked);
        (await Quantities.ChangeAsync(SeededPlan.Admin, new ChangeQuantity(_planId, _ward11, 39, "Giảm"), Ct)).Error.ShouldBe(locked);
        var batch = await new QuantityBatchService(_database.Factory, TimeProvider.System)
            .ApplyAsync(CaoLanhOfficer, new QuantityBatch(_planId, "Nhập từ Excel", [new QuantityBatchItem(_ward1, 5)]), Ct);
        batch.Refused.Single().Error.ShouldBe(locked);
        (await Units.AddUnitAsync(CaoLanhOfficer, _planId, _caoLanhCity, "Phòng Nội vụ", UnitKind.DistrictAgency, cancellationToken: Ct)).Error.ShouldBe(locked);
        (await Units.AddStandardDistrictAgenciesAsync(CaoLanhOfficer, _planId, _caoLanhCity, Ct)).Error.ShouldBe(locked);
        (await Units.UpdateUnitAsync(CaoLanhOfficer, _planId, _ward11, name: "Phường 11 mới", cancellationToken: Ct)).Error.ShouldBe(locked);
        (await Units.UpdateUnitAsync(CaoLanhOfficer, _planId, _ward11, order: 3, cancellationToken: Ct)).Error.ShouldBe(locked);
        (await Units.UpdateUnitAsync(CaoLanhOfficer, _planId, _ward1, active: false, cancellationToken: Ct)).Error.ShouldBe(locked);
        (await PlanSteps.SnapshotAsync(_database.Factory, _planId)).ShouldBe(before);
    }

    [Fact]
    public async Task Another_districts_level_stays_open_when_one_district_decides()
    {
        await PublishLetterAndDetailsAsync();
        await PlanSteps.PublishDecisionAsync(_database.Factory, _planId, _caoLanhCity, CaoLanhOfficer);
        var saDecWard = await SeededPlan.UnitIdByCodeAsync(_database.Factory, "29902");

        (await Quantities.ChangeAsync(SeededPlan.Admin, new ChangeQuantity(_planId, saDecWard, 10, "Giao cho phường"), Ct)).Error.ShouldBeNull();
    }

    [Fact]
    public async Task A_district_officer_cannot_decide_for_another_district_nor_publish_the_province_levels()
    {
        await PublishLetterAndDetailsAsync();

        (await Publish(CaoLanhOfficer, _saDec)).Error.ShouldBe(AllocationError.OutOfScope());
        (await Publish(CaoLanhOfficer, _group)).Error.ShouldBe(AllocationError.OutOfScope());
        (await Publish(new Caller("viewer", PortalRole.UnitViewer, _caoLanhCity), _caoLanhCity)).Error.ShouldBe(AllocationError.Forbidden());
    }

    [Fact]
    public async Task Publishing_a_level_twice_is_refused()
    {
        await PublishLetterAndDetailsAsync();

        (await Publish(SeededPlan.Admin, _group)).Error.ShouldBe(AllocationError.DecisionLocked("UBND 12 huyện, thành phố"));
    }

    [Fact]
    public async Task An_amendment_of_a_districts_decision_opens_its_level_and_publishes_the_next_version()
    {
        await PublishLetterAndDetailsAsync();
        var first = await PlanSteps.PublishDecisionAsync(_database.Factory, _planId, _caoLanhCity, CaoLanhOfficer);

        var reopened = await PlanSteps.Publication(_database.Factory).AmendAsync(CaoLanhOfficer, _planId, _caoLanhCity, Ct);
        reopened.Value!.Status.ShouldBe(PlanStatus.Draft);
        reopened.Value.Version.ShouldBe(2);
        await Change(CaoLanhOfficer, _ward11, 45);
        var second = await PlanSteps.PublishDecisionAsync(_database.Factory, _planId, _caoLanhCity, CaoLanhOfficer, number: "21/QĐ-UBND");

        second.Decision.Version.ShouldBe(2);
        second.Decision.DocumentNumber.ShouldBe("21/QĐ-UBND");
        second.Decision.AppendixSha256.ShouldNotBe(first.Decision.AppendixSha256);
        await using var db = await _database.Factory.CreateDbContextAsync(Ct);
        db.Decisions.Where(d => d.IssuingUnitId == _caoLanhCity).OrderBy(d => d.Version).Select(d => d.Status).ToList()
            .ShouldBe([PlanStatus.Superseded, PlanStatus.Published]);
    }

    [Fact]
    public async Task Only_a_published_level_is_opened_again()
    {
        await PublishLetterAndDetailsAsync();

        (await PlanSteps.Publication(_database.Factory).AmendAsync(CaoLanhOfficer, _planId, _caoLanhCity, Ct)).Error.ShouldBe(AllocationError.DecisionNotPublished());
    }

    [Fact]
    public async Task An_amendment_of_the_letter_keeps_the_districts_decisions_in_force()
    {
        await PublishLetterAndDetailsAsync();
        var district = await PlanSteps.PublishDecisionAsync(_database.Factory, _planId, _caoLanhCity, CaoLanhOfficer);

        var amendment = await PlanSteps.AmendAsync(_database.Factory, _planId);
        var levels = await new DecisionQueries(_database.Factory).ListAsync(SeededPlan.Admin, amendment.Id, Ct);

        var byUnit = levels.Value!.ToDictionary(l => l.IssuingUnitId);
        byUnit[await SeededPlan.RootIdAsync(_database.Factory)].Status.ShouldBe(PlanStatus.Draft);
        byUnit[_group].Status.ShouldBe(PlanStatus.Published);
        byUnit[_caoLanhCity].Status.ShouldBe(PlanStatus.Published);
        byUnit[_caoLanhCity].AppendixSha256.ShouldBe(district.Decision.AppendixSha256);
        byUnit[_saDec].Status.ShouldBe(PlanStatus.Draft);
    }

    [Fact]
    public async Task A_district_officer_lists_the_province_levels_and_its_own_district_only()
    {
        var levels = await new DecisionQueries(_database.Factory).ListAsync(CaoLanhOfficer, _planId, Ct);

        levels.Value!.Select(l => l.IssuingUnitName).ShouldBe(["Tỉnh Đồng Tháp", "UBND 12 huyện, thành phố", "Thành phố Cao Lãnh"]);
    }

    [Fact]
    public async Task The_administrator_lists_every_allocating_level_of_the_2020_plan()
    {
        var levels = await new DecisionQueries(_database.Factory).ListAsync(SeededPlan.Admin, _planId, Ct);

        levels.Value!.Count.ShouldBe(14);
        levels.Value![0].IsLetter.ShouldBeTrue();
        levels.Value![1].OpenBelow.ShouldBe(2);
    }

    [Fact]
    public async Task The_levels_moved_by_an_edit_read_the_same_figures_as_the_whole_list()
    {
        await Change(SeededPlan.Admin, _ward11, 55);

        var queries = new DecisionQueries(_database.Factory);
        var moved = await queries.ListMovedByAsync(SeededPlan.Admin, _planId, _ward11, Ct);
        var all = (await queries.ListAsync(SeededPlan.Admin, _planId, Ct)).Value!.ToDictionary(l => l.IssuingUnitId);

        moved.Value!.Select(l => l.IssuingUnitId).ShouldBe([_group, _caoLanhCity], ignoreOrder: true);
        moved.Value!.ShouldAllBe(l => l == all[l.IssuingUnitId]);
        all[_caoLanhCity].Remaining.ShouldBe(245);
    }

    [Fact]
    public async Task The_levels_moved_by_an_edit_stay_within_the_callers_scope()
    {
        var saDecOfficer = new Caller("sa-dec", PortalRole.DistrictOfficer, _saDec);

        var moved = await new DecisionQueries(_database.Factory).ListMovedByAsync(saDecOfficer, _planId, _ward11, Ct);

        moved.Value!.Select(l => l.IssuingUnitName).ShouldBe(["UBND 12 huyện, thành phố"]);
    }

    private async Task PublishLetterAndDetailsAsync()
    {
        await PlanSteps.PublishAsync(_database.Factory, _planId);
        await PlanSteps.PublishDecisionAsync(_database.Factory, _planId, _group, number: "20/STTTT-CNTT");
    }

    private Task<Common.Outcome<DecisionPublished>> Publish(Caller caller, int unitId) =>
        PlanSteps.Publication(_database.Factory).PublishAsync(caller, new PublishDecision(_planId, unitId, "15/QĐ-UBND", new DateOnly(2021, 2, 1), "Chủ tịch"), Ct);

    private async Task Change(Caller caller, int unitId, int quantity) =>
        (await Quantities.ChangeAsync(caller, new ChangeQuantity(_planId, unitId, quantity, "Giao số lượng"), Ct)).Error.ShouldBeNull();

    private QuantityService Quantities => new(_database.Factory, TimeProvider.System);

    private UnitAdministration Units => new(_database.Factory, TimeProvider.System);
}
