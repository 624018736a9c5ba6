using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Allocations;
using LicenseAllocation.Application.Districts;
using LicenseAllocation.Application.Tests.Plans;
using LicenseAllocation.Testing;
using Shouldly;

namespace LicenseAllocation.Application.Tests.Exports;

/// <summary>
/// What the districts' documents (the workbook and the PDF) are read from: the seeded 2020 plan with 300 licences given
/// to Thành phố Cao Lãnh, its officer, and the three decisions published in their order.
/// </summary>
public abstract class DistrictDocumentTests : IAsyncLifetime
{
    protected SqliteTestDatabase Database { get; private set; } = default!;

    protected int PlanId { get; private set; }

    protected int Group { get; private set; }

    protected int CaoLanh { get; private set; }

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected Caller CaoLanhOfficer => new("cao-lanh", Identity.PortalRole.DistrictOfficer, CaoLanh);

    public async ValueTask InitializeAsync()
    {
        Database = await SqliteTestDatabase.CreateAsync();
        PlanId = await SeededPlan.PlanIdAsync(Database.Factory);
        Group = await SeededPlan.UnitIdAsync(Database.Factory, "UBND 12 huyện, thành phố");
        CaoLanh = await SeededPlan.UnitIdByCodeAsync(Database.Factory, "866");
        var quantities = new QuantityService(Database.Factory, TimeProvider.System);
        (await quantities.ChangeAsync(SeededPlan.Admin, new ChangeQuantity(PlanId, CaoLanh, 300, "Chuẩn bị"), Ct)).Error.ShouldBeNull();
    }

    public async ValueTask DisposeAsync()
    {
        await Database.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>The province's letter, its detailed allocation (20/STTTT-CNTT) and Cao Lãnh's decision (15/QĐ-UBND).</summary>
    protected async Task PublishAllThreeAsync()
    {
        await PlanSteps.PublishAsync(Database.Factory, PlanId);
        await PlanSteps.PublishDecisionAsync(Database.Factory, PlanId, Group, number: "20/STTTT-CNTT");
        await PlanSteps.PublishDecisionAsync(Database.Factory, PlanId, CaoLanh, CaoLanhOfficer, number: "15/QĐ-UBND");
    }

    protected async Task<DistrictReport> ReportAsync(Caller caller) =>
        (await new DistrictQueries(Database.Factory).GetReportAsync(caller, PlanId, cancellationToken: Ct)).Value!;
}
