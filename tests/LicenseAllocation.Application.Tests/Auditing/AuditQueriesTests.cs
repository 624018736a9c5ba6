using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Allocations;
using LicenseAllocation.Application.Allocations.Batches;
using LicenseAllocation.Application.Auditing;
using LicenseAllocation.Application.Identity;
using LicenseAllocation.Domain.Allocations;
using LicenseAllocation.Domain.Auditing;
using LicenseAllocation.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Shouldly;

namespace LicenseAllocation.Application.Tests.Auditing;

/// <summary>
/// The trail as auditors query it. Four changes straddle the midnights of 04/01 and 05/01/2021 in Vietnam time (17:00 UTC):
/// the office of the provincial committee at 23:59:59 on 04/01, Cao Lãnh and its Phường 11 at 00:00:00 on 05/01, Phường 11
/// again by Cao Lãnh's officer at 23:59:59 on 05/01, Sa Đéc at 00:00:00 on 06/01; then an account is created.
/// </summary>
public sealed class AuditQueriesTests : IAsyncLifetime
{
    private const string Letter = "Công văn số 123/UBND-VX ngày 05/01/2021";
    private static readonly DateTimeOffset SeedTime = new(2020, 12, 20, 2, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _clock = new(SeedTime);
    private SqliteTestDatabase _database = default!;
    private AuditQueries _audit = default!;
    private int _planId;
    private int _office;
    private int _caoLanh;
    private int _ward11;
    private int _saDec;
    private Guid _caoLanhBatch;
    private Caller _officer = default!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _database = await SqliteTestDatabase.CreateAsync(clock: _clock);
        _audit = new AuditQueries(_database.Factory, _clock);
        _planId = await SeededPlan.PlanIdAsync(_database.Factory);
        _office = await SeededPlan.UnitIdAsync(_database.Factory, "VP. UBND tỉnh");
        _caoLanh = await SeededPlan.UnitIdByCodeAsync(_database.Factory, "866");
        _ward11 = await SeededPlan.UnitIdByCodeAsync(_database.Factory, "29863");
        _saDec = await SeededPlan.UnitIdByCodeAsync(_database.Factory, "867");
        _officer = new Caller("CaoLanh.Officer", PortalRole.DistrictOfficer, _caoLanh);
        var quantities = new QuantityService(_database.Factory, _clock);

        At(2021, 1, 4, 16, 59, 59);
        (await quantities.ChangeAsync(SeededPlan.Admin, new ChangeQuantity(_planId, _office, 60, "Trước nửa đêm"), Ct)).Succeeded.ShouldBeTrue();
        At(2021, 1, 4, 17, 0, 0);
        _caoLanhBatch = (await new QuantityBatchService(_database.Factory, _clock).ApplyAsync(
            SeededPlan.Admin, new QuantityBatch(_planId, "Giao cho thành phố", [new(_caoLanh, 300), new(_ward11, 20)], Letter), Ct)).ChangeSetId!.Value;
        At(2021, 1, 5, 16, 59, 59);
        (await quantities.ChangeAsync(_officer, new ChangeQuantity(_planId, _ward11, 25, "Bổ sung cho phường"), Ct)).Succeeded.ShouldBeTrue();
        At(2021, 1, 5, 17, 0, 0);
        (await quantities.ChangeAsync(SeededPlan.Admin, new ChangeQuantity(_planId, _saDec, 100, "Giao cho Sa Đéc"), Ct)).Succeeded.ShouldBeTrue();
        At(2021, 1, 6, 1, 0, 0);
        await using var db = await _database.Factory.CreateDbContextAsync(Ct);
        await using var transaction = await db.Database.BeginTransactionAsync(Ct);
        await AuditTrail.AppendAsync(
            db, AuditEntry.Event(null, null, "admin", _clock.GetUtcNow().UtcDateTime, AuditAction.UserCreated, "Tạo tài khoản \"kiem-tra\", vai trò Kiểm tra viên", Guid.NewGuid()), Ct);
        await transaction.CommitAsync(Ct);
    }

    public async ValueTask DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Every_row_of_a_plan_names_the_plan_and_its_version()
    {
        var page = (await _audit.PageAsync(SeededPlan.Admin, new AuditFilter(PlanId: _planId), 1, TestContext.Current.CancellationToken)).Value!;

        page.Items.ShouldNotBeEmpty();
        page.Items.ShouldAllBe(r => r.PlanLabel == "Trang bị phần mềm phòng chống mã độc thống nhất trên toàn tỉnh — phiên bản 1");
    }

    [Fact]
    public async Task A_day_runs_from_midnight_to_midnight_in_Vietnam_time()
    {
        var day = new DateOnly(2021, 1, 5);

        var rows = await AllAsync(SeededPlan.Admin, new AuditFilter(_planId, From: day, To: day));

        rows.Select(r => (r.UnitId, r.Reason)).ShouldBe(
            [(_ward11, "Bổ sung cho phường"), (_ward11, "Giao cho thành phố"), (_caoLanh, "Giao cho thành phố")], ignoreOrder: true);
        rows.ShouldAllBe(r => r.At.Offset == TimeSpan.FromHours(7) && r.At.Day == 5);
    }

    [Fact]
    public async Task From_and_to_include_their_whole_days()
    {
        (await AllAsync(SeededPlan.Admin, new AuditFilter(_planId, From: new DateOnly(2021, 1, 4), To: new DateOnly(2021, 1, 4)))).ShouldHaveSingleItem().Reason.ShouldBe("Trước nửa đêm");
        (await AllAsync(SeededPlan.Admin, new AuditFilter(_planId, From: new DateOnly(2021, 1, 6)))).ShouldHaveSingleItem().UnitId.ShouldBe(_saDec);
        (await AllAsync(SeededPlan.Admin, new AuditFilter(_planId, To: new DateOnly(2020, 12, 31)))).Count.ShouldBe(SeedFacts.AppendixRows + 1);
    }

    [Fact]
    public async Task A_unit_filter_covers_the_unit_and_its_whole_subtree()
    {
        var rows = await AllAsync(SeededPlan.Admin, new AuditFilter(_planId, UnitId: _caoLanh));

        rows.Select(r => r.UnitId).ShouldBe([_ward11, _ward11, _caoLanh], ignoreOrder: true);
    }

    [Fact]
    public async Task A_unit_filter_on_a_commune_gives_that_commune_alone()
    {
        (await AllAsync(SeededPlan.Admin, new AuditFilter(_planId, UnitId: _ward11))).ShouldAllBe(r => r.UnitId == _ward11);
    }

    [Fact]
    public async Task The_user_filter_matches_the_user_name_whatever_its_case()
    {
        var rows = await AllAsync(SeededPlan.Admin, new AuditFilter(UserName: "caolanh.OFFICER"));

        rows.ShouldHaveSingleItem().Actor.ShouldBe("CaoLanh.Officer");
    }

    [Fact]
    public async Task The_action_filter_keeps_that_action_only()
    {
        (await AllAsync(SeededPlan.Admin, new AuditFilter(_planId, Action: AuditAction.Seeded))).Count.ShouldBe(SeedFacts.AppendixRows + 1);
        (await AllAsync(SeededPlan.Admin, new AuditFilter(Action: AuditAction.UserCreated))).ShouldHaveSingleItem().PlanId.ShouldBeNull();
    }

    [Fact]
    public async Task The_change_set_filter_gives_the_rows_of_one_bulk_edit()
    {
        var rows = await AllAsync(SeededPlan.Admin, new AuditFilter(ChangeSetId: _caoLanhBatch));

        rows.Select(r => r.UnitId).ShouldBe([_caoLanh, _ward11], ignoreOrder: true);
        var shortId = _caoLanhBatch.ToString("N")[..8];
        rows.ShouldAllBe(r => r.DocumentRef == Letter && r.ShortChangeSet == shortId);
    }

    [Fact]
    public async Task Filters_combine()
    {
        var rows = await AllAsync(SeededPlan.Admin, new AuditFilter(_planId, _caoLanh, new DateOnly(2021, 1, 5), new DateOnly(2021, 1, 5), "admin", AuditAction.QuantityChanged));

        rows.Count.ShouldBe(2);
        rows.ShouldAllBe(r => r.ChangeSetId == _caoLanhBatch);
    }

    [Fact]
    public async Task Pages_hold_50_rows_newest_first_and_the_total_counts_every_match()
    {
        var quantities = new QuantityService(_database.Factory, _clock);
        for (var i = 0; i < 30; i++)
        {
            (await quantities.ChangeAsync(SeededPlan.Admin, new ChangeQuantity(_planId, _office, 60 + (i % 2 == 0 ? 1 : 0), $"Lần {i + 1}"), Ct)).Succeeded.ShouldBeTrue();
        }

        var first = (await _audit.PageAsync(SeededPlan.Admin, new AuditFilter(), 1, Ct)).Value!;
        var second = (await _audit.PageAsync(SeededPlan.Admin, new AuditFilter(), 2, Ct)).Value!;
        var beyond = (await _audit.PageAsync(SeededPlan.Admin, new AuditFilter(), 3, Ct)).Value!;

        first.PageSize.ShouldBe(50);
        first.Total.ShouldBe(SeedFacts.AppendixRows + 1 + 6 + 30);
        first.Items.Count.ShouldBe(50);
        first.Items[0].Reason.ShouldBe("Lần 30");
        second.Items.Count.ShouldBe(first.Total - 50);
        var sequences = first.Items.Concat(second.Items).Select(r => r.Sequence).ToList();
        sequences.ShouldBe(Enumerable.Range(1, first.Total).Select(i => (long)i).Reverse());
        beyond.Items.ShouldBeEmpty();
        beyond.Total.ShouldBe(first.Total);
    }

    [Fact]
    public async Task Without_a_plan_administrators_and_auditors_also_see_the_account_rows()
    {
        var auditor = new Caller("kiem-tra", PortalRole.Auditor);

        (await AllAsync(auditor, new AuditFilter())).ShouldContain(r => r.Action == AuditAction.UserCreated);
        (await AllAsync(auditor, new AuditFilter(_planId))).ShouldNotContain(r => r.Action == AuditAction.UserCreated);
    }

    [Fact]
    public async Task A_district_officer_sees_the_rows_of_the_district_and_its_units_and_no_account_rows()
    {
        var rows = await AllAsync(_officer, new AuditFilter());

        rows.Select(r => r.UnitId).ShouldBe([_ward11, _ward11, _caoLanh], ignoreOrder: true);
    }

    [Fact]
    public async Task A_district_officer_asking_for_a_unit_outside_the_district_is_refused_out_of_scope()
    {
        (await _audit.PageAsync(_officer, new AuditFilter(_planId, UnitId: _saDec), 1, Ct)).Error!.Code.ShouldBe(AllocationErrorCode.OutOfScope);
        (await _audit.ExportAsync(_officer, new AuditFilter(_planId, UnitId: _saDec), Ct)).Error!.Code.ShouldBe(AllocationErrorCode.OutOfScope);
        (await _audit.UnitHistoryAsync(_officer, _planId, _saDec, Ct)).Error!.Code.ShouldBe(AllocationErrorCode.OutOfScope);
    }

    [Fact]
    public async Task A_unit_viewer_sees_the_rows_of_their_unit_and_below_it()
    {
        var viewer = new Caller("xem-phuong-11", PortalRole.UnitViewer, _ward11);

        (await AllAsync(viewer, new AuditFilter())).Select(r => r.UnitId).ShouldBe([_ward11, _ward11]);
        (await _audit.PageAsync(viewer, new AuditFilter(UnitId: _caoLanh), 1, Ct)).Error!.Code.ShouldBe(AllocationErrorCode.OutOfScope);
    }

    [Fact]
    public async Task A_scoped_account_without_a_scope_unit_sees_nothing()
    {
        (await AllAsync(new Caller("lac-loai", PortalRole.UnitViewer), new AuditFilter())).ShouldBeEmpty();
    }

    [Fact]
    public async Task An_unknown_plan_or_unit_is_not_found()
    {
        (await _audit.PageAsync(SeededPlan.Admin, new AuditFilter(42), 1, Ct)).Error!.Code.ShouldBe(AllocationErrorCode.NotFound);
        (await _audit.PageAsync(SeededPlan.Admin, new AuditFilter(UnitId: 99_999), 1, Ct)).Error!.Code.ShouldBe(AllocationErrorCode.NotFound);
        (await _audit.UnitHistoryAsync(SeededPlan.Admin, _planId, 99_999, Ct)).Error!.Code.ShouldBe(AllocationErrorCode.NotFound);
    }

    [Theory]
    [InlineData(PortalRole.ProvinceAdmin, true)]
    [InlineData(PortalRole.Auditor, true)]
    [InlineData(PortalRole.DistrictOfficer, false)]
    [InlineData(PortalRole.UnitViewer, false)]
    public async Task Only_administrators_and_auditors_run_the_integrity_check(PortalRole role, bool allowed)
    {
        var caller = new Caller("ai-do", role, role is PortalRole.DistrictOfficer or PortalRole.UnitViewer ? _caoLanh : null);

        var outcome = await new AuditChainVerifier(_database.Factory).VerifyAsync(caller, Ct);

        if (allowed)
        {
            outcome.Value!.Valid.ShouldBeTrue();
            outcome.Value.Checked.ShouldBe(SeedFacts.AppendixRows + 1 + 6);
        }
        else
        {
            outcome.Error!.Code.ShouldBe(AllocationErrorCode.Forbidden);
        }
    }

    [Fact]
    public async Task A_units_history_runs_oldest_first_with_the_quantity_after_each_change()
    {
        var history = (await _audit.UnitHistoryAsync(_officer, _planId, _ward11, Ct)).Value!;

        history.Unit.Name.ShouldBe("Phường 11");
        history.Ancestors.ShouldBe(["Tỉnh Đồng Tháp", "UBND 12 huyện, thành phố", "Thành phố Cao Lãnh"]);
        history.Rows.Select(r => (r.Entry.Actor, r.Entry.OldValue, r.Entry.NewValue, r.QuantityAfter, r.Entry.DocumentRef))
            .ShouldBe([("admin", 0, 20, 20, Letter), ("CaoLanh.Officer", 20, 25, 25, null)]);
        history.Rows[0].Entry.At.ShouldBe(new DateTimeOffset(2021, 1, 5, 0, 0, 0, TimeSpan.FromHours(7)));
        history.Reconciles.ShouldBeTrue();
    }

    [Fact]
    public async Task A_history_row_that_does_not_continue_from_the_one_before_is_shown_as_a_gap()
    {
        await using (var db = await _database.Factory.CreateDbContextAsync(Ct))
        {
            await db.AuditEntries.Where(a => a.UnitId == _ward11 && a.Actor == "CaoLanh.Officer").ExecuteUpdateAsync(s => s.SetProperty(a => a.OldValue, 22), Ct);
        }

        var history = (await _audit.UnitHistoryAsync(SeededPlan.Admin, _planId, _ward11, Ct)).Value!;

        history.Rows.Select(r => r.Continues).ShouldBe([true, false]);
        history.TrailQuantity.ShouldBe(23);
        history.Reconciles.ShouldBeFalse();
    }

    [Fact]
    public async Task An_export_holds_every_matching_row_and_says_what_it_covers()
    {
        var document = (await _audit.ExportAsync(_officer, new AuditFilter(_planId, From: new DateOnly(2021, 1, 5)), Ct)).Value!;

        document.RowCount.ShouldBe(3);
        (await document.Rows.ToListAsync(Ct)).Count.ShouldBe(3);
        document.Subject.ShouldBe("Kế hoạch: Trang bị phần mềm phòng chống mã độc thống nhất trên toàn tỉnh");
        document.FilterDescription.ShouldBe("Phạm vi: Thành phố Cao Lãnh và các đơn vị trực thuộc; Từ ngày: 05/01/2021");
        document.ExportedBy.ShouldBe("CaoLanh.Officer");
        document.ExportedAt.Offset.ShouldBe(TimeSpan.FromHours(7));
    }

    [Fact]
    public async Task An_export_states_the_whole_chains_check_with_the_rows_checked_and_its_head()
    {
        At(2021, 1, 7, 2, 30, 0);
        var verdict = await new AuditChainVerifier(_database.Factory).VerifyAsync(Ct);

        var document = (await _audit.ExportAsync(_officer, new AuditFilter(_planId), Ct)).Value!;

        document.Integrity.ShouldBe(
            $"Kiểm tra toàn vẹn lúc 07/01/2021 09:30: Nhật ký toàn vẹn: đã kiểm tra {verdict.Checked:N0} dòng, chuỗi mã băm liên tục từ dòng đầu đến dòng cuối. Đầu chuỗi: {verdict.Head}.");
    }

    [Fact]
    public async Task An_export_of_a_trail_edited_behind_the_portal_says_where_the_chain_breaks()
    {
        await using (var db = await _database.Factory.CreateDbContextAsync(Ct))
        {
            var victim = await db.AuditEntries.Where(a => a.Action == AuditAction.QuantityChanged).OrderBy(a => a.Sequence).FirstAsync(Ct);
            await db.AuditEntries.Where(a => a.Id == victim.Id).ExecuteUpdateAsync(s => s.SetProperty(a => a.Reason, "Lý do đã bị sửa"), Ct);
        }

        var document = (await _audit.ExportAsync(SeededPlan.Admin, new AuditFilter(), Ct)).Value!;

        document.Integrity.ShouldNotBeNull().ShouldNotContain("Nhật ký toàn vẹn");
        document.Integrity.ShouldContain("Kiểm tra toàn vẹn lúc");
    }

    [Fact]
    public async Task The_filter_choices_offer_the_units_and_users_of_the_callers_scope()
    {
        var officer = (await _audit.FilterChoicesAsync(_officer, Ct)).Value!;
        var admin = (await _audit.FilterChoicesAsync(SeededPlan.Admin, Ct)).Value!;

        officer.Units.ShouldContain(u => u.Id == _ward11 && u.ParentName == "Thành phố Cao Lãnh");
        officer.Units.ShouldNotContain(u => u.Id == _saDec);
        officer.Actors.ShouldBe(["admin", "CaoLanh.Officer"], ignoreOrder: true);
        admin.Units.Count.ShouldBe(SeedFacts.Units);
        admin.Actors.ShouldBe(["admin", "CaoLanh.Officer", "system"], ignoreOrder: true);
    }

    private void At(int year, int month, int day, int hour, int minute, int second) =>
        _clock.SetUtcNow(new DateTimeOffset(year, month, day, hour, minute, second, TimeSpan.Zero));

    private async Task<IReadOnlyList<AuditRow>> AllAsync(Caller caller, AuditFilter filter) =>
        await (await _audit.ExportAsync(caller, filter, Ct)).Value.ShouldNotBeNull().Rows.ToListAsync(Ct);
}
