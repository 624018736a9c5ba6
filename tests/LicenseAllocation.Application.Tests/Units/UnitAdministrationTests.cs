using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Allocations;
using LicenseAllocation.Application.Identity;
using LicenseAllocation.Application.Units;
using LicenseAllocation.Domain.Allocations;
using LicenseAllocation.Domain.Auditing;
using LicenseAllocation.Domain.Units;
using LicenseAllocation.Testing;
using Microsoft.EntityFrameworkCore;
using Shouldly;

namespace LicenseAllocation.Application.Tests.Units;

public sealed class UnitAdministrationTests : IAsyncLifetime
{
    private SqliteTestDatabase _database = default!;
    private UnitAdministration _units = default!;
    private QuantityService _quantities = default!;
    private int _planId;
    private int _caoLanhCity;
    private int _caoLanhDistrict;
    private int _saDec;
    private int _ward11;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _database = await SqliteTestDatabase.CreateAsync();
        _units = new UnitAdministration(_database.Factory, TimeProvider.System);
        _quantities = new QuantityService(_database.Factory, TimeProvider.System);
        _planId = await SeededPlan.PlanIdAsync(_database.Factory);
        _caoLanhCity = await SeededPlan.UnitIdByCodeAsync(_database.Factory, "866");
        _caoLanhDistrict = await SeededPlan.UnitIdByCodeAsync(_database.Factory, "873");
        _saDec = await SeededPlan.UnitIdByCodeAsync(_database.Factory, "867");
        _ward11 = await SeededPlan.UnitIdByCodeAsync(_database.Factory, "29863");
    }

    public async ValueTask DisposeAsync() => await _database.DisposeAsync();

    private Caller CaoLanhOfficer => new("cao-lanh", PortalRole.DistrictOfficer, _caoLanhCity);

    private async Task<List<AuditEntry>> AuditOfAsync(int unitId)
    {
        await using var db = await _database.Factory.CreateDbContextAsync(Ct);
        return await db.AuditEntries.Where(a => a.UnitId == unitId).OrderBy(a => a.Id).ToListAsync(Ct);
    }

    private async Task<List<string>> ChildNamesAsync(int parentId)
    {
        await using var db = await _database.Factory.CreateDbContextAsync(Ct);
        return await db.Units.Where(u => u.ParentId == parentId).OrderBy(u => u.Order).Select(u => u.Name).ToListAsync(Ct);
    }

    private Task SetQuantityAsync(int unitId, int quantity) =>
        _quantities.ChangeAsync(SeededPlan.Admin, new ChangeQuantity(_planId, unitId, quantity, "Điều chỉnh"), Ct);

    [Fact]
    public async Task A_district_officer_adds_an_agency_under_their_district_last_with_quantity_zero_and_an_audit_row()
    {
        var outcome = await _units.AddUnitAsync(CaoLanhOfficer, _planId, _caoLanhCity, "  Phòng   Nội vụ ", UnitKind.DistrictAgency, cancellationToken: Ct);

        var node = outcome.Value.ShouldNotBeNull();
        (node.Name, node.Kind, node.ParentUnitId, node.Quantity, node.IsActive).ShouldBe(("Phòng Nội vụ", UnitKind.DistrictAgency, _caoLanhCity, 0, true));
        node.Order.ShouldBe(16, "Cao Lãnh city has 15 communes");
        var audit = (await AuditOfAsync(node.UnitId)).ShouldHaveSingleItem();
        (audit.Action, audit.Actor, audit.PlanId).ShouldBe((AuditAction.UnitCreated, "cao-lanh", _planId));
    }

    [Fact]
    public async Task A_district_officer_cannot_add_under_another_district()
    {
        var outcome = await _units.AddUnitAsync(CaoLanhOfficer, _planId, _saDec, "Phòng Nội vụ", UnitKind.DistrictAgency, cancellationToken: Ct);

        outcome.Error.ShouldBe(AllocationError.OutOfScope());
        (await ChildNamesAsync(_saDec)).ShouldNotContain("Phòng Nội vụ");
    }

    [Fact]
    public async Task A_unit_of_a_kind_that_cannot_stand_under_the_parent_is_refused()
    {
        var outcome = await _units.AddUnitAsync(SeededPlan.Admin, _planId, _caoLanhCity, "Sở mới", UnitKind.ProvincialAgency, cancellationToken: Ct);

        outcome.Error.ShouldBe(AllocationError.InvalidUnitKind());
    }

    [Theory]
    [InlineData(PortalRole.Auditor)]
    [InlineData(PortalRole.UnitViewer)]
    public async Task Readers_cannot_add_or_change_units(PortalRole role)
    {
        var reader = new Caller("reader", role, _caoLanhCity);

        (await _units.AddUnitAsync(reader, _planId, _caoLanhCity, "Phòng Y tế", UnitKind.DistrictAgency, cancellationToken: Ct)).Error.ShouldBe(AllocationError.Forbidden());
        (await _units.UpdateUnitAsync(reader, _planId, _ward11, name: "Phường Mới", cancellationToken: Ct)).Error.ShouldBe(AllocationError.Forbidden());
        (await _units.AddStandardDistrictAgenciesAsync(reader, _planId, _caoLanhCity, Ct)).Error.ShouldBe(AllocationError.Forbidden());
    }

    [Fact]
    public async Task A_rename_normalises_the_name_and_is_audited_with_old_and_new()
    {
        var outcome = await _units.UpdateUnitAsync(CaoLanhOfficer, _planId, _ward11, name: "Phường  11 (mới)", cancellationToken: Ct);

        outcome.Value!.Name.ShouldBe("Phường 11 (mới)");
        var audit = (await AuditOfAsync(_ward11)).ShouldHaveSingleItem();
        audit.Action.ShouldBe(AuditAction.UnitRenamed);
        audit.Reason.ShouldContain("Phường 11 (mới)");
    }

    [Fact]
    public async Task A_district_officer_cannot_rename_or_deactivate_their_own_district()
    {
        (await _units.UpdateUnitAsync(CaoLanhOfficer, _planId, _caoLanhCity, name: "Thành phố Mới", cancellationToken: Ct)).Error.ShouldBe(AllocationError.OutOfScope());
        (await _units.UpdateUnitAsync(CaoLanhOfficer, _planId, _caoLanhCity, active: false, cancellationToken: Ct)).Error.ShouldBe(AllocationError.OutOfScope());
    }

    [Fact]
    public async Task Moving_a_unit_to_the_first_place_renumbers_its_siblings()
    {
        var names = await ChildNamesAsync(_caoLanhCity);
        int last;
        await using (var db = await _database.Factory.CreateDbContextAsync(Ct))
        {
            last = await db.Units.Where(u => u.ParentId == _caoLanhCity).OrderByDescending(u => u.Order).Select(u => u.Id).FirstAsync(Ct);
        }

        var outcome = await _units.UpdateUnitAsync(CaoLanhOfficer, _planId, last, order: 1, cancellationToken: Ct);

        outcome.Value!.Order.ShouldBe(1);
        (await ChildNamesAsync(_caoLanhCity)).ShouldBe([names[^1], .. names[..^1]]);
        (await AuditOfAsync(last)).ShouldHaveSingleItem().Action.ShouldBe(AuditAction.UnitMoved);
    }

    [Fact]
    public async Task Deactivating_a_unit_that_holds_licences_is_refused_at_zero_it_works_and_its_history_remains()
    {
        await SetQuantityAsync(_caoLanhCity, 100);
        await SetQuantityAsync(_ward11, 20);

        var refused = await _units.UpdateUnitAsync(CaoLanhOfficer, _planId, _ward11, active: false, cancellationToken: Ct);
        refused.Error.ShouldBe(AllocationError.UnitNotEmpty(20));

        await SetQuantityAsync(_ward11, 0);
        var outcome = await _units.UpdateUnitAsync(CaoLanhOfficer, _planId, _ward11, active: false, cancellationToken: Ct);

        outcome.Value!.IsActive.ShouldBeFalse();
        (await AuditOfAsync(_ward11)).Select(a => a.Action).ShouldBe([AuditAction.QuantityChanged, AuditAction.QuantityChanged, AuditAction.UnitDeactivated]);
        (await AuditOfAsync(_ward11))[0].NewValue.ShouldBe(20);
    }

    [Fact]
    public async Task A_deactivated_unit_receives_no_licences_until_it_is_reactivated()
    {
        await SetQuantityAsync(_caoLanhCity, 100);
        (await _units.UpdateUnitAsync(SeededPlan.Admin, _planId, _ward11, active: false, cancellationToken: Ct)).Succeeded.ShouldBeTrue();

        var refused = await _quantities.ChangeAsync(CaoLanhOfficer, new ChangeQuantity(_planId, _ward11, 5, "Giao"), Ct);
        refused.Error.ShouldBe(AllocationError.UnitInactive(5));

        (await _units.UpdateUnitAsync(SeededPlan.Admin, _planId, _ward11, active: true, cancellationToken: Ct)).Value!.IsActive.ShouldBeTrue();
        (await _quantities.ChangeAsync(CaoLanhOfficer, new ChangeQuantity(_planId, _ward11, 5, "Giao"), Ct)).Succeeded.ShouldBeTrue();
    }

    [Fact]
    public async Task The_standard_agencies_of_a_rural_district_are_added_once()
    {
        var first = await _units.AddStandardDistrictAgenciesAsync(SeededPlan.Admin, _planId, _caoLanhDistrict, Ct);
        var second = await _units.AddStandardDistrictAgenciesAsync(SeededPlan.Admin, _planId, _caoLanhDistrict, Ct);

        first.Value!.Count.ShouldBe(12);
        first.Value.ShouldAllBe(n => n.Kind == UnitKind.DistrictAgency && n.Quantity == 0 && n.ParentUnitId == _caoLanhDistrict);
        first.Value.Select(n => n.Name).ShouldContain("Phòng Nông nghiệp và Phát triển nông thôn");
        first.Value.Select(n => n.Name).ShouldContain("Phòng Kinh tế và Hạ tầng");
        second.Value.ShouldBeEmpty();
        (await ChildNamesAsync(_caoLanhDistrict)).Count(n => n.StartsWith("Phòng", StringComparison.Ordinal)).ShouldBe(10);
    }

    [Fact]
    public async Task A_city_gets_the_economy_and_urban_management_offices_and_an_office_already_there_is_not_added_again()
    {
        (await _units.AddUnitAsync(CaoLanhOfficer, _planId, _caoLanhCity, "phòng nội vụ", UnitKind.DistrictAgency, cancellationToken: Ct)).Succeeded.ShouldBeTrue();

        var added = await _units.AddStandardDistrictAgenciesAsync(CaoLanhOfficer, _planId, _caoLanhCity, Ct);

        var names = added.Value!.Select(n => n.Name).ToList();
        names.Count.ShouldBe(11);
        names.ShouldContain("Phòng Kinh tế");
        names.ShouldContain("Phòng Quản lý đô thị");
        names.ShouldNotContain("Phòng Nông nghiệp và Phát triển nông thôn");
        names.ShouldNotContain("Phòng Kinh tế và Hạ tầng");
        names.ShouldNotContain("Phòng Nội vụ");
        (await _units.AddStandardDistrictAgenciesAsync(CaoLanhOfficer, _planId, _caoLanhCity, Ct)).Value.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_district_officer_cannot_add_the_standard_agencies_of_another_district()
    {
        (await _units.AddStandardDistrictAgenciesAsync(CaoLanhOfficer, _planId, _saDec, Ct)).Error.ShouldBe(AllocationError.OutOfScope());
    }
}
