using LicenseAllocation.Application.Deployments;
using LicenseAllocation.Application.Identity;
using LicenseAllocation.Application.Needs;
using LicenseAllocation.Application.Plans;
using LicenseAllocation.Application.Tests.Import;
using LicenseAllocation.Domain.Deployments;
using LicenseAllocation.Domain.Needs;
using LicenseAllocation.Domain.Notifications;
using LicenseAllocation.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Shouldly;

namespace LicenseAllocation.Application.Tests.Deployments;

/// <summary>
/// Licences a unit bought itself count in what it holds, and a unit entering the warning or critical band is told once,
/// in the import's transaction. Seeded 2020 plan: Thành phố Cao Lãnh holds 300 licences, none handed on.
/// </summary>
public sealed class DeploymentBandTests : IAsyncLifetime
{
    private const string CaoLanhGroup = "Thiết bị được quản lý/Thành phố Cao Lãnh";
    private static readonly DateOnly TakenOn = new(2021, 2, 26);
    private static readonly DateTime Seen = new(2021, 2, 25, 3, 0, 0, DateTimeKind.Utc);

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2021, 3, 20, 8, 0, 0, TimeSpan.Zero));
    private ImportBed _bed = null!;
    private DeploymentImports _imports = null!;
    private DeploymentPicture _picture = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _bed = await ImportBed.CreateAsync();
        var factory = _bed.Database.Factory;
        _imports = new DeploymentImports(factory, Options.Create(new DeploymentOptions { ProductKeywords = { "Kaspersky" } }), _clock);
        _picture = new DeploymentPicture(factory);
        (await new DeploymentGroups(factory, _clock).SaveAsync(ImportBed.Admin, [new GroupAssignment(CaoLanhGroup, _bed.CaoLanh)], null, Ct)).Succeeded.ShouldBeTrue();

        await using var db = await factory.CreateDbContextAsync(Ct);
        var roles = new[] { nameof(PortalRole.ProvinceAdmin), nameof(PortalRole.DistrictOfficer), nameof(PortalRole.Auditor) }
            .ToDictionary(r => r, r => new IdentityRole(r) { NormalizedName = r.ToUpperInvariant() });
        db.Roles.AddRange(roles.Values);
        void Account(string name, string role, int? scope)
        {
            var user = new PortalUser { UserName = name, NormalizedUserName = name.ToUpperInvariant(), ScopeUnitId = scope };
            db.Users.Add(user);
            db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = roles[role].Id });
        }

        Account(ImportBed.Admin.UserName, nameof(PortalRole.ProvinceAdmin), null);
        Account("so-tttt-2", nameof(PortalRole.ProvinceAdmin), null);
        Account("cao-lanh", nameof(PortalRole.DistrictOfficer), _bed.CaoLanh);
        Account("sa-dec", nameof(PortalRole.DistrictOfficer), _bed.SaDec);
        Account("kiem-toan", nameof(PortalRole.Auditor), null);
        await db.SaveChangesAsync(Ct);
    }

    public async ValueTask DisposeAsync() => await _bed.DisposeAsync();

    private static IEnumerable<ExportDevice> Many(int count) =>
        Enumerable.Range(1, count).Select(i => new ExportDevice($"CL-{i:D5}", $"PC-CL-{i}", CaoLanhGroup, "Kaspersky Endpoint Security for Windows", LastSeen: Seen));

    private async Task ImportAsync(int devices, DateOnly takenOn)
    {
        var file = ConsoleExports.Utf8(ConsoleExports.KasperskyCsv(Many(devices)), bom: true);
        var result = await _imports.ImportAsync(ImportBed.Admin, new DeploymentImportRequest(_bed.PlanId, file, "Kaspersky Security Center", takenOn), false, Ct);
        result.Succeeded.ShouldBeTrue(result.Issue?.ApiCode ?? result.Refusal?.Code.ToString());
    }

    private async Task<List<Notification>> NoticesAsync()
    {
        await using var db = await _bed.Database.Factory.CreateDbContextAsync(Ct);
        return await db.Notifications.AsNoTracking().Where(n => n.Kind == NotificationKind.DeploymentBandEntered).OrderBy(n => n.Id).ToListAsync(Ct);
    }

    private async Task<long> BuyAsync(int unitId, int quantity)
    {
        var factory = _bed.Database.Factory;
        (await new PlanProduct(factory, _clock).DescribeAsync(
            ImportBed.Admin, new ProductDetails(_bed.PlanId, "Kaspersky Endpoint Security", "Kaspersky", new DateOnly(2021, 1, 1), new DateOnly(2021, 12, 31)), Ct)).Error.ShouldBeNull();
        var bought = await new PurchaseService(factory, _clock).RecordAsync(ImportBed.Admin, new RecordPurchase(_bed.PlanId, unitId,
            new PurchaseDetails("Kaspersky Endpoint Security", "Kaspersky", quantity, "12/2021/HĐ-UBND", new DateOnly(2021, 1, 5), new DateOnly(2021, 1, 5), new DateOnly(2021, 12, 31))), Ct);
        bought.Error.ShouldBeNull();
        return bought.Value!.Id;
    }

    [Fact]
    public async Task Licences_a_unit_bought_itself_count_in_what_it_and_its_subtree_hold()
    {
        await BuyAsync(_bed.CaoLanh, 30);
        await ImportAsync(320, TakenOn);

        var picture = (await _picture.GetAsync(ImportBed.Admin, _bed.PlanId, ct: Ct)).Value!;
        var caoLanh = picture.Units.Single(u => u.UnitId == _bed.CaoLanh);
        caoLanh.Own.Licensed.ShouldBe(330);
        caoLanh.Subtree.Licensed.ShouldBe(330);
        caoLanh.Own.Band.ShouldBe(UseBand.Info); // 320 of 330; without the purchase 320 of 300 would be a warning
        var root = picture.Units.Single(u => u.UnitId == _bed.Root);
        root.Subtree.Licensed.ShouldBe((await SeededPlan.FiguresAsync(_bed.Database.Factory, _bed.Root)).Quantity + 30);
    }

    [Fact]
    public async Task A_cancelled_purchase_no_longer_counts()
    {
        var purchase = await BuyAsync(_bed.CaoLanh, 30);
        (await new PurchaseService(_bed.Database.Factory, _clock).CancelAsync(ImportBed.Admin, purchase, "Hợp đồng bị hủy", Ct)).Error.ShouldBeNull();

        await ImportAsync(10, TakenOn);

        (await _picture.GetAsync(ImportBed.Admin, _bed.PlanId, ct: Ct)).Value!.Units.Single(u => u.UnitId == _bed.CaoLanh).Own.Licensed.ShouldBe(300);
    }

    [Fact]
    public async Task A_unit_entering_the_warning_band_tells_its_officer_and_the_other_administrators_once()
    {
        await ImportAsync(250, TakenOn); // 83 %: ok
        (await NoticesAsync()).ShouldBeEmpty();

        await ImportAsync(320, TakenOn.AddDays(7)); // 106,67 %: warning
        var notices = await NoticesAsync();
        notices.Where(n => n.Subject == "Thành phố Cao Lãnh").Select(n => n.Recipient).Order().ShouldBe(["cao-lanh", "so-tttt-2"]);
        notices.ShouldAllBe(n => n.Outcome == nameof(UseBand.Warning) && n.Quantity == 107 && n.PlanId == _bed.PlanId);
        notices.ShouldNotContain(n => n.Recipient == "sa-dec" || n.Recipient == "kiem-toan" || n.Recipient == ImportBed.Admin.UserName);

        await ImportAsync(325, TakenOn.AddDays(14)); // still a warning: nobody is told again
        (await NoticesAsync()).Count.ShouldBe(notices.Count);

        await ImportAsync(340, TakenOn.AddDays(21)); // 113,33 %: critical
        var critical = (await NoticesAsync()).Skip(notices.Count).Where(n => n.Subject == "Thành phố Cao Lãnh").ToList();
        critical.Select(n => n.Recipient).Order().ShouldBe(["cao-lanh", "so-tttt-2"]);
        critical.ShouldAllBe(n => n.Outcome == nameof(UseBand.Critical));
    }

    [Fact]
    public async Task A_dry_run_tells_nobody()
    {
        var file = ConsoleExports.Utf8(ConsoleExports.KasperskyCsv(Many(400)), bom: true);
        (await _imports.ImportAsync(ImportBed.Admin, new DeploymentImportRequest(_bed.PlanId, file, "Kaspersky Security Center", TakenOn), true, Ct)).Succeeded.ShouldBeTrue();

        (await NoticesAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task The_trend_gives_the_figures_of_each_report_oldest_first_and_a_district_officer_its_district()
    {
        await ImportAsync(250, TakenOn.AddDays(7));
        await ImportAsync(320, TakenOn);

        var province = (await _picture.TrendAsync(ImportBed.Admin, _bed.PlanId, ct: Ct)).Value!;
        province.Select(p => p.TakenOn).ShouldBe([TakenOn, TakenOn.AddDays(7)]);
        province.Select(p => p.Figures.Installed).ShouldBe([320, 250]);

        var district = (await _picture.TrendAsync(_bed.CaoLanhOfficer, _bed.PlanId, ct: Ct)).Value!;
        district.Select(p => p.Figures.Licensed).ShouldBe([300, 300]);
        (await _picture.TrendAsync(_bed.CaoLanhOfficer, _bed.PlanId, _bed.SaDec, Ct)).Refusal.ShouldNotBeNull();
    }
}
