using LicenseAllocation.Application.Allocations;
using LicenseAllocation.Domain.Allocations;
using LicenseAllocation.Domain.Auditing;
using LicenseAllocation.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Shouldly;

namespace LicenseAllocation.Application.Tests.Allocations;

public sealed class QuantityServiceTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2021, 1, 15, 8, 30, 0, TimeSpan.Zero));
    private SqliteTestDatabase _database = default!;
    private QuantityService _service = default!;
    private int _planId;
    private int _province;
    private int _officeOfTheCommittee;
    private int _officeOfTheCouncil;
    private int _districtGroup;
    private int _caoLanhCity;
    private int _ward11;

    public async ValueTask InitializeAsync()
    {
        _database = await SqliteTestDatabase.CreateAsync(clock: _clock);
        _service = new QuantityService(_database.Factory, _clock);
        _planId = await SeededPlan.PlanIdAsync(_database.Factory);
        _province = await SeededPlan.RootIdAsync(_database.Factory);
        _officeOfTheCommittee = await SeededPlan.UnitIdAsync(_database.Factory, "VP. UBND tỉnh");
        _officeOfTheCouncil = await SeededPlan.UnitIdAsync(_database.Factory, "VP. HĐND tỉnh");
        _districtGroup = await SeededPlan.UnitIdAsync(_database.Factory, "UBND 12 huyện, thành phố");
        _caoLanhCity = await SeededPlan.UnitIdByCodeAsync(_database.Factory, "866");
        _ward11 = await SeededPlan.UnitIdByCodeAsync(_database.Factory, "29863");
    }

    public async ValueTask DisposeAsync() => await _database.DisposeAsync();

    private Task<Common.Outcome<UnitNodeView>> ChangeAsync(int unitId, int quantity, string? reason = "Điều chỉnh theo nhu cầu", int? version = null) =>
        _service.ChangeAsync(SeededPlan.Admin, new ChangeQuantity(_planId, unitId, quantity, reason, version), TestContext.Current.CancellationToken);

    [Fact]
    public async Task A_decrease_frees_licences_at_the_parent()
    {
        var outcome = await ChangeAsync(_officeOfTheCommittee, 60);

        outcome.Succeeded.ShouldBeTrue();
        outcome.Value.Quantity.ShouldBe(60);
        outcome.Value.Version.ShouldBe(2);
        (await SeededPlan.FiguresAsync(_database.Factory, _province)).ShouldBe((5137, 5132));
    }

    [Fact]
    public async Task An_accepted_change_writes_one_audit_row_with_who_when_what_and_why()
    {
        await ChangeAsync(_officeOfTheCommittee, 60, "Chuyển 5 bản quyền về dự phòng");

        await using var db = await _database.Factory.CreateDbContextAsync(TestContext.Current.CancellationToken);
        var entry = await db.AuditEntries.SingleAsync(a => a.Action == AuditAction.QuantityChanged, TestContext.Current.CancellationToken);
        entry.Actor.ShouldBe("admin");
        entry.AtUtc.ShouldBe(_clock.GetUtcNow().UtcDateTime);
        entry.AtUtc.Kind.ShouldBe(DateTimeKind.Utc);
        entry.UnitId.ShouldBe(_officeOfTheCommittee);
        entry.PlanId.ShouldBe(_planId);
        (entry.OldValue, entry.NewValue).ShouldBe((65, 60));
        entry.Reason.ShouldBe("Chuyển 5 bản quyền về dự phòng");
    }

    [Fact]
    public async Task An_increase_beyond_what_the_parent_has_left_is_refused_with_the_numbers_and_changes_nothing()
    {
        await ChangeAsync(_officeOfTheCommittee, 60);

        var outcome = await ChangeAsync(_officeOfTheCouncil, 30);

        outcome.Error.ShouldBe(AllocationError.ExceedsParent(30, 29, 5));
        (await SeededPlan.FiguresAsync(_database.Factory, _officeOfTheCouncil)).Quantity.ShouldBe(24);
        (await SeededPlan.FiguresAsync(_database.Factory, _province)).HandedOn.ShouldBe(5132);
        await using var db = await _database.Factory.CreateDbContextAsync(TestContext.Current.CancellationToken);
        (await db.AuditEntries.CountAsync(a => a.Action == AuditAction.QuantityChanged, TestContext.Current.CancellationToken)).ShouldBe(1);
    }

    [Fact]
    public async Task A_district_hands_on_to_its_communes_no_more_than_it_holds()
    {
        (await ChangeAsync(_caoLanhCity, 300)).Succeeded.ShouldBeTrue();

        (await ChangeAsync(_ward11, 301)).Error!.Code.ShouldBe(AllocationErrorCode.ExceedsParent);
        (await ChangeAsync(_ward11, 300)).Succeeded.ShouldBeTrue();

        (await SeededPlan.FiguresAsync(_database.Factory, _caoLanhCity)).ShouldBe((300, 300));
        (await SeededPlan.FiguresAsync(_database.Factory, _districtGroup)).ShouldBe((3960, 300));
    }

    [Fact]
    public async Task A_unit_cannot_drop_below_what_it_has_handed_on()
    {
        await ChangeAsync(_caoLanhCity, 300);
        await ChangeAsync(_ward11, 120);

        var outcome = await ChangeAsync(_caoLanhCity, 119);

        outcome.Error.ShouldBe(AllocationError.BelowHandedOn(119, 120));
        (await SeededPlan.FiguresAsync(_database.Factory, _caoLanhCity)).Quantity.ShouldBe(300);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public async Task A_change_without_a_reason_is_refused(string? reason)
    {
        (await ChangeAsync(_officeOfTheCommittee, 60, reason)).Error!.Code.ShouldBe(AllocationErrorCode.ReasonRequired);
        (await SeededPlan.FiguresAsync(_database.Factory, _officeOfTheCommittee)).Quantity.ShouldBe(65);
    }

    [Fact]
    public async Task A_negative_quantity_is_refused()
    {
        (await ChangeAsync(_officeOfTheCommittee, -1)).Error!.Code.ShouldBe(AllocationErrorCode.InvalidQuantity);
    }

    [Fact]
    public async Task A_change_made_on_a_stale_version_is_refused()
    {
        (await ChangeAsync(_officeOfTheCommittee, 60, version: 1)).Succeeded.ShouldBeTrue();

        (await ChangeAsync(_officeOfTheCommittee, 55, version: 1)).Error!.Code.ShouldBe(AllocationErrorCode.VersionConflict);
        (await SeededPlan.FiguresAsync(_database.Factory, _officeOfTheCommittee)).Quantity.ShouldBe(60);
    }

    [Fact]
    public async Task An_unknown_unit_or_plan_is_not_found()
    {
        (await ChangeAsync(999_999, 1)).Error!.Code.ShouldBe(AllocationErrorCode.NotFound);
        var otherPlan = await _service.ChangeAsync(SeededPlan.Admin, new ChangeQuantity(_planId + 1, _officeOfTheCommittee, 1, "x"), TestContext.Current.CancellationToken);
        otherPlan.Error!.Code.ShouldBe(AllocationErrorCode.NotFound);
    }

    [Fact]
    public async Task Setting_the_same_quantity_again_changes_and_audits_nothing()
    {
        var outcome = await ChangeAsync(_officeOfTheCommittee, 65);

        outcome.Value!.Version.ShouldBe(1);
        await using var db = await _database.Factory.CreateDbContextAsync(TestContext.Current.CancellationToken);
        (await db.AuditEntries.CountAsync(a => a.Action == AuditAction.QuantityChanged, TestContext.Current.CancellationToken)).ShouldBe(0);
    }

    [Fact]
    public async Task The_provincial_total_can_grow_but_not_below_what_has_been_handed_out()
    {
        (await ChangeAsync(_province, 5136)).Error.ShouldBe(AllocationError.BelowHandedOn(5136, 5137));

        (await ChangeAsync(_province, 5200)).Succeeded.ShouldBeTrue();
        (await ChangeAsync(_officeOfTheCommittee, 128)).Succeeded.ShouldBeTrue();
    }
}
