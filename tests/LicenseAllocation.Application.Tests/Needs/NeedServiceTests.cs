using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Identity;
using LicenseAllocation.Application.Needs;
using LicenseAllocation.Application.Tests.Plans;
using LicenseAllocation.Domain.Allocations;
using LicenseAllocation.Domain.Auditing;
using LicenseAllocation.Domain.Needs;
using LicenseAllocation.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Shouldly;

namespace LicenseAllocation.Application.Tests.Needs;

public sealed class NeedServiceTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2021, 1, 15, 8, 30, 0, TimeSpan.Zero));
    private SqliteTestDatabase _database = default!;
    private NeedService _service = default!;
    private int _planId;
    private int _officeOfTheCommittee;
    private int _caoLanhCity;
    private int _ward11;
    private int _saDecWard3;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Caller Officer => new("caolanh", PortalRole.DistrictOfficer, _caoLanhCity);

    public async ValueTask InitializeAsync()
    {
        _database = await SqliteTestDatabase.CreateAsync(clock: _clock);
        _service = new NeedService(_database.Factory, _clock);
        _planId = await SeededPlan.PlanIdAsync(_database.Factory);
        _officeOfTheCommittee = await SeededPlan.UnitIdAsync(_database.Factory, "VP. UBND tỉnh");
        _caoLanhCity = await SeededPlan.UnitIdByCodeAsync(_database.Factory, "866");
        _ward11 = await SeededPlan.UnitIdByCodeAsync(_database.Factory, "29863");
        _saDecWard3 = await SeededPlan.UnitIdByCodeAsync(_database.Factory, "29902");
    }

    public async ValueTask DisposeAsync() => await _database.DisposeAsync();

    private Task<Common.Outcome<CoverageLine>> StateAsync(int unitId, int computers, Caller? caller = null, string? reason = null) =>
        _service.StateAsync(caller ?? SeededPlan.Admin, new StateNeed(_planId, unitId, computers, reason), Ct);

    private async Task<List<AuditEntry>> NeedRowsAsync()
    {
        await using var db = await _database.Factory.CreateDbContextAsync(Ct);
        return await db.AuditEntries.Where(a => a.Action == AuditAction.NeedStated).OrderBy(a => a.Sequence).ToListAsync(Ct);
    }

    private async Task<int> NeedCountAsync()
    {
        await using var db = await _database.Factory.CreateDbContextAsync(Ct);
        return await db.UnitNeeds.CountAsync(Ct);
    }

    [Fact]
    public async Task A_stated_need_is_kept_with_who_and_when_and_answered_with_the_units_coverage()
    {
        var outcome = await StateAsync(_officeOfTheCommittee, 80);

        outcome.Error.ShouldBeNull();
        var line = outcome.Value!;
        line.NeedStatedBy.ShouldBe("admin");
        line.NeedStatedAtUtc.ShouldBe(_clock.GetUtcNow().UtcDateTime);
        // The office holds 65 licences and hands none on: 15 short of 80, 81,3 % covered.
        (line.Own.Need, line.Own.Allocated, line.Own.Covered, line.Own.Shortfall, line.Own.Surplus).ShouldBe((80, 65, 65, 15, 0));
        line.Own.CoveragePercent.ShouldBe(81.3m);
        line.Own.Status.ShouldBe(CoverageStatus.Shortfall);
    }

    [Fact]
    public async Task Every_statement_is_audited_with_the_figure_it_replaces_and_a_repeated_figure_writes_nothing()
    {
        await StateAsync(_officeOfTheCommittee, 80);
        await StateAsync(_officeOfTheCommittee, 60, reason: "Thanh lý 20 máy cũ");
        await StateAsync(_officeOfTheCommittee, 60);

        var rows = await NeedRowsAsync();
        rows.Select(r => (r.OldValue, r.NewValue, r.Reason)).ShouldBe(
            [(null, 80, NeedRules.DefaultReason), (80, 60, "Thanh lý 20 máy cũ")]);
        rows.ShouldAllBe(r => r.UnitId == _officeOfTheCommittee && r.PlanId == _planId && r.Actor == "admin");
        (await StateAsync(_officeOfTheCommittee, 60)).Value!.Own.Status.ShouldBe(CoverageStatus.Surplus);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(NeedRules.MaxComputers + 1)]
    public async Task A_negative_or_absurd_need_is_refused_and_nothing_is_written(int computers)
    {
        var outcome = await StateAsync(_officeOfTheCommittee, computers);

        outcome.Error.ShouldBe(AllocationError.InvalidNeed(computers));
        (await NeedCountAsync()).ShouldBe(0);
        (await NeedRowsAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task After_the_letter_is_published_needs_are_still_stated_and_the_amendment_carries_them()
    {
        await PlanSteps.PublishAsync(_database.Factory, _planId);

        (await StateAsync(_officeOfTheCommittee, 80)).Error.ShouldBeNull("a decision fixes quantities, not what a unit needs");
        var amendment = await PlanSteps.AmendAsync(_database.Factory, _planId);

        (await StateAsync(_officeOfTheCommittee, 90)).Error.ShouldBe(AllocationError.PlanLocked(), "the plan being amended takes nothing more");
        await using var db = await _database.Factory.CreateDbContextAsync(Ct);
        var carried = await db.UnitNeeds.SingleAsync(n => n.PlanId == amendment.Id && n.UnitId == _officeOfTheCommittee, Ct);
        (carried.Computers, carried.StatedBy).ShouldBe((80, SeededPlan.Admin.UserName));
        (await db.AuditEntries.SingleAsync(e => e.PlanId == amendment.Id && e.Action == AuditAction.PlanCreated, Ct)).Reason
            .ShouldContain("chép nhu cầu của 1 đơn vị và 0 lần tự trang bị");
    }

    [Fact]
    public async Task A_district_officer_states_the_needs_of_the_district_and_its_units_but_not_of_another_district()
    {
        (await StateAsync(_caoLanhCity, 40, Officer)).Error.ShouldBeNull("the district's own offices are the officer's to state");
        (await StateAsync(_ward11, 25, Officer)).Error.ShouldBeNull();
        (await StateAsync(_saDecWard3, 25, Officer)).Error.ShouldBe(AllocationError.OutOfScope());
        (await StateAsync(_officeOfTheCommittee, 25, Officer)).Error.ShouldBe(AllocationError.OutOfScope());
    }

    [Fact]
    public async Task A_unit_viewer_states_the_need_of_their_own_unit_only_and_an_auditor_none()
    {
        var viewer = new Caller("phuong11", PortalRole.UnitViewer, _ward11);
        (await StateAsync(_ward11, 12, viewer)).Error.ShouldBeNull();
        (await StateAsync(_caoLanhCity, 12, new Caller("caolanh-viewer", PortalRole.UnitViewer, _caoLanhCity))).Error.ShouldBeNull();
        (await StateAsync(_ward11, 12, new Caller("caolanh-viewer", PortalRole.UnitViewer, _caoLanhCity))).Error.ShouldBe(AllocationError.OutOfScope());
        (await StateAsync(_ward11, 12, new Caller("auditor", PortalRole.Auditor))).Error.ShouldBe(AllocationError.Forbidden());
    }

    [Fact]
    public async Task An_outsider_is_told_out_of_scope_before_anything_about_the_figure()
    {
        (await StateAsync(_saDecWard3, -5, Officer)).Error.ShouldBe(AllocationError.OutOfScope());
    }

    [Fact]
    public async Task Many_needs_are_stated_all_or_nothing_under_one_change_set()
    {
        var refused = await _service.StateManyAsync(
            Officer, new StateNeeds(_planId, "Tổng hợp nhu cầu tháng 1", [new NeedItem(_ward11, 20), new NeedItem(_saDecWard3, 20), new NeedItem(_caoLanhCity, -2)]), Ct);

        refused.Applied.ShouldBeFalse();
        refused.Refused.Select(r => (r.UnitId, r.Error.Code)).ShouldBe(
            [(_saDecWard3, AllocationErrorCode.OutOfScope), (_caoLanhCity, AllocationErrorCode.InvalidNeed)]);
        (await NeedCountAsync()).ShouldBe(0);

        var applied = await _service.StateManyAsync(
            Officer, new StateNeeds(_planId, "Tổng hợp nhu cầu tháng 1", [new NeedItem(_ward11, 20), new NeedItem(_caoLanhCity, 30)]), Ct);

        applied.Applied.ShouldBeTrue();
        applied.Changed.ShouldBe(2);
        var rows = await NeedRowsAsync();
        rows.Count.ShouldBe(2);
        rows.Select(r => r.ChangeSetId).Distinct().Count().ShouldBe(1);
        rows.ShouldAllBe(r => r.Reason == "Tổng hợp nhu cầu tháng 1");
    }

    [Fact]
    public async Task The_same_unit_twice_in_one_batch_is_refused()
    {
        var result = await _service.StateManyAsync(SeededPlan.Admin, new StateNeeds(_planId, null, [new NeedItem(_ward11, 1), new NeedItem(_ward11, 2)]), Ct);

        result.Refused.Single().Error.ShouldBe(AllocationError.DuplicateItem());
        (await NeedCountAsync()).ShouldBe(0);
    }
}
