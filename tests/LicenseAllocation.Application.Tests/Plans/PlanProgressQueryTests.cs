using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Allocations;
using LicenseAllocation.Application.Identity;
using LicenseAllocation.Application.Plans;
using LicenseAllocation.Testing;
using Microsoft.Extensions.Time.Testing;
using Shouldly;

namespace LicenseAllocation.Application.Tests.Plans;

/// <summary>"Còn lại 0" while 3.960 wait for the districts: the progress says what each level still holds.</summary>
public sealed class PlanProgressQueryTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2021, 1, 15, 8, 30, 0, TimeSpan.Zero));
    private SqliteTestDatabase _database = default!;
    private PlanProgressQuery _progress = default!;
    private QuantityService _quantities = default!;
    private int _planId;
    private int _caoLanhCity;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _database = await SqliteTestDatabase.CreateAsync(clock: _clock);
        _progress = new PlanProgressQuery(_database.Factory);
        _quantities = new QuantityService(_database.Factory, _clock);
        _planId = await SeededPlan.PlanIdAsync(_database.Factory);
        _caoLanhCity = await SeededPlan.UnitIdByCodeAsync(_database.Factory, "866");
    }

    public async ValueTask DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task The_seeded_letter_leaves_3960_not_handed_on_and_all_12_districts_open()
    {
        var progress = (await _progress.GetAsync(SeededPlan.Admin, _planId, Ct)).Value!;

        progress.NotHandedOn.ShouldBe(3960);
        progress.OpenUnits.Single().Name.ShouldBe("UBND 12 huyện, thành phố");
        (progress.Districts, progress.DistrictsOpen).ShouldBe((SeedFacts.Districts, SeedFacts.Districts));
    }

    [Fact]
    public async Task A_share_given_to_a_district_moves_from_the_group_to_the_district_until_the_district_splits_it()
    {
        var commune = await SeededPlan.UnitIdAsync(_database.Factory, "Phường 11");
        (await _quantities.ChangeAsync(SeededPlan.Admin, new ChangeQuantity(_planId, _caoLanhCity, 300, "Phân bổ chi tiết"), Ct)).Succeeded.ShouldBeTrue();

        var given = (await _progress.GetAsync(SeededPlan.Admin, _planId, Ct)).Value!;
        given.NotHandedOn.ShouldBe(3960, "300 left the group for the city, which has not handed them on");
        given.OpenUnits.Select(u => (u.Name, u.Remaining)).ShouldBe([("UBND 12 huyện, thành phố", 3660), ("Thành phố Cao Lãnh", 300)]);

        (await _quantities.ChangeAsync(SeededPlan.Admin, new ChangeQuantity(_planId, commune, 300, "Giao xuống phường"), Ct)).Succeeded.ShouldBeTrue();
        var split = (await _progress.GetAsync(SeededPlan.Admin, _planId, Ct)).Value!;
        split.NotHandedOn.ShouldBe(3660);
        split.DistrictsOpen.ShouldBe(SeedFacts.Districts - 1);
    }

    [Fact]
    public async Task A_district_officer_sees_only_what_the_district_holds()
    {
        await _quantities.ChangeAsync(SeededPlan.Admin, new ChangeQuantity(_planId, _caoLanhCity, 300, "Phân bổ chi tiết"), Ct);
        var officer = new Caller("can-bo", PortalRole.DistrictOfficer, _caoLanhCity);

        var progress = (await _progress.GetAsync(officer, _planId, Ct)).Value!;

        progress.NotHandedOn.ShouldBe(300);
        (progress.Districts, progress.DistrictsOpen).ShouldBe((1, 1));
    }

    [Fact]
    public async Task A_commune_viewer_has_nothing_to_hand_on()
    {
        var commune = await SeededPlan.UnitIdAsync(_database.Factory, "Phường 11");

        var progress = (await _progress.GetAsync(new Caller("xem", PortalRole.UnitViewer, commune), _planId, Ct)).Value!;

        progress.IsComplete.ShouldBeTrue();
    }
}
