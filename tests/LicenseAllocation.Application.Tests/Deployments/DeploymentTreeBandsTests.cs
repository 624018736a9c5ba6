using System.Data.Common;
using LicenseAllocation.Application.Allocations;
using LicenseAllocation.Application.Auditing;
using LicenseAllocation.Application.Data;
using LicenseAllocation.Application.Deployments;
using LicenseAllocation.Application.Tests.Import;
using LicenseAllocation.Domain.Deployments;
using LicenseAllocation.Migrations.Sqlite;
using LicenseAllocation.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Time.Testing;
using Shouldly;
using static LicenseAllocation.Application.Tests.Deployments.ConsoleReportBed;

namespace LicenseAllocation.Application.Tests.Deployments;

/// <summary>
/// The bands of the allocation tree over the seeded 2020 plan, where the province gave Thành phố Cao Lãnh 300 licences
/// and Thành phố Sa Đéc 200: a level's units in one call, each with its subtree's band at the plan's latest report.
/// </summary>
public sealed class DeploymentTreeBandsTests : IAsyncLifetime
{
    private const string StrangeGroup = "Thiết bị được quản lý/Nhóm lạ";

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2021, 3, 1, 8, 0, 0, TimeSpan.Zero));
    private ConsoleReportBed _reports = null!;
    private ImportBed _bed = null!;
    private DeploymentTreeBands _bands = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _reports = await ConsoleReportBed.CreateAsync(_clock);
        _bed = _reports.Bed;
        _bands = new DeploymentTreeBands(_bed.Database.Factory, new DeploymentTreeBandCache());
    }

    public async ValueTask DisposeAsync() => await _reports.DisposeAsync();

    private Task ImportAsync(DateOnly takenOn, params IEnumerable<ExportDevice>[] devices) => _reports.ImportAsync(devices.SelectMany(d => d), takenOn);

    private Task MapAsync(params (string Group, int Unit)[] items) => _reports.MapAsync(null, items);

    [Fact]
    public async Task A_plan_without_a_console_report_has_no_bands_and_after_one_each_unit_asked_for_gets_its_subtrees_band()
    {
        var before = await _bands.GetAsync(ImportBed.Admin, _bed.PlanId, [_bed.CaoLanh, _bed.SaDec], Ct);
        before.Succeeded.ShouldBeTrue();
        before.Value.ShouldBeNull();

        await MapAsync((CaoLanhGroup, _bed.CaoLanh), (SaDecGroup, _bed.SaDec));
        await ImportAsync(new DateOnly(2021, 1, 10), Many("CL", CaoLanhGroup, 10));
        await ImportAsync(new DateOnly(2021, 2, 26), Many("CL", CaoLanhGroup, 331), Many("SD", SaDecGroup, 180));
        var view = (await _bands.GetAsync(ImportBed.Admin, _bed.PlanId, [_bed.CaoLanh, _bed.SaDec], Ct)).Value!;

        view.TakenOn.ShouldBe(new DateOnly(2021, 2, 26));
        view.Units.Keys.ShouldBe([_bed.CaoLanh, _bed.SaDec], ignoreOrder: true);
        view.Units[_bed.CaoLanh].ShouldBe(new UnitBand(_bed.CaoLanh, UseBand.Critical, 110.33m, 331, 300));
        view.Units[_bed.SaDec].ShouldBe(new UnitBand(_bed.SaDec, UseBand.Info, 90m, 180, 200));
    }

    [Fact]
    public async Task The_tree_bands_are_the_subtree_figures_of_the_deployment_picture()
    {
        await MapAsync((CaoLanhGroup, _bed.CaoLanh), (SaDecGroup, _bed.SaDec));
        await ImportAsync(new DateOnly(2021, 2, 26), Many("CL", CaoLanhGroup, 120), Many("SD", SaDecGroup, 205));
        var picture = (await new DeploymentPicture(_bed.Database.Factory).GetAsync(ImportBed.Admin, _bed.PlanId, ct: Ct)).Value!;

        var bands = (await _bands.GetAsync(ImportBed.Admin, _bed.PlanId, [.. picture.Units.Select(u => u.UnitId)], Ct)).Value!;

        bands.Units.Count.ShouldBe(picture.Units.Count);
        foreach (var unit in picture.Units)
        {
            bands.Units[unit.UnitId].ShouldBe(new UnitBand(unit.UnitId, unit.Subtree.Band, unit.Subtree.UsePercent, unit.Subtree.Installed, unit.Subtree.Licensed), unit.Name);
        }
    }

    [Fact]
    public async Task A_district_officer_gets_the_bands_of_its_district_alone()
    {
        await MapAsync((CaoLanhGroup, _bed.CaoLanh), (SaDecGroup, _bed.SaDec));
        await ImportAsync(new DateOnly(2021, 2, 26), Many("CL", CaoLanhGroup, 10), Many("SD", SaDecGroup, 5));

        var view = (await _bands.GetAsync(_bed.CaoLanhOfficer, _bed.PlanId, [_bed.Root, _bed.CaoLanh, _bed.SaDec], Ct)).Value!;

        view.Units.Keys.ShouldBe([_bed.CaoLanh]);
    }

    [Fact]
    public async Task A_group_mapped_or_a_quantity_changed_after_the_bands_were_read_shows_at_the_next_read()
    {
        await MapAsync((CaoLanhGroup, _bed.CaoLanh));
        await ImportAsync(new DateOnly(2021, 2, 26), Many("CL", CaoLanhGroup, 150), Many("X", StrangeGroup, 150));
        (await _bands.GetAsync(ImportBed.Admin, _bed.PlanId, [_bed.CaoLanh], Ct)).Value!.Units[_bed.CaoLanh].Band.ShouldBe(UseBand.Ok);

        await MapAsync((StrangeGroup, _bed.CaoLanh));
        var mapped = (await _bands.GetAsync(ImportBed.Admin, _bed.PlanId, [_bed.CaoLanh], Ct)).Value!.Units[_bed.CaoLanh];
        (await _bed.Quantities.ChangeAsync(ImportBed.Admin, new ChangeQuantity(_bed.PlanId, _bed.CaoLanh, 280, "Thu hồi bớt"), Ct)).Succeeded.ShouldBeTrue();
        var lowered = (await _bands.GetAsync(ImportBed.Admin, _bed.PlanId, [_bed.CaoLanh], Ct)).Value!.Units[_bed.CaoLanh];

        mapped.ShouldBe(new UnitBand(_bed.CaoLanh, UseBand.Info, 100m, 300, 300));
        lowered.ShouldBe(new UnitBand(_bed.CaoLanh, UseBand.Warning, 107.14m, 300, 280));
    }

    [Fact]
    public async Task Once_the_picture_is_read_a_level_costs_one_single_row_read_however_many_units_it_has()
    {
        await MapAsync((CaoLanhGroup, _bed.CaoLanh), (SaDecGroup, _bed.SaDec));
        await ImportAsync(new DateOnly(2021, 2, 26), Many("CL", CaoLanhGroup, 120), Many("SD", SaDecGroup, 205));
        var counter = new CommandCounter();
        var options = new DbContextOptionsBuilder<AllocationDbContext>();
        SqliteDatabase.Configure(options, _bed.Database.ConnectionString);
        options.UseAuditSealKeys(TestSealKeys.Ring).AddInterceptors(counter);
        var bands = new DeploymentTreeBands(new TestContextFactory(options.Options), new DeploymentTreeBandCache());
        List<int> all;
        await using (var db = await _bed.Database.Factory.CreateDbContextAsync(Ct))
        {
            all = await db.Nodes.Where(n => n.PlanId == _bed.PlanId).Select(n => n.UnitId).ToListAsync(Ct);
        }

        (await bands.GetAsync(ImportBed.Admin, _bed.PlanId, [_bed.Root], Ct)).Value.ShouldNotBeNull();
        var cold = counter.Commands;
        counter.Commands = 0;
        var two = (await bands.GetAsync(ImportBed.Admin, _bed.PlanId, [_bed.CaoLanh, _bed.SaDec], Ct)).Value!;
        var afterTwo = counter.Commands;
        var every = (await bands.GetAsync(ImportBed.Admin, _bed.PlanId, all, Ct)).Value!;

        two.Units.Count.ShouldBe(2);
        every.Units.Count.ShouldBe(all.Count);
        all.Count.ShouldBeGreaterThan(100);
        cold.ShouldBeLessThan(10);
        afterTwo.ShouldBe(1);
        counter.Commands.ShouldBe(2);
    }

    private sealed class CommandCounter : DbCommandInterceptor
    {
        public int Commands { get; set; }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Commands++;
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }
    }
}
