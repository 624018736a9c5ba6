using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Allocations;
using LicenseAllocation.Application.Allocations.Batches;
using LicenseAllocation.Application.Identity;
using LicenseAllocation.Application.Import;
using LicenseAllocation.Application.Needs;
using LicenseAllocation.Application.Units;
using LicenseAllocation.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Shouldly;

namespace LicenseAllocation.Application.Tests.Import;

/// <summary>Every node's figures and version, and the length of the audit trail: what an import that fails must leave as it was.</summary>
internal sealed record DatabaseState(IReadOnlyList<(int UnitId, int Quantity, int HandedOn, int Version)> Nodes, int AuditRows);

/// <summary>
/// The seeded 2020 plan with the province's quotas for Thành phố Cao Lãnh (300) and Thành phố Sa Đéc (200) set, the
/// import and template services over it, and the officer of Cao Lãnh.
/// </summary>
internal sealed class ImportBed : IAsyncDisposable
{
    public const int CaoLanhQuota = 300;

    private ImportBed(SqliteTestDatabase database, FakeTimeProvider clock)
    {
        Database = database;
        var batches = new QuantityBatchService(database.Factory, clock);
        Needs = new NeedService(database.Factory, clock);
        Import = new ImportService(database.Factory, batches, Needs, Options.Create(new ImportOptions()));
        Templates = new TemplateQuery(database.Factory);
        Quantities = new QuantityService(database.Factory, clock);
        Units = new UnitAdministration(database.Factory, clock);
    }

    public SqliteTestDatabase Database { get; }

    public ImportService Import { get; }

    public NeedService Needs { get; }

    public TemplateQuery Templates { get; }

    public QuantityService Quantities { get; }

    public UnitAdministration Units { get; }

    public int PlanId { get; private set; }

    public int Root { get; private set; }

    public int CaoLanh { get; private set; }

    public int SaDec { get; private set; }

    public Caller CaoLanhOfficer => new("cao-lanh", PortalRole.DistrictOfficer, CaoLanh);

    public static Caller Admin => SeededPlan.Admin;

    public static async Task<ImportBed> CreateAsync()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2021, 3, 1, 8, 0, 0, TimeSpan.Zero));
        var bed = new ImportBed(await SqliteTestDatabase.CreateAsync(clock: clock), clock);
        var factory = bed.Database.Factory;
        bed.PlanId = await SeededPlan.PlanIdAsync(factory);
        bed.Root = await SeededPlan.RootIdAsync(factory);
        bed.CaoLanh = await SeededPlan.UnitIdByCodeAsync(factory, "866");
        bed.SaDec = await SeededPlan.UnitIdByCodeAsync(factory, "867");
        (await bed.Quantities.ChangeAsync(Admin, new ChangeQuantity(bed.PlanId, bed.CaoLanh, CaoLanhQuota, "Giao cho thành phố Cao Lãnh"))).Succeeded.ShouldBeTrue();
        (await bed.Quantities.ChangeAsync(Admin, new ChangeQuantity(bed.PlanId, bed.SaDec, 200, "Giao cho thành phố Sa Đéc"))).Succeeded.ShouldBeTrue();
        return bed;
    }

    public Task<int> UnitIdAsync(string code) => SeededPlan.UnitIdByCodeAsync(Database.Factory, code);

    /// <summary>The template as the portal hands it out to <paramref name="caller"/>.</summary>
    public async Task<byte[]> TemplateAsync(Caller caller, int unitId)
    {
        var document = await Templates.GetAsync(caller, PlanId, unitId);
        document.Succeeded.ShouldBeTrue();
        using var output = new MemoryStream();
        TemplateWorkbook.Write(document.Value, output);
        return output.ToArray();
    }

    public Task<ImportReport> PreviewAsync(Caller caller, byte[] file, int? expectedUnitId = null) =>
        Import.PreviewAsync(caller, new ImportRequest(PlanId, file, expectedUnitId), TestContext.Current.CancellationToken);

    public Task<ImportReport> ApplyAsync(Caller caller, byte[] file, string? reason, int? expectedUnitId = null) =>
        Import.ApplyAsync(caller, new ImportRequest(PlanId, file, expectedUnitId, reason), TestContext.Current.CancellationToken);

    public async Task<DatabaseState> StateAsync()
    {
        await using var db = await Database.Factory.CreateDbContextAsync();
        var nodes = await db.Nodes.OrderBy(n => n.UnitId).Select(n => new { n.UnitId, n.Quantity, n.HandedOn, n.Version }).ToListAsync();
        return new DatabaseState([.. nodes.Select(n => (n.UnitId, n.Quantity, n.HandedOn, n.Version))], await db.AuditEntries.CountAsync());
    }

    public async Task<(int Quantity, int Version)> NodeAsync(int unitId)
    {
        await using var db = await Database.Factory.CreateDbContextAsync();
        var node = await db.Nodes.SingleAsync(n => n.UnitId == unitId);
        return (node.Quantity, node.Version);
    }

    public ValueTask DisposeAsync() => Database.DisposeAsync();
}
