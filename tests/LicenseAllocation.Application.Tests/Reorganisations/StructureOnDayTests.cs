using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Identity;
using LicenseAllocation.Application.Reorganisations;
using LicenseAllocation.Domain.Units;
using LicenseAllocation.Testing;
using Shouldly;

namespace LicenseAllocation.Application.Tests.Reorganisations;

/// <summary>The tree as of a date: the 2020 province up to 30/06/2025, the new province from 01/07/2025.</summary>
public sealed class StructureOnDayTests : IAsyncLifetime
{
    private SqliteTestDatabase _database = default!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _database = await SqliteTestDatabase.CreateAsync();
        await new DongThap2025Seeder(_database.Factory, TimeProvider.System).SeedAsync(Ct);
    }

    public async ValueTask DisposeAsync() => await _database.DisposeAsync();

    private async Task<StructureView> OnAsync(DateOnly day) =>
        (await new StructureOnDay(_database.Factory).GetAsync(new Caller("kiem-tra", PortalRole.Auditor), day, Ct)).Value!;

    [Fact]
    public async Task The_day_before_the_reform_shows_the_2020_province_with_its_districts()
    {
        var structure = await OnAsync(new DateOnly(2025, 6, 30));

        structure.Provinces.ShouldBe(1);
        structure.Units[0].Code.ShouldBe("87");
        structure.Units.Count(u => u.Kind == UnitKind.DistrictCommittee).ShouldBeGreaterThan(0);
        structure.Units.ShouldNotContain(u => u.Code == "82");
    }

    [Fact]
    public async Task From_the_effective_date_the_new_province_has_its_agencies_and_102_communes_directly_under_it()
    {
        var structure = await OnAsync(new DateOnly(2025, 7, 1));

        structure.Provinces.ShouldBe(1);
        structure.Units[0].Code.ShouldBe("82");
        structure.Units[0].AgencyCode.ShouldBe("000.00.00.H20");
        structure.Units.Count(u => u.Kind == UnitKind.CommuneCommittee && u.Depth == 1).ShouldBe(102);
        structure.Units.Count(u => u.Kind == UnitKind.ProvincialAgency).ShouldBe(14);
        structure.Units.ShouldNotContain(u => u.Kind == UnitKind.DistrictCommittee);
        structure.Units.Count.ShouldBe(117);
    }

    [Fact]
    public async Task Each_unit_follows_its_parent()
    {
        var structure = await OnAsync(new DateOnly(2021, 1, 1));
        var seen = new HashSet<int>();

        foreach (var unit in structure.Units)
        {
            (unit.ParentId is null || seen.Contains(unit.ParentId.Value)).ShouldBeTrue();
            seen.Add(unit.UnitId);
        }
    }
}
