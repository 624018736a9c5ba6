using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Identity;
using LicenseAllocation.Application.Plans;
using LicenseAllocation.Application.Seeding;
using LicenseAllocation.Domain.Allocations;
using LicenseAllocation.Domain.Auditing;
using LicenseAllocation.Domain.Plans;
using LicenseAllocation.Testing;
using Microsoft.EntityFrameworkCore;
using Shouldly;

namespace LicenseAllocation.Application.Tests.Plans;

public sealed class PlanCopyTests : IAsyncLifetime
{
    private SqliteTestDatabase _database = default!;
    private PlanVersions _versions = default!;
    private int _planId;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _database = await SqliteTestDatabase.CreateAsync();
        _versions = new PlanVersions(_database.Factory, TimeProvider.System);
        _planId = await SeededPlan.PlanIdAsync(_database.Factory);
    }

    public async ValueTask DisposeAsync() => await _database.DisposeAsync();

    private Task<Common.Outcome<PlanSummary>> CopyAsync(string? name, int year, Caller? caller = null) =>
        _versions.CopyAsync(caller ?? SeededPlan.Admin, new CopyPlan(_planId, name, year), Ct);

    [Fact]
    public async Task A_copy_is_a_new_unlinked_draft_with_the_same_tree_and_figures()
    {
        await PlanSteps.PublishAsync(_database.Factory, _planId);

        var copy = (await CopyAsync("  Gia hạn bản quyền năm 2021 ", 2021)).Value.ShouldNotBeNull();

        (copy.Name, copy.Year, copy.Version, copy.AmendmentOfId, copy.Status).ShouldBe(("Gia hạn bản quyền năm 2021", 2021, 1, null, PlanStatus.Draft));
        copy.TotalLicenses.ShouldBe(SeedFacts.Total);
        var source = await StoredPlan.LoadAsync(_database.Factory, _planId, Ct);
        var copied = await StoredPlan.LoadAsync(_database.Factory, copy.Id, Ct);
        copied.Nodes.Count.ShouldBe(SeedFacts.Units);
        copied.Nodes.Select(n => (n.UnitId, n.Quantity, n.HandedOn)).OrderBy(n => n.UnitId)
            .ShouldBe(source.Nodes.Select(n => (n.UnitId, n.Quantity, n.HandedOn)).OrderBy(n => n.UnitId));
        var created = copied.Audit.ShouldHaveSingleItem("the copy is one trail row, not one per unit");
        (created.Action, created.Actor).ShouldBe((AuditAction.PlanCreated, "admin"));
        created.Reason.ShouldContain(Plan2020Seeder.PlanName);
        created.Reason.ShouldContain($"chép {SeedFacts.Units} đơn vị, 5.137 bản quyền từ phiên bản 1 của kế hoạch #{_planId}");
    }

    [Fact]
    public async Task A_copy_of_a_draft_is_allowed_and_leaves_the_source_as_it_was()
    {
        var before = await SourceWithoutTrailAsync();

        (await CopyAsync("Kế hoạch năm 2021", 2021)).Succeeded.ShouldBeTrue();

        (await SourceWithoutTrailAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task A_name_already_used_that_year_is_refused()
    {
        (await CopyAsync(Plan2020Seeder.PlanName, Plan2020Seeder.PlanYear)).Error.ShouldBe(AllocationError.DuplicatePlan());
        (await CopyAsync(Plan2020Seeder.PlanName, 2021)).Succeeded.ShouldBeTrue("the same name in another year is another plan");
    }

    [Theory]
    [InlineData("", 2021, AllocationErrorCode.InvalidPlanName)]
    [InlineData("   ", 2021, AllocationErrorCode.InvalidPlanName)]
    [InlineData(null, 2021, AllocationErrorCode.InvalidPlanName)]
    [InlineData("Kế hoạch", 1999, AllocationErrorCode.InvalidYear)]
    [InlineData("Kế hoạch", 2101, AllocationErrorCode.InvalidYear)]
    public async Task A_copy_needs_a_name_and_a_plausible_year(string? name, int year, AllocationErrorCode expected)
    {
        (await CopyAsync(name, year)).Error!.Code.ShouldBe(expected);
        await using var db = await _database.Factory.CreateDbContextAsync(Ct);
        (await db.Plans.CountAsync(Ct)).ShouldBe(1);
    }

    [Fact]
    public async Task Only_the_province_administrator_copies()
    {
        (await CopyAsync("Kế hoạch năm 2021", 2021, new Caller("xem", PortalRole.Auditor))).Error.ShouldBe(AllocationError.Forbidden());
    }

    /// <summary>The source plan, its nodes and the units; the copy adds its own rows to the shared trail.</summary>
    private async Task<List<string>> SourceWithoutTrailAsync() =>
        [.. (await PlanSteps.SnapshotAsync(_database.Factory, _planId)).Split('\n').Where(line => !line.StartsWith("audit rows:", StringComparison.Ordinal))];
}
