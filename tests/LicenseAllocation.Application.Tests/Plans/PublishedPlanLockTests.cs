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

/// <summary>Every path that writes to a plan refuses a published one with plan-locked and leaves everything as it was.</summary>
public sealed class PublishedPlanLockTests : IAsyncLifetime
{
    private SqliteTestDatabase _database = default!;
    private int _planId;
    private int _officeOfTheCommittee;
    private int _caoLanhCity;
    private int _ward11;
    private string _before = string.Empty;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Caller CaoLanhOfficer => new("cao-lanh", PortalRole.DistrictOfficer, _caoLanhCity);

    public async ValueTask InitializeAsync()
    {
        _database = await SqliteTestDatabase.CreateAsync();
        _planId = await SeededPlan.PlanIdAsync(_database.Factory);
        _officeOfTheCommittee = await SeededPlan.UnitIdAsync(_database.Factory, "VP. UBND tỉnh");
        _caoLanhCity = await SeededPlan.UnitIdByCodeAsync(_database.Factory, "866");
        _ward11 = await SeededPlan.UnitIdByCodeAsync(_database.Factory, "29863");

        // Give Cao Lãnh something to hand on, so that the officer's edits below would be accepted on a draft.
        (await new QuantityService(_database.Factory, TimeProvider.System)
            .ChangeAsync(SeededPlan.Admin, new ChangeQuantity(_planId, _caoLanhCity, 300, "Giao cho thành phố"), Ct)).Succeeded.ShouldBeTrue();
        await PlanSteps.PublishAsync(_database.Factory, _planId);
        _before = await PlanSteps.SnapshotAsync(_database.Factory, _planId);
    }

    public async ValueTask DisposeAsync() => await _database.DisposeAsync();

    private async Task ShouldBeLockedAndUnchangedAsync(AllocationError? error)
    {
        error.ShouldBe(AllocationError.PlanLocked());
        (await PlanSteps.SnapshotAsync(_database.Factory, _planId)).ShouldBe(_before);
    }

    [Fact]
    public async Task A_single_quantity_change_is_refused()
    {
        var outcome = await new QuantityService(_database.Factory, TimeProvider.System)
            .ChangeAsync(SeededPlan.Admin, new ChangeQuantity(_planId, _officeOfTheCommittee, 60, "Giảm"), Ct);

        await ShouldBeLockedAndUnchangedAsync(outcome.Error);
    }

    [Fact]
    public async Task A_district_officers_single_change_is_refused()
    {
        var outcome = await new QuantityService(_database.Factory, TimeProvider.System)
            .ChangeAsync(CaoLanhOfficer, new ChangeQuantity(_planId, _ward11, 20, "Giao cho phường"), Ct);

        await ShouldBeLockedAndUnchangedAsync(outcome.Error);
    }

    [Fact]
    public async Task A_batch_as_the_import_sends_it_is_refused_as_a_whole()
    {
        var result = await new QuantityBatchService(_database.Factory, TimeProvider.System)
            .ApplyAsync(CaoLanhOfficer, new QuantityBatch(_planId, "Nhập từ Excel", [new QuantityBatchItem(_ward11, 20)]), Ct);

        result.Applied.ShouldBeFalse();
        await ShouldBeLockedAndUnchangedAsync(result.Error);
    }

    [Fact]
    public async Task Adding_a_unit_is_refused()
    {
        var outcome = await Units.AddUnitAsync(CaoLanhOfficer, _planId, _caoLanhCity, "Phòng Nội vụ", UnitKind.DistrictAgency, cancellationToken: Ct);

        await ShouldBeLockedAndUnchangedAsync(outcome.Error);
    }

    [Fact]
    public async Task Renaming_a_unit_is_refused()
    {
        var outcome = await Units.UpdateUnitAsync(CaoLanhOfficer, _planId, _ward11, name: "Phường 11 mới", cancellationToken: Ct);

        await ShouldBeLockedAndUnchangedAsync(outcome.Error);
    }

    [Fact]
    public async Task Reordering_a_unit_is_refused()
    {
        var outcome = await Units.UpdateUnitAsync(CaoLanhOfficer, _planId, _ward11, order: 1, cancellationToken: Ct);

        await ShouldBeLockedAndUnchangedAsync(outcome.Error);
    }

    [Fact]
    public async Task Deactivating_a_unit_is_refused()
    {
        var outcome = await Units.UpdateUnitAsync(CaoLanhOfficer, _planId, _ward11, active: false, cancellationToken: Ct);

        await ShouldBeLockedAndUnchangedAsync(outcome.Error);
    }

    [Fact]
    public async Task Reactivating_a_unit_is_refused()
    {
        var outcome = await Units.UpdateUnitAsync(CaoLanhOfficer, _planId, _ward11, active: true, cancellationToken: Ct);

        await ShouldBeLockedAndUnchangedAsync(outcome.Error);
    }

    [Fact]
    public async Task Adding_the_standard_district_agencies_is_refused()
    {
        var outcome = await Units.AddStandardDistrictAgenciesAsync(CaoLanhOfficer, _planId, _caoLanhCity, Ct);

        await ShouldBeLockedAndUnchangedAsync(outcome.Error);
    }

    [Fact]
    public async Task Publishing_again_is_refused()
    {
        var outcome = await new PlanPublication(_database.Factory, TimeProvider.System)
            .PublishAsync(SeededPlan.Admin, new PublishPlan(_planId, "99/STTTT-CNTT", new DateOnly(2021, 3, 1), "Giám đốc"), Ct);

        await ShouldBeLockedAndUnchangedAsync(outcome.Error);
    }

    private UnitAdministration Units => new(_database.Factory, TimeProvider.System);
}
