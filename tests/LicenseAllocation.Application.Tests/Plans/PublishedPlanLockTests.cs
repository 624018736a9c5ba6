using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Allocations;
using LicenseAllocation.Application.Allocations.Batches;
using LicenseAllocation.Application.Identity;
using LicenseAllocation.Application.Plans;
using LicenseAllocation.Application.Units;
using LicenseAllocation.Domain.Allocations;
using LicenseAllocation.Domain.Units;
using LicenseAllocation.Testing;
using Shouldly;

namespace LicenseAllocation.Application.Tests.Plans;

/// <summary>
/// The province's letter freezes exactly what it states — the total, the provincial agencies and the districts' group —
/// on every path, and leaves the levels below open for their own decisions.
/// </summary>
public sealed class PublishedPlanLockTests : IAsyncLifetime
{
    private SqliteTestDatabase _database = default!;
    private int _planId;
    private int _officeOfTheCommittee;
    private int _group;
    private int _root;
    private int _caoLanhCity;
    private int _ward11;
    private string _before = string.Empty;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Caller CaoLanhOfficer => new("cao-lanh", PortalRole.DistrictOfficer, _caoLanhCity);

    public async ValueTask InitializeAsync()
    {
        _database = await SqliteTestDatabase.CreateAsync();
        _planId = await SeededPlan.PlanIdAsync(_database.Factory);
        _root = await SeededPlan.RootIdAsync(_database.Factory);
        _officeOfTheCommittee = await SeededPlan.UnitIdAsync(_database.Factory, "VP. UBND tỉnh");
        _group = await SeededPlan.UnitIdAsync(_database.Factory, "UBND 12 huyện, thành phố");
        _caoLanhCity = await SeededPlan.UnitIdByCodeAsync(_database.Factory, "866");
        _ward11 = await SeededPlan.UnitIdByCodeAsync(_database.Factory, "29863");

        // Give Cao Lãnh something to hand on, so that the officer's edits below have room.
        (await new QuantityService(_database.Factory, TimeProvider.System)
            .ChangeAsync(SeededPlan.Admin, new ChangeQuantity(_planId, _caoLanhCity, 300, "Giao cho thành phố"), Ct)).Succeeded.ShouldBeTrue();
        await PlanSteps.PublishAsync(_database.Factory, _planId);
        _before = await PlanSteps.SnapshotAsync(_database.Factory, _planId);
    }

    public async ValueTask DisposeAsync() => await _database.DisposeAsync();

    private async Task ShouldBeFrozenByTheLetterAsync(AllocationError? error)
    {
        error.ShouldBe(AllocationError.DecisionLocked("Tỉnh Đồng Tháp"));
        (await PlanSteps.SnapshotAsync(_database.Factory, _planId)).ShouldBe(_before);
    }

    [Fact]
    public async Task A_provincial_agencys_quantity_is_refused()
    {
        var outcome = await Quantities.ChangeAsync(SeededPlan.Admin, new ChangeQuantity(_planId, _officeOfTheCommittee, 60, "Giảm"), Ct);

        await ShouldBeFrozenByTheLetterAsync(outcome.Error);
    }

    [Fact]
    public async Task The_districts_group_total_is_refused()
    {
        var outcome = await Quantities.ChangeAsync(SeededPlan.Admin, new ChangeQuantity(_planId, _group, 3900, "Giảm"), Ct);

        await ShouldBeFrozenByTheLetterAsync(outcome.Error);
    }

    [Fact]
    public async Task The_provinces_total_is_refused()
    {
        var outcome = await Quantities.ChangeAsync(SeededPlan.Admin, new ChangeQuantity(_planId, _root, 6000, "Tăng"), Ct);

        await ShouldBeFrozenByTheLetterAsync(outcome.Error);
    }

    [Fact]
    public async Task A_batch_touching_a_provincial_agency_is_refused_as_a_whole()
    {
        var result = await new QuantityBatchService(_database.Factory, TimeProvider.System)
            .ApplyAsync(SeededPlan.Admin, new QuantityBatch(_planId, "Nhập từ Excel", [new QuantityBatchItem(_caoLanhCity, 310), new QuantityBatchItem(_officeOfTheCommittee, 60)]), Ct);

        result.Applied.ShouldBeFalse();
        result.Refused.ShouldContain(r => r.UnitId == _officeOfTheCommittee && r.Error == AllocationError.DecisionLocked("Tỉnh Đồng Tháp"));
        (await PlanSteps.SnapshotAsync(_database.Factory, _planId)).ShouldBe(_before);
    }

    [Fact]
    public async Task Renaming_a_provincial_agency_is_refused()
    {
        var outcome = await Units.UpdateUnitAsync(SeededPlan.Admin, _planId, _officeOfTheCommittee, name: "Văn phòng UBND tỉnh", cancellationToken: Ct);

        await ShouldBeFrozenByTheLetterAsync(outcome.Error);
    }

    [Fact]
    public async Task Adding_a_provincial_agency_is_refused()
    {
        var outcome = await Units.AddUnitAsync(SeededPlan.Admin, _planId, _root, "Sở Ngoại vụ", UnitKind.ProvincialAgency, cancellationToken: Ct);

        await ShouldBeFrozenByTheLetterAsync(outcome.Error);
    }

    [Fact]
    public async Task The_province_still_splits_the_group_among_the_districts()
    {
        var outcome = await Quantities.ChangeAsync(SeededPlan.Admin, new ChangeQuantity(_planId, _caoLanhCity, 350, "Phân bổ chi tiết"), Ct);

        outcome.Error.ShouldBeNull();
        outcome.Value!.Quantity.ShouldBe(350);
    }

    [Fact]
    public async Task A_district_officer_still_sub_allocates_one_unit_and_by_batch()
    {
        (await Quantities.ChangeAsync(CaoLanhOfficer, new ChangeQuantity(_planId, _ward11, 20, "Giao cho phường"), Ct)).Error.ShouldBeNull();

        var batch = await new QuantityBatchService(_database.Factory, TimeProvider.System)
            .ApplyAsync(CaoLanhOfficer, new QuantityBatch(_planId, "Nhập từ Excel", [new QuantityBatchItem(_ward11, 25)]), Ct);

        batch.Applied.ShouldBeTrue();
        (await SeededPlan.FiguresAsync(_database.Factory, _planId, _ward11)).Quantity.ShouldBe(25);
    }

    [Fact]
    public async Task A_district_officer_still_adds_renames_and_reorders_its_units()
    {
        (await Units.AddUnitAsync(CaoLanhOfficer, _planId, _caoLanhCity, "Phòng Nội vụ", UnitKind.DistrictAgency, cancellationToken: Ct)).Error.ShouldBeNull();
        (await Units.UpdateUnitAsync(CaoLanhOfficer, _planId, _ward11, name: "Phường 11 mới", cancellationToken: Ct)).Error.ShouldBeNull();
        (await Units.UpdateUnitAsync(CaoLanhOfficer, _planId, _ward11, order: 2, cancellationToken: Ct)).Error.ShouldBeNull();
    }

    [Fact]
    public async Task Publishing_again_is_refused()
    {
        var outcome = await new PlanPublication(_database.Factory, TimeProvider.System)
            .PublishAsync(SeededPlan.Admin, new PublishPlan(_planId, "99/STTTT-CNTT", new DateOnly(2021, 3, 1), "Giám đốc"), Ct);

        outcome.Error.ShouldBe(AllocationError.PlanLocked());
        (await PlanSteps.SnapshotAsync(_database.Factory, _planId)).ShouldBe(_before);
    }

    [Fact]
    public async Task Once_an_amendment_is_started_no_level_of_the_published_version_takes_changes()
    {
        await PlanSteps.AmendAsync(_database.Factory, _planId);
        var before = await PlanSteps.SnapshotAsync(_database.Factory, _planId);

        (await Quantities.ChangeAsync(CaoLanhOfficer, new ChangeQuantity(_planId, _ward11, 20, "Giao cho phường"), Ct)).Error.ShouldBe(AllocationError.PlanLocked());
        (await Units.AddUnitAsync(CaoLanhOfficer, _planId, _caoLanhCity, "Phòng Nội vụ", UnitKind.DistrictAgency, cancellationToken: Ct)).Error.ShouldBe(AllocationError.PlanLocked());
        (await PlanSteps.SnapshotAsync(_database.Factory, _planId)).ShouldBe(before);
    }

    private QuantityService Quantities => new(_database.Factory, TimeProvider.System);

    private UnitAdministration Units => new(_database.Factory, TimeProvider.System);
}
