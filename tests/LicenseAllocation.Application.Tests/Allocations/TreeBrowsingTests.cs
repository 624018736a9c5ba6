using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Allocations;
using LicenseAllocation.Application.Identity;
using LicenseAllocation.Domain.Allocations;
using LicenseAllocation.Domain.Units;
using LicenseAllocation.Testing;
using Microsoft.Extensions.Time.Testing;
using Shouldly;

namespace LicenseAllocation.Application.Tests.Allocations;

/// <summary>The tree a level at a time and by filter: the same scopes and the same figures as the whole-tree query.</summary>
public sealed class TreeBrowsingTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2021, 1, 15, 8, 30, 0, TimeSpan.Zero));
    private SqliteTestDatabase _database = default!;
    private TreeBrowsing _browsing = default!;
    private int _planId;
    private int _caoLanhCity;
    private int _thapMuoi;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _database = await SqliteTestDatabase.CreateAsync(clock: _clock);
        _browsing = new TreeBrowsing(_database.Factory, new PlanTreeSnapshots());
        _planId = await SeededPlan.PlanIdAsync(_database.Factory);
        _caoLanhCity = await SeededPlan.UnitIdByCodeAsync(_database.Factory, "866");
        _thapMuoi = await SeededPlan.UnitIdAsync(_database.Factory, "Huyện Tháp Mười");
    }

    public async ValueTask DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Levels_read_one_at_a_time_carry_the_same_figures_and_child_counts_as_the_whole_tree()
    {
        var whole = (await new AllocationQueries(_database.Factory).GetTreeAsync(SeededPlan.Admin, _planId, Ct)).Value!.ToDictionary(r => r.Node.UnitId);
        var top = (await _browsing.GetTopAsync(SeededPlan.Admin, _planId, Ct)).Value!;
        var group = top.Single(r => r.Node.Kind == UnitKind.DistrictGroup);
        var districts = (await _browsing.GetChildrenAsync(SeededPlan.Admin, _planId, group.Node.UnitId, depth: 2, Ct)).Value!;

        top.Count.ShouldBe(1 + SeedFacts.AppendixRows);
        districts.Count.ShouldBe(SeedFacts.Districts);
        foreach (var row in top.Concat(districts))
        {
            row.ShouldBe(whole[row.Node.UnitId]);
        }
    }

    [Fact]
    public async Task A_district_officer_starts_at_the_district_and_cannot_open_another()
    {
        var officer = new Caller("can-bo", PortalRole.DistrictOfficer, _caoLanhCity);

        var top = (await _browsing.GetTopAsync(officer, _planId, Ct)).Value!;
        var other = await _browsing.GetChildrenAsync(officer, _planId, _thapMuoi, depth: 1, Ct);

        top[0].Node.UnitId.ShouldBe(_caoLanhCity);
        top.Skip(1).ShouldAllBe(r => r.Node.ParentUnitId == _caoLanhCity && r.Depth == 1);
        other.Error!.Code.ShouldBe(AllocationErrorCode.OutOfScope);
    }

    [Fact]
    public async Task A_district_officer_finds_nothing_outside_the_district()
    {
        var officer = new Caller("can-bo", PortalRole.DistrictOfficer, _caoLanhCity);

        var found = (await _browsing.SearchAsync(officer, _planId, new TreeFilter("Tân Kiều"), cancellationToken: Ct)).Value!;
        var own = (await _browsing.SearchAsync(officer, _planId, new TreeFilter(Kind: UnitKind.CommuneCommittee), cancellationToken: Ct)).Value!;

        found.MatchCount.ShouldBe(0);
        own.Rows[0].Node.UnitId.ShouldBe(_caoLanhCity);
        own.Rows[0].Depth.ShouldBe(0);
        own.Rows.Skip(1).ShouldAllBe(r => r.Node.ParentUnitId == _caoLanhCity);
    }

    [Fact]
    public async Task A_search_after_an_accepted_change_sees_the_new_figures()
    {
        var quantities = new QuantityService(_database.Factory, _clock);
        var before = (await _browsing.SearchAsync(SeededPlan.Admin, _planId, new TreeFilter(NotYetAllocated: true), cancellationToken: Ct)).Value!;

        (await quantities.ChangeAsync(SeededPlan.Admin, new ChangeQuantity(_planId, _thapMuoi, 10, "Giao cho huyện"), Ct)).Succeeded.ShouldBeTrue();
        var after = (await _browsing.SearchAsync(SeededPlan.Admin, _planId, new TreeFilter(NotYetAllocated: true), cancellationToken: Ct)).Value!;

        before.Matches.ShouldContain(_thapMuoi);
        after.Matches.ShouldNotContain(_thapMuoi);
        after.MatchCount.ShouldBe(before.MatchCount - 1);
    }

    [Fact]
    public async Task Only_the_first_matches_come_back_with_their_paths_and_the_count_says_how_many_there_are()
    {
        var found = (await _browsing.SearchAsync(SeededPlan.Admin, _planId, new TreeFilter("xa"), limit: 5, Ct)).Value!;

        found.Matches.Count.ShouldBe(5);
        found.MatchCount.ShouldBeGreaterThan(5);
        found.Truncated.ShouldBeTrue();
        found.Rows.Count(r => found.Matches.Contains(r.Node.UnitId)).ShouldBe(5);
        found.Rows[0].Node.Kind.ShouldBe(UnitKind.Province);
    }

    [Fact]
    public async Task The_path_to_a_commune_runs_from_the_province_down()
    {
        var tanKieu = await SeededPlan.UnitIdAsync(_database.Factory, "Xã Tân Kiều");
        var root = await SeededPlan.RootIdAsync(_database.Factory);
        var group = await SeededPlan.UnitIdAsync(_database.Factory, "UBND 12 huyện, thành phố");

        var path = (await _browsing.GetAncestorsAsync(SeededPlan.Admin, _planId, tanKieu, Ct)).Value!;

        path.ShouldBe([root, group, _thapMuoi]);
    }
}
