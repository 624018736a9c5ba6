using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Allocations;
using LicenseAllocation.Application.Identity;
using LicenseAllocation.Domain.Allocations;
using LicenseAllocation.Domain.Auditing;
using LicenseAllocation.Domain.Units;
using LicenseAllocation.Testing;
using Shouldly;

namespace LicenseAllocation.Application.Tests.Concurrency;

/// <summary>
/// Concurrent quantity edits against a real database, the same scenarios on every provider (see the derived classes):
/// whatever the interleaving, the parent rule holds, each accepted edit is audited once, and a refused edit leaves no trace.
/// </summary>
public abstract class QuantityRaceTests
{
    private const int Writers = 32;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    protected abstract string Provider { get; }

    protected abstract Task<ProviderDatabase> CreateSeededDatabaseAsync();

    [Fact]
    public async Task District_increases_that_overdraw_the_group_are_refused_and_the_parent_rule_holds()
    {
        await using var database = await CreateSeededDatabaseAsync();
        var seed = await StoredPlan.LoadAsync(database.Factory, Cancellation);
        var group = seed.OnlyOf(UnitKind.DistrictGroup);
        var districts = seed.OfKind(UnitKind.DistrictCommittee);
        group.Quantity.ShouldBe(SeedFacts.DistrictGroup);
        districts.Count.ShouldBe(SeedFacts.Districts);

        // Every request is at least 400, and 12 x 400 > 3,960: the group cannot serve them all, so some must be refused.
        // The group itself shrinks at the same time, so its own row is contended by its children and by its own edit.
        var edits = DistinctValues(400, 700, Writers - 1)
            .Select((quantity, i) => Edit(seed, districts[i % districts.Count], quantity, i))
            .Append(Edit(seed, group, 3600, Writers - 1))
            .ToList();
        var race = await RaceAsync(database, edits);

        race.Successes.ShouldBeGreaterThan(0);
        race.Refusals.ShouldNotBeEmpty();
        race.Refusals.ShouldAllBe(e => e.Code == AllocationErrorCode.ExceedsParent || e.Code == AllocationErrorCode.BelowHandedOn);
        await ShouldHoldOnlyTheAcceptedEditsAsync(database, race);
    }

    [Fact]
    public async Task District_increases_that_fit_in_the_group_all_succeed_whatever_their_siblings_do()
    {
        await using var database = await CreateSeededDatabaseAsync();
        var seed = await StoredPlan.LoadAsync(database.Factory, Cancellation);
        var districts = seed.OfKind(UnitKind.DistrictCommittee);

        // At most 330 each and 12 x 330 = 3,960: every combination fits, so a refusal could only come from a sibling's edit.
        var edits = DistinctValues(1, 331, Writers).Select((quantity, i) => Edit(seed, districts[i % districts.Count], quantity, i)).ToList();
        var race = await RaceAsync(database, edits);

        race.Refusals.ShouldBeEmpty();
        race.Successes.ShouldBe(Writers);
        await ShouldHoldOnlyTheAcceptedEditsAsync(database, race);
    }

    [Fact]
    public async Task Agencies_racing_for_room_freed_under_the_province_never_take_more_than_was_freed()
    {
        await using var database = await CreateSeededDatabaseAsync();
        var seed = await StoredPlan.LoadAsync(database.Factory, Cancellation);
        var province = seed.OnlyOf(UnitKind.Province);
        province.HandedOn.ShouldBe(province.Quantity, "the province has nothing left at seed");
        var agencies = seed.OfKind(UnitKind.ProvincialAgency);
        var donor = agencies.MaxBy(a => a.Quantity)!;
        const int freed = 60;
        var release = await Service(database).ChangeAsync(Admin(), Edit(seed, donor, donor.Quantity - freed, -1), Cancellation);
        release.Succeeded.ShouldBeTrue();

        // Each asks for 5 to 36 more; 21 agencies x 5 > 60, so some must be refused, and any single one fits.
        var others = agencies.Where(a => a.UnitId != donor.UnitId).ToList();
        var edits = Enumerable.Range(0, Writers)
            .Select(i => (Agency: others[i % others.Count], Increase: 5 + i))
            .Select((e, i) => Edit(seed, e.Agency, e.Agency.Quantity + e.Increase, i))
            .ToList();
        var race = await RaceAsync(database, edits);

        race.Successes.ShouldBeGreaterThan(0);
        race.Refusals.ShouldNotBeEmpty();
        race.Refusals.ShouldAllBe(e => e.Code == AllocationErrorCode.ExceedsParent);
        var after = await ShouldHoldOnlyTheAcceptedEditsAsync(database, race);
        after[province.UnitId].HandedOn.ShouldBeLessThanOrEqualTo(province.Quantity);
    }

    [Fact]
    public async Task Concurrent_edits_of_one_unit_without_a_version_all_succeed_and_the_last_writer_wins()
    {
        await using var database = await CreateSeededDatabaseAsync();
        var seed = await StoredPlan.LoadAsync(database.Factory, Cancellation);
        var district = seed.OfKind(UnitKind.DistrictCommittee)[0];

        var edits = Enumerable.Range(0, Writers).Select(i => Edit(seed, district, 100 + (10 * i), i)).ToList();
        var race = await RaceAsync(database, edits);

        race.Refusals.ShouldBeEmpty();
        var after = await ShouldHoldOnlyTheAcceptedEditsAsync(database, race);
        var last = after.Audit.Last(a => a.UnitId == district.UnitId);
        after[district.UnitId].Quantity.ShouldBe(last.NewValue!.Value);
        after[district.UnitId].Version.ShouldBe(district.Version + Writers);
    }

    [Fact]
    public async Task Concurrent_edits_of_one_unit_with_the_same_version_let_exactly_one_through()
    {
        await using var database = await CreateSeededDatabaseAsync();
        var seed = await StoredPlan.LoadAsync(database.Factory, Cancellation);
        var district = seed.OfKind(UnitKind.DistrictCommittee)[0];

        var edits = Enumerable.Range(0, Writers).Select(i => Edit(seed, district, 100 + (10 * i), i) with { ExpectedVersion = district.Version }).ToList();
        var race = await RaceAsync(database, edits);

        race.Successes.ShouldBe(1);
        race.Refusals.ShouldAllBe(e => e.Code == AllocationErrorCode.VersionConflict);
        var after = await ShouldHoldOnlyTheAcceptedEditsAsync(database, race);
        var winner = race.Results.Single(r => r.Outcome.Succeeded).Edit;
        after[district.UnitId].Quantity.ShouldBe(winner.Quantity);
    }

    private async Task<RaceResult> RaceAsync(ProviderDatabase database, IReadOnlyList<ChangeQuantity> edits)
    {
        var race = await Race.RunAsync(Service(database), edits, Cancellation);
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{Provider}: {edits.Count} concurrent edits, {race.Successes} succeeded, {race.Refusals.Count} refused, {race.Elapsed.TotalMilliseconds:F0} ms");
        return race;
    }

    /// <summary>
    /// The checks every race must pass: the stored tree keeps the rule; each accepted edit left exactly one audit row
    /// and each refused one none; and replaying the trail from zero gives exactly what is stored, so a refusal changed nothing.
    /// </summary>
    private static async Task<StoredPlan> ShouldHoldOnlyTheAcceptedEditsAsync(ProviderDatabase database, RaceResult race)
    {
        var after = await StoredPlan.LoadAsync(database.Factory, Cancellation);
        after.Tree().FindViolations().ShouldBeEmpty();

        var changes = after.Audit.Where(a => a.Action == AuditAction.QuantityChanged).ToList();
        foreach (var (edit, outcome) in race.Results)
        {
            var rows = changes.Where(a => a.Reason == edit.Reason).ToList();
            rows.Count.ShouldBe(outcome.Succeeded ? 1 : 0, $"audit rows of '{edit.Reason}' ({(outcome.Succeeded ? "accepted" : outcome.Error!.Code)})");
            if (outcome.Succeeded)
            {
                outcome.Value.Quantity.ShouldBe(edit.Quantity);
                rows[0].UnitId.ShouldBe(edit.UnitId);
                rows[0].NewValue.ShouldBe(edit.Quantity);
            }
        }

        var replayed = after.Replay();
        foreach (var node in after.Nodes)
        {
            replayed[node.UnitId].ShouldBe(new NodeFigures(node.Quantity, node.HandedOn), $"unit {node.UnitId}");
        }

        // Concurrent writers each extended the chain in turn: no fork, no gap.
        await AuditChainCheck.ShouldBeIntactAsync(database.Factory, Cancellation);

        return after;
    }

    private static QuantityService Service(ProviderDatabase database) => new(database.Factory, TimeProvider.System);

    private static Caller Admin() => new("admin", PortalRole.ProvinceAdmin);

    /// <summary>The reason names the edit, so its audit row (or the absence of one) can be found afterwards.</summary>
    private static ChangeQuantity Edit(StoredPlan plan, StoredNode unit, int quantity, int index) =>
        new(plan.PlanId, unit.UnitId, quantity, $"race edit {index}");

    /// <summary>Distinct values, so that no edit of a unit is a no-op repeat of another edit of the same unit.</summary>
    private static int[] DistinctValues(int from, int toExclusive, int count)
    {
        var values = Enumerable.Range(from, toExclusive - from).ToArray();
        Random.Shared.Shuffle(values);
        return values[..count];
    }
}
