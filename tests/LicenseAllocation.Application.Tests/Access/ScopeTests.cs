using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Allocations;
using LicenseAllocation.Application.Identity;
using LicenseAllocation.Domain.Allocations;
using LicenseAllocation.Domain.Units;
using LicenseAllocation.Testing;
using Shouldly;

namespace LicenseAllocation.Application.Tests.Access;

/// <summary>Scopes are decided by the services, whatever asks them.</summary>
public sealed class ScopeTests : IAsyncLifetime
{
    private SqliteTestDatabase _database = default!;
    private QuantityService _quantities = default!;
    private AllocationQueries _queries = default!;
    private int _caoLanhCity;
    private int _ward11;
    private int _saDecWard3;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _database = await SqliteTestDatabase.CreateAsync();
        _quantities = new QuantityService(_database.Factory, TimeProvider.System);
        _queries = new AllocationQueries(_database.Factory);
        _caoLanhCity = await SeededPlan.UnitIdByCodeAsync(_database.Factory, "866");
        _ward11 = await SeededPlan.UnitIdByCodeAsync(_database.Factory, "29863");
        _saDecWard3 = await SeededPlan.UnitIdByCodeAsync(_database.Factory, "29902");
        (await _quantities.ChangeAsync(SeededPlan.Admin, new ChangeQuantity(1, _caoLanhCity, 300, "Giao cho thành phố"), Ct)).Succeeded.ShouldBeTrue();
    }

    public async ValueTask DisposeAsync() => await _database.DisposeAsync();

    private Caller Officer => new("cao-lanh", PortalRole.DistrictOfficer, _caoLanhCity);

    private Task<Common.Outcome<UnitNodeView>> ChangeAsync(Caller caller, int unitId, int quantity) =>
        _quantities.ChangeAsync(caller, new ChangeQuantity(1, unitId, quantity, "Phân bổ cho xã, phường"), Ct);

    [Fact]
    public async Task A_district_officer_hands_on_to_a_commune_of_their_district()
    {
        (await ChangeAsync(Officer, _ward11, 20)).Succeeded.ShouldBeTrue();
    }

    [Fact]
    public async Task A_district_officer_cannot_change_their_own_districts_quota()
    {
        (await ChangeAsync(Officer, _caoLanhCity, 400)).Error!.Code.ShouldBe(AllocationErrorCode.OutOfScope);
    }

    [Fact]
    public async Task A_district_officer_cannot_touch_another_district()
    {
        (await ChangeAsync(Officer, _saDecWard3, 1)).Error!.Code.ShouldBe(AllocationErrorCode.OutOfScope);
        (await SeededPlan.FiguresAsync(_database.Factory, _saDecWard3)).Quantity.ShouldBe(0);
    }

    [Theory]
    [InlineData(PortalRole.Auditor)]
    [InlineData(PortalRole.UnitViewer)]
    public async Task Readers_change_nothing(PortalRole role)
    {
        (await ChangeAsync(new Caller("reader", role, _caoLanhCity), _ward11, 1)).Error!.Code.ShouldBe(AllocationErrorCode.Forbidden);
    }

    [Fact]
    public async Task A_district_officer_sees_only_their_districts_subtree()
    {
        var rows = (await _queries.GetTreeAsync(Officer, 1, Ct)).Value!;

        rows.Count.ShouldBe(1 + 15);
        rows[0].Node.UnitId.ShouldBe(_caoLanhCity);
        rows[0].Depth.ShouldBe(0);
        rows.Skip(1).ShouldAllBe(r => r.Node.Kind == UnitKind.CommuneCommittee && r.Node.ParentUnitId == _caoLanhCity);
    }

    [Fact]
    public async Task A_unit_viewer_sees_only_their_unit()
    {
        var rows = (await _queries.GetTreeAsync(new Caller("phuong-11", PortalRole.UnitViewer, _ward11), 1, Ct)).Value!;

        rows.ShouldHaveSingleItem().Node.UnitId.ShouldBe(_ward11);
    }

    [Fact]
    public async Task An_auditor_sees_the_whole_tree()
    {
        (await _queries.GetTreeAsync(new Caller("kiem-toan", PortalRole.Auditor), 1, Ct)).Value!.Count.ShouldBe(SeedFacts.Units);
    }

    [Fact]
    public async Task A_scoped_role_without_a_scope_unit_sees_nothing()
    {
        (await _queries.GetTreeAsync(new Caller("lost", PortalRole.DistrictOfficer), 1, Ct)).Value!.ShouldBeEmpty();
    }
}
