using System.Text;
using ClosedXML.Excel;
using LicenseAllocation.Application.Deployments;
using LicenseAllocation.Application.Tests.Import;
using LicenseAllocation.Domain.Auditing;
using LicenseAllocation.Domain.Deployments;
using LicenseAllocation.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Shouldly;
using static LicenseAllocation.Application.Tests.Deployments.ConsoleReportBed;

namespace LicenseAllocation.Application.Tests.Deployments;

/// <summary>
/// Console reports imported against the seeded 2020 plan, where the province gave Thành phố Cao Lãnh 300 licences and
/// Thành phố Sa Đéc 200, none of them handed on yet.
/// </summary>
public sealed class DeploymentPictureTests : IAsyncLifetime
{
    private static readonly DateOnly TakenOn = new(2021, 2, 26);

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2021, 3, 1, 8, 0, 0, TimeSpan.Zero));
    private ConsoleReportBed _reports = null!;
    private ImportBed _bed = null!;
    private DeploymentGroups _groups = null!;
    private DeploymentImports _imports = null!;
    private DeploymentPicture _picture = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _reports = await ConsoleReportBed.CreateAsync(_clock);
        (_bed, _groups, _imports) = (_reports.Bed, _reports.Groups, _reports.Imports);
        _picture = new DeploymentPicture(_bed.Database.Factory);
    }

    public async ValueTask DisposeAsync() => await _reports.DisposeAsync();

    private Task<DeploymentImportReport> ImportAsync(IEnumerable<ExportDevice> devices, DateOnly? takenOn = null, bool dryRun = false, bool withLastSeen = true) =>
        _reports.ImportAsync(devices, takenOn ?? TakenOn, dryRun, withLastSeen);

    private Task MapAsync(DateOnly? from = null, params (string Group, int Unit)[] items) => _reports.MapAsync(from, items);

    [Fact]
    public async Task Each_unit_gets_its_devices_its_licences_and_its_band()
    {
        await MapAsync(null, (CaoLanhGroup, _bed.CaoLanh), (SaDecGroup, _bed.SaDec));
        var report = await ImportAsync(
        [
            .. Many("CL", CaoLanhGroup, 268),
            .. Many("CLS", CaoLanhGroup, 2, Seen.AddDays(-30)),
            .. Many("CLO", CaoLanhGroup, 1, product: "Bkav Endpoint"),
            .. Many("SD", SaDecGroup, 221),
            .. Many("X", "Nhóm lạ", 2),
        ]);

        report.Devices.ShouldBe(494);
        report.UnmappedGroups.ShouldBe([new GroupCount("Nhóm lạ", 2)]);

        var picture = (await _picture.GetAsync(ImportBed.Admin, _bed.PlanId, ct: Ct)).Value!;
        var caoLanh = picture.Units.Single(u => u.UnitId == _bed.CaoLanh);
        caoLanh.Own.ShouldBe(new DeploymentFigures(270, 2, 1, 0, 300));
        caoLanh.Own.UsePercent.ShouldBe(90m);
        caoLanh.Own.Band.ShouldBe(UseBand.Info);
        var saDec = picture.Units.Single(u => u.UnitId == _bed.SaDec);
        saDec.Own.UsePercent.ShouldBe(110.5m);
        saDec.Own.Band.ShouldBe(UseBand.Critical);
        picture.UnmappedGroups.ShouldBe([new GroupCount("Nhóm lạ", 2)]);

        var root = picture.Units.Single(u => u.UnitId == _bed.Root);
        root.Subtree.Installed.ShouldBe(491);
        root.Subtree.Licensed.ShouldBe((await SeededPlan.FiguresAsync(_bed.Database.Factory, _bed.Root)).Quantity);
    }

    [Fact]
    public async Task A_Kaspersky_export_without_last_seen_is_kept_with_its_devices_counted_and_their_last_seen_unknown_not_stale()
    {
        await MapAsync(null, (CaoLanhGroup, _bed.CaoLanh), (SaDecGroup, _bed.SaDec));
        var report = await ImportAsync(
        [
            .. Many("CL", CaoLanhGroup, 250),
            .. Many("CLS", CaoLanhGroup, 20, Seen.AddDays(-30)),
            .. Many("CLO", CaoLanhGroup, 1, product: "Bkav Endpoint"),
            .. Many("SD", SaDecGroup, 40),
        ], withLastSeen: false);

        report.Devices.ShouldBe(311);
        report.Refused.ShouldBeEmpty();
        await using (var db = await _bed.Database.Factory.CreateDbContextAsync(Ct))
        {
            var devices = await db.DeploymentDevices.AsNoTracking().Where(d => d.SnapshotId == report.SnapshotId).ToListAsync(Ct);
            devices.Count.ShouldBe(311);
            devices.ShouldAllBe(d => d.LastSeenUtc == null && !d.Stale);
        }

        var picture = (await _picture.GetAsync(ImportBed.Admin, _bed.PlanId, ct: Ct)).Value!;
        picture.Units.Single(u => u.UnitId == _bed.CaoLanh).Own.ShouldBe(new DeploymentFigures(270, 0, 1, 0, 300, LastSeenUnknown: 271));
        picture.Units.Single(u => u.UnitId == _bed.SaDec).Own.LastSeenUnknown.ShouldBe(40);
        var root = picture.Units.Single(u => u.UnitId == _bed.Root);
        root.Subtree.LastSeenUnknown.ShouldBe(311);
        root.Subtree.Stale.ShouldBe(0);
    }

    [Fact]
    public async Task Devices_with_and_without_a_last_seen_time_are_told_apart_in_one_report()
    {
        await MapAsync(null, (CaoLanhGroup, _bed.CaoLanh));
        await ImportAsync(
        [
            .. Many("CL", CaoLanhGroup, 10),
            .. Many("CLS", CaoLanhGroup, 3, Seen.AddDays(-30)),
            .. Enumerable.Range(1, 4).Select(i => new ExportDevice($"CLU-{i}", $"PC-CLU-{i}", CaoLanhGroup)),
        ]);

        var own = (await _picture.GetAsync(ImportBed.Admin, _bed.PlanId, ct: Ct)).Value!.Units.Single(u => u.UnitId == _bed.CaoLanh).Own;

        own.Installed.ShouldBe(17);
        own.Stale.ShouldBe(3);
        own.LastSeenUnknown.ShouldBe(4);
    }

    [Fact]
    public async Task The_workbook_gives_the_computers_of_unknown_last_seen_a_column_of_their_own_beside_the_stale()
    {
        await MapAsync(null, (CaoLanhGroup, _bed.CaoLanh));
        await ImportAsync(
        [
            .. Many("CL", CaoLanhGroup, 10),
            .. Many("CLS", CaoLanhGroup, 3, Seen.AddDays(-30)),
            .. Enumerable.Range(1, 4).Select(i => new ExportDevice($"CLU-{i}", $"PC-CLU-{i}", CaoLanhGroup)),
        ]);
        var picture = (await _picture.GetAsync(ImportBed.Admin, _bed.PlanId, ct: Ct)).Value!;
        var caoLanh = picture.Units.Single(u => u.UnitId == _bed.CaoLanh);

        using var stream = new MemoryStream();
        DeploymentWorkbook.Write(picture, stream);
        stream.Position = 0;
        using var workbook = new XLWorkbook(stream);
        var sheet = workbook.Worksheet(1);

        sheet.Cell(4, 4).GetString().ShouldBe("Không kết nối");
        sheet.Cell(4, 5).GetString().ShouldBe("Không rõ lần kết nối cuối");
        var row = sheet.RowsUsed().Single(r => r.Cell(2).GetString().Trim() == caoLanh.Name);
        row.Cell(3).GetValue<int>().ShouldBe(17);
        row.Cell(4).GetValue<int>().ShouldBe(3);
        row.Cell(5).GetValue<int>().ShouldBe(4);
        row.Cell(8).GetValue<int>().ShouldBe(300);
    }

    [Fact]
    public async Task A_subtree_sums_the_figures_of_its_units()
    {
        var commune = (await _bed.Database.Factory.CreateDbContextAsync(Ct)).Units.AsNoTracking().First(u => u.ParentId == _bed.CaoLanh).Id;
        await MapAsync(null, (CaoLanhGroup, _bed.CaoLanh), (SaDecGroup, _bed.SaDec), (CaoLanhGroup + "/Phường 1", commune));
        await ImportAsync([.. Many("CL", CaoLanhGroup, 40), .. Many("P1", CaoLanhGroup + "/Phường 1", 7, Seen.AddDays(-15)), .. Many("SD", SaDecGroup, 5)]);

        var picture = (await _picture.GetAsync(ImportBed.Admin, _bed.PlanId, ct: Ct)).Value!;
        var children = picture.Units.ToLookup(u => u.ParentUnitId);
        foreach (var unit in picture.Units)
        {
            var below = children[unit.UnitId].ToList();
            unit.Subtree.Installed.ShouldBe(unit.Own.Installed + below.Sum(c => c.Subtree.Installed), unit.Name);
            unit.Subtree.Stale.ShouldBe(unit.Own.Stale + below.Sum(c => c.Subtree.Stale), unit.Name);
            unit.Subtree.Licensed.ShouldBe(unit.Own.Licensed + below.Sum(c => c.Subtree.Licensed), unit.Name);
        }

        picture.Units.Single(u => u.UnitId == _bed.CaoLanh).Subtree.Installed.ShouldBe(47);
        picture.Units.Single(u => u.UnitId == _bed.CaoLanh).Subtree.Stale.ShouldBe(7);
        picture.Units.Single(u => u.UnitId == commune).Own.Band.ShouldBe(UseBand.Critical); // 7 devices, no licence of its own
    }

    [Fact]
    public async Task A_district_officer_sees_only_the_district()
    {
        await MapAsync(null, (CaoLanhGroup, _bed.CaoLanh), (SaDecGroup, _bed.SaDec));
        await ImportAsync([.. Many("CL", CaoLanhGroup, 10), .. Many("SD", SaDecGroup, 5), .. Many("X", "Nhóm lạ", 2)]);

        var picture = (await _picture.GetAsync(_bed.CaoLanhOfficer, _bed.PlanId, ct: Ct)).Value!;

        picture.Units.ShouldNotBeEmpty();
        picture.Units.ShouldAllBe(u => u.UnitId == _bed.CaoLanh || u.ParentUnitId == _bed.CaoLanh);
        picture.Units.Single(u => u.UnitId == _bed.CaoLanh).Own.Installed.ShouldBe(10);
        picture.UnmappedGroups.ShouldBeEmpty();
        (await _picture.GetAsync(_bed.CaoLanhOfficer, _bed.PlanId, unitId: _bed.SaDec, ct: Ct)).Refusal!.Code.ShouldBe(Domain.Allocations.AllocationErrorCode.OutOfScope);
        (await _imports.ImportAsync(_bed.CaoLanhOfficer, new DeploymentImportRequest(_bed.PlanId, [], "ESET PROTECT", TakenOn), true, Ct)).Refusal!.Code
            .ShouldBe(Domain.Allocations.AllocationErrorCode.Forbidden);
    }

    [Fact]
    public async Task A_device_moved_between_groups_counts_where_each_snapshot_saw_it()
    {
        await MapAsync(null, (CaoLanhGroup, _bed.CaoLanh), (SaDecGroup, _bed.SaDec));
        var first = await ImportAsync([new ExportDevice("moved-1", "PC-MOVED", CaoLanhGroup, LastSeen: Seen)], new DateOnly(2021, 2, 1));
        var second = await ImportAsync([new ExportDevice("moved-1", "PC-MOVED", SaDecGroup, LastSeen: Seen)]);

        var before = (await _picture.GetAsync(ImportBed.Admin, _bed.PlanId, first.SnapshotId, ct: Ct)).Value!;
        var after = (await _picture.GetAsync(ImportBed.Admin, _bed.PlanId, ct: Ct)).Value!;

        before.Units.Single(u => u.UnitId == _bed.CaoLanh).Own.Installed.ShouldBe(1);
        before.Units.Single(u => u.UnitId == _bed.SaDec).Own.Installed.ShouldBe(0);
        after.Snapshot.Id.ShouldBe(second.SnapshotId!.Value);
        after.Units.Single(u => u.UnitId == _bed.CaoLanh).Own.Installed.ShouldBe(0);
        after.Units.Single(u => u.UnitId == _bed.SaDec).Own.Installed.ShouldBe(1);
        after.Snapshots.Select(s => s.TakenOn).ShouldBe([new DateOnly(2021, 2, 1), TakenOn]);
    }

    [Fact]
    public async Task A_group_re_homed_from_a_day_on_places_older_snapshots_where_it_stood_then()
    {
        const string group = "Thiết bị được quản lý/Phòng Tài nguyên";
        await MapAsync(new DateOnly(2020, 1, 1), (group, _bed.CaoLanh));
        await MapAsync(new DateOnly(2021, 2, 15), (group, _bed.SaDec));
        var old = await ImportAsync(Many("T", group, 3), new DateOnly(2021, 2, 1));
        await ImportAsync(Many("T", group, 3));

        (await _picture.GetAsync(ImportBed.Admin, _bed.PlanId, old.SnapshotId, ct: Ct)).Value!.Units.Single(u => u.UnitId == _bed.CaoLanh).Own.Installed.ShouldBe(3);
        (await _picture.GetAsync(ImportBed.Admin, _bed.PlanId, ct: Ct)).Value!.Units.Single(u => u.UnitId == _bed.SaDec).Own.Installed.ShouldBe(3);
    }

    [Fact]
    public async Task Unmapped_groups_are_suggested_the_unit_of_their_name_whatever_its_accents()
    {
        await ImportAsync([.. Many("SD", "Thiết bị được quản lý/UBND thành phố Sa Đéc".Normalize(NormalizationForm.FormD), 4), .. Many("X", "Nhóm lạ", 2)]);

        var groups = (await _groups.ListAsync(ImportBed.Admin, ct: Ct)).Value!;

        var saDec = groups.Single(g => g.Group.EndsWith("Sa Đéc", StringComparison.Ordinal));
        saDec.UnitId.ShouldBeNull();
        saDec.SuggestedUnitId.ShouldBe(_bed.SaDec);
        saDec.Devices.ShouldBe(4);
        groups.Single(g => g.Group == "Nhóm lạ").SuggestedUnitId.ShouldBeNull();
    }

    [Fact]
    public async Task A_unit_ended_before_the_reports_day_is_neither_suggested_for_a_group_nor_offered_on_the_plans_page()
    {
        await using (var db = await _bed.Database.Factory.CreateDbContextAsync(Ct))
        {
            (await db.Units.SingleAsync(u => u.Id == _bed.SaDec, Ct)).EndOn(TakenOn.AddDays(-6));
            await db.SaveChangesAsync(Ct);
        }

        await ImportAsync([.. Many("SD", "Thiết bị được quản lý/UBND thành phố Sa Đéc", 4), .. Many("CL", "Thiết bị được quản lý/866", 3)]);

        var groups = (await _groups.ListAsync(ImportBed.Admin, planId: _bed.PlanId, ct: Ct)).Value!;
        groups.Single(g => g.Group.EndsWith("Sa Đéc", StringComparison.Ordinal)).SuggestedUnitId.ShouldBeNull();
        groups.Single(g => g.Group.EndsWith("866", StringComparison.Ordinal)).SuggestedUnitId.ShouldBe(_bed.CaoLanh);
        var choices = (await _groups.UnitChoicesAsync(ImportBed.Admin, _bed.PlanId, Ct)).Value!.Units;
        choices.ShouldNotContain(c => c.UnitId == _bed.SaDec);
        choices.ShouldContain(c => c.UnitId == _bed.CaoLanh);
    }

    [Fact]
    public async Task A_report_dated_after_every_unit_of_the_plan_ended_gets_an_empty_offer_that_says_when_the_structure_ended()
    {
        var lastDay = TakenOn.AddDays(-6);
        await using (var db = await _bed.Database.Factory.CreateDbContextAsync(Ct))
        {
            foreach (var unit in await db.Units.ToListAsync(Ct))
            {
                unit.EndOn(lastDay);
            }

            await db.SaveChangesAsync(Ct);
        }

        await ImportAsync(Many("SD", "Thiết bị được quản lý/UBND thành phố Sa Đéc", 4));

        var offer = (await _groups.UnitChoicesAsync(ImportBed.Admin, _bed.PlanId, Ct)).Value!;
        offer.Units.ShouldBeEmpty();
        offer.NoneInForce.ShouldBeTrue();
        offer.ReportDay.ShouldBe(TakenOn);
        offer.StructureEnded.ShouldBe(lastDay);
        (await _groups.ListAsync(ImportBed.Admin, planId: _bed.PlanId, ct: Ct)).Value!.Single().SuggestedUnitId.ShouldBeNull();
    }

    [Fact]
    public async Task A_unit_ended_after_the_reports_day_is_still_suggested_for_the_groups_of_that_report()
    {
        await using (var db = await _bed.Database.Factory.CreateDbContextAsync(Ct))
        {
            (await db.Units.SingleAsync(u => u.Id == _bed.SaDec, Ct)).EndOn(TakenOn.AddDays(1));
            await db.SaveChangesAsync(Ct);
        }

        await ImportAsync(Many("SD", "Thiết bị được quản lý/UBND thành phố Sa Đéc", 4));

        (await _groups.ListAsync(ImportBed.Admin, planId: _bed.PlanId, ct: Ct)).Value!.Single().SuggestedUnitId.ShouldBe(_bed.SaDec);
        (await _groups.UnitChoicesAsync(ImportBed.Admin, _bed.PlanId, Ct)).Value!.Units.ShouldContain(c => c.UnitId == _bed.SaDec);
    }

    [Fact]
    public async Task An_import_is_kept_with_its_summary_in_the_audit_trail_and_a_dry_run_keeps_nothing()
    {
        var dry = await ImportAsync(Many("CL", CaoLanhGroup, 3), dryRun: true);
        dry.SnapshotId.ShouldBeNull();
        await using (var db = await _bed.Database.Factory.CreateDbContextAsync(Ct))
        {
            (await db.DeploymentSnapshots.CountAsync(Ct)).ShouldBe(0);
        }

        var kept = await ImportAsync(Many("CL", CaoLanhGroup, 3));

        await using var check = await _bed.Database.Factory.CreateDbContextAsync(Ct);
        (await check.DeploymentDevices.CountAsync(d => d.SnapshotId == kept.SnapshotId, Ct)).ShouldBe(3);
        var audit = await check.AuditEntries.SingleAsync(a => a.Action == AuditAction.DeploymentImported, Ct);
        audit.PlanId.ShouldBe(_bed.PlanId);
        audit.Reason.ShouldContain("3 thiết bị");
        audit.Reason.ShouldContain("26/02/2021");
    }

    [Fact]
    public async Task A_hostile_file_is_refused_and_changes_nothing()
    {
        var before = await _bed.StateAsync();
        foreach (var file in new[] { HostileFiles.Zeros(80L * 1024 * 1024), HostileFiles.LegacyXls(), WorkbookFiles.ReplacePart(ConsoleExports.KasperskyXlsx(Many("A", "G", 2)), "xl/workbook.xml", HostileFiles.WithExternalEntity) })
        {
            var result = await _imports.ImportAsync(ImportBed.Admin, new DeploymentImportRequest(_bed.PlanId, file, "Kaspersky Security Center", TakenOn), false, Ct);
            result.Issue.ShouldNotBeNull();
        }

        var after = await _bed.StateAsync();
        after.Nodes.ShouldBe(before.Nodes);
        after.AuditRows.ShouldBe(before.AuditRows);
        await using var db = await _bed.Database.Factory.CreateDbContextAsync(Ct);
        (await db.DeploymentSnapshots.CountAsync(Ct)).ShouldBe(0);
        (await db.DeploymentDevices.CountAsync(Ct)).ShouldBe(0);
    }

    [Fact]
    public async Task A_report_needs_its_day_a_known_mapping_and_no_day_after_today()
    {
        var file = ConsoleExports.Utf8(ConsoleExports.KasperskyCsv(Many("A", "G", 1)), bom: false);
        (await _imports.ImportAsync(ImportBed.Admin, new DeploymentImportRequest(_bed.PlanId, file, "Kaspersky Security Center", null), true, Ct)).Issue!.ApiCode.ShouldBe("taken-on-required");
        (await _imports.ImportAsync(ImportBed.Admin, new DeploymentImportRequest(_bed.PlanId, file, "Kaspersky Security Center", new DateOnly(2021, 3, 2)), true, Ct)).Issue!.ApiCode.ShouldBe("taken-on-in-future");
        (await _imports.ImportAsync(ImportBed.Admin, new DeploymentImportRequest(_bed.PlanId, file, "Không có", TakenOn), true, Ct)).Issue!.ApiCode.ShouldBe("mapping-not-found");
    }
}
