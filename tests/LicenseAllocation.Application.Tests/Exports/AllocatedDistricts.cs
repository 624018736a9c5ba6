using LicenseAllocation.Application.Allocations;
using LicenseAllocation.Application.Units;
using LicenseAllocation.Domain.Units;
using LicenseAllocation.Testing;
using Shouldly;

namespace LicenseAllocation.Application.Tests.Exports;

/// <summary>
/// The seeded plan after some allocation: Thành phố Cao Lãnh holds 300 with its standard agencies, a commune at 40 and
/// agencies whose names look like formulas, numbers or dates; Thành phố Sa Đéc holds 200; one agency is deactivated.
/// </summary>
public sealed class AllocatedDistricts : IAsyncLifetime
{
    /// <summary>Names a spreadsheet would take for a formula, with the quantity each agency receives.</summary>
    public static readonly IReadOnlyList<(string Name, int Quantity)> TrickyAgencies =
        [("=HYPERLINK(\"x\")", 1), ("+1", 2), ("-1", 3), ("@x", 4), ("00123", 5), ("1/2", 6)];

    public const string DeactivatedAgency = "Phòng đã giải thể";

    public SqliteTestDatabase Database { get; private set; } = default!;

    public int CaoLanh { get; private set; }

    public int SaDec { get; private set; }

    public int Ward11 { get; private set; }

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        Database = await SqliteTestDatabase.CreateAsync();
        var factory = Database.Factory;
        CaoLanh = await SeededPlan.UnitIdByCodeAsync(factory, "866");
        SaDec = await SeededPlan.UnitIdByCodeAsync(factory, "867");
        Ward11 = await SeededPlan.UnitIdByCodeAsync(factory, "29863");
        var quantities = new QuantityService(factory, TimeProvider.System);
        var units = new UnitAdministration(factory, TimeProvider.System);

        async Task SetAsync(int unitId, int quantity) =>
            (await quantities.ChangeAsync(SeededPlan.Admin, new ChangeQuantity(1, unitId, quantity, "Chuẩn bị kiểm thử"), ct)).Succeeded.ShouldBeTrue();

        await SetAsync(CaoLanh, 300);
        await SetAsync(SaDec, 200);
        await SetAsync(Ward11, 40);
        var standard = (await units.AddStandardDistrictAgenciesAsync(SeededPlan.Admin, 1, CaoLanh, ct)).Value!;
        await SetAsync(standard[0].UnitId, 10);
        foreach (var (name, quantity) in TrickyAgencies)
        {
            var added = (await units.AddUnitAsync(SeededPlan.Admin, 1, CaoLanh, name, UnitKind.DistrictAgency, cancellationToken: ct)).Value!;
            await SetAsync(added.UnitId, quantity);
        }

        var gone = (await units.AddUnitAsync(SeededPlan.Admin, 1, CaoLanh, DeactivatedAgency, UnitKind.DistrictAgency, cancellationToken: ct)).Value!;
        (await units.UpdateUnitAsync(SeededPlan.Admin, 1, gone.UnitId, active: false, cancellationToken: ct)).Succeeded.ShouldBeTrue();
    }

    public async ValueTask DisposeAsync() => await Database.DisposeAsync();
}
