using LicenseAllocation.Application.Deployments;
using LicenseAllocation.Application.Tests.Import;
using LicenseAllocation.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Shouldly;

namespace LicenseAllocation.Application.Tests.Deployments;

/// <summary>
/// The seeded 2020 plan of <see cref="ImportBed"/> with the console-report services over it: Kaspersky exports of
/// generated devices imported by the administrator, and console groups mapped to units.
/// </summary>
internal sealed class ConsoleReportBed : IAsyncDisposable
{
    public const string CaoLanhGroup = "Thiết bị được quản lý/Thành phố Cao Lãnh";
    public const string SaDecGroup = "Thiết bị được quản lý/Thành phố Sa Đéc";

    /// <summary>When the generated devices last reported to the console: the day before the usual report.</summary>
    public static readonly DateTime Seen = new(2021, 2, 25, 3, 0, 0, DateTimeKind.Utc);

    private ConsoleReportBed(ImportBed bed, TimeProvider clock)
    {
        Bed = bed;
        Groups = new DeploymentGroups(bed.Database.Factory, clock);
        Imports = new DeploymentImports(bed.Database.Factory, Options.Create(new DeploymentOptions { ProductKeywords = { "Kaspersky" } }), clock);
    }

    public ImportBed Bed { get; }

    public DeploymentGroups Groups { get; }

    public DeploymentImports Imports { get; }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<ConsoleReportBed> CreateAsync(FakeTimeProvider clock) => new(await ImportBed.CreateAsync(), clock);

    /// <summary><paramref name="count"/> devices of <paramref name="group"/>, named after <paramref name="prefix"/>.</summary>
    public static IEnumerable<ExportDevice> Many(string prefix, string group, int count, DateTime? seen = null, string product = "Kaspersky Endpoint Security for Windows") =>
        Enumerable.Range(1, count).Select(i => new ExportDevice($"{prefix}-{i:D5}", $"PC-{prefix}-{i}", group, product, LastSeen: seen ?? Seen));

    /// <summary>Imports the devices as a Kaspersky Security Center report (UTF-8 with a BOM) taken on <paramref name="takenOn"/>; it must be read.</summary>
    public async Task<DeploymentImportReport> ImportAsync(IEnumerable<ExportDevice> devices, DateOnly takenOn, bool dryRun = false, bool withLastSeen = true)
    {
        var file = ConsoleExports.Utf8(ConsoleExports.KasperskyCsv(devices, withLastSeen: withLastSeen), bom: true);
        var result = await Imports.ImportAsync(ImportBed.Admin, new DeploymentImportRequest(Bed.PlanId, file, "Kaspersky Security Center", takenOn), dryRun, Ct);
        result.Succeeded.ShouldBeTrue(result.Issue?.ApiCode ?? result.Refusal?.Code.ToString());
        return result.Value!;
    }

    /// <summary>Maps each group to its unit from <paramref name="from"/> on (a first mapping: always); it must be saved.</summary>
    public async Task MapAsync(DateOnly? from, params (string Group, int Unit)[] items) =>
        (await Groups.SaveAsync(ImportBed.Admin, [.. items.Select(i => new GroupAssignment(i.Group, i.Unit))], from, Ct)).Succeeded.ShouldBeTrue();

    public ValueTask DisposeAsync() => Bed.DisposeAsync();
}
