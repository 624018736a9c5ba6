using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Allocations;
using LicenseAllocation.Application.Identity;
using LicenseAllocation.Application.Plans;
using LicenseAllocation.Application.Units;
using LicenseAllocation.Domain.Allocations;
using LicenseAllocation.Domain.Units;
using LicenseAllocation.Testing;
using Shouldly;

namespace LicenseAllocation.Application.Tests.Plans;

public sealed class PlanComparisonTests : IAsyncLifetime
{
    private SqliteTestDatabase _database = default!;
    private QuantityService _quantities = default!;
    private PlanComparison _comparison = default!;
    private int _planId;
    private int _amendmentId;
    private int _officeOfTheCommittee;
    private int _officeOfTheCouncil;
    private int _caoLanhCity;
    private int _ward11;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _database = await SqliteTestDatabase.CreateAsync();
        _quantities = new QuantityService(_database.Factory, TimeProvider.System);
        _comparison = new PlanComparison(_database.Factory);
        _planId = await SeededPlan.PlanIdAsync(_database.Factory);
        _officeOfTheCommittee = await SeededPlan.UnitIdAsync(_database.Factory, "VP. UBND tỉnh"); // 65
        _officeOfTheCouncil = await SeededPlan.UnitIdAsync(_database.Factory, "VP. HĐND tỉnh"); // 24
        _caoLanhCity = await SeededPlan.UnitIdByCodeAsync(_database.Factory, "866");
        _ward11 = await SeededPlan.UnitIdByCodeAsync(_database.Factory, "29863");
        await PlanSteps.PublishAsync(_database.Factory, _planId);
        _amendmentId = (await PlanSteps.AmendAsync(_database.Factory, _planId)).Id;
    }

    public async ValueTask DisposeAsync() => await _database.DisposeAsync();

    private async Task SetAsync(int unitId, int quantity) =>
        (await _quantities.ChangeAsync(SeededPlan.Admin, new ChangeQuantity(_amendmentId, unitId, quantity, "Điều chỉnh"), Ct)).Error.ShouldBeNull();

    [Fact]
    public async Task Changing_three_units_in_the_amendment_lists_exactly_those_three_in_tree_order()
    {
        // 5 licences move from the Committee's office to the Council's; the district group gives 40 to Cao Lãnh.
        await SetAsync(_officeOfTheCommittee, 60);
        await SetAsync(_officeOfTheCouncil, 29);
        await SetAsync(_caoLanhCity, 40);

        var result = (await _comparison.CompareAsync(SeededPlan.Admin, _amendmentId, _planId, Ct)).Value.ShouldNotBeNull();

        result.Items.Select(i => (i.UnitId, i.Quantity, i.OtherQuantity, i.Difference)).ShouldBe(
        [
            (_officeOfTheCommittee, 60, 65, -5),
            (_officeOfTheCouncil, 29, 24, 5),
            (_caoLanhCity, 40, 0, 40),
        ]);
        (result.Plan.TotalLicenses, result.Other.TotalLicenses).ShouldBe((SeedFacts.Total, SeedFacts.Total));
    }

    [Fact]
    public async Task Comparing_the_other_way_round_turns_the_differences_round()
    {
        await SetAsync(_officeOfTheCommittee, 60);

        var result = (await _comparison.CompareAsync(SeededPlan.Admin, _planId, _amendmentId, Ct)).Value!;

        result.Items.ShouldHaveSingleItem().Difference.ShouldBe(5);
    }

    [Fact]
    public async Task Identical_versions_have_nothing_to_list()
    {
        (await _comparison.CompareAsync(SeededPlan.Admin, _amendmentId, _planId, Ct)).Value!.Items.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_unit_that_only_the_amendment_has_counts_as_0_in_the_published_plan()
    {
        await SetAsync(_caoLanhCity, 40);
        var added = (await new UnitAdministration(_database.Factory, TimeProvider.System)
            .AddUnitAsync(SeededPlan.Admin, _amendmentId, _caoLanhCity, "Trung tâm Y tế thành phố", UnitKind.DistrictAgency, cancellationToken: Ct)).Value!;
        await SetAsync(added.UnitId, 7);

        var item = (await _comparison.CompareAsync(SeededPlan.Admin, _amendmentId, _planId, Ct)).Value!.Items.Single(i => i.UnitId == added.UnitId);

        (item.Name, item.Quantity, item.OtherQuantity, item.Difference).ShouldBe(("Trung tâm Y tế thành phố", 7, 0, 7));
    }

    [Fact]
    public async Task A_district_officer_sees_only_the_differences_in_their_district()
    {
        await SetAsync(_officeOfTheCommittee, 60);
        await SetAsync(_caoLanhCity, 40);
        await SetAsync(_ward11, 10);

        var officer = new Caller("cao-lanh", PortalRole.DistrictOfficer, _caoLanhCity);
        var result = (await _comparison.CompareAsync(officer, _amendmentId, _planId, Ct)).Value!;

        result.Items.Select(i => i.UnitId).ShouldBe([_caoLanhCity, _ward11]);
    }

    [Fact]
    public async Task An_unknown_plan_is_not_found()
    {
        (await _comparison.CompareAsync(SeededPlan.Admin, _planId, 4242, Ct)).Error.ShouldBe(AllocationError.NotFound());
    }
}
