using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Identity;
using LicenseAllocation.Application.Plans;
using LicenseAllocation.Domain.Allocations;
using LicenseAllocation.Domain.Auditing;
using LicenseAllocation.Testing;
using Microsoft.EntityFrameworkCore;
using Shouldly;

namespace LicenseAllocation.Application.Tests.Plans;

public sealed class PlanProductTests : IAsyncLifetime
{
    private static readonly DateOnly Start = new(2021, 3, 1);
    private static readonly DateOnly End = new(2024, 2, 29);

    private SqliteTestDatabase _database = default!;
    private PlanProduct _product = default!;
    private int _planId;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _database = await SqliteTestDatabase.CreateAsync();
        _product = new PlanProduct(_database.Factory, TimeProvider.System);
        _planId = await SeededPlan.PlanIdAsync(_database.Factory);
    }

    public async ValueTask DisposeAsync() => await _database.DisposeAsync();

    private Task<Common.Outcome<PlanSummary>> DescribeAsync(
        int planId, string? name = "Kaspersky Endpoint Security for Business", string? vendor = "Kaspersky Lab", DateOnly? start = null, DateOnly? end = null, Caller? caller = null) =>
        _product.DescribeAsync(caller ?? SeededPlan.Admin, new ProductDetails(planId, name, vendor, start ?? Start, end ?? End), Ct);

    private async Task<int> DescribedRowsAsync()
    {
        await using var db = await _database.Factory.CreateDbContextAsync(Ct);
        return await db.AuditEntries.CountAsync(a => a.Action == AuditAction.PlanDescribed, Ct);
    }

    [Fact]
    public async Task The_product_is_recorded_with_vendor_and_term_and_audited()
    {
        var plan = (await DescribeAsync(_planId)).Value.ShouldNotBeNull();

        (plan.ProductName, plan.Vendor, plan.LicenceTermStart, plan.LicenceTermEnd).ShouldBe(("Kaspersky Endpoint Security for Business", "Kaspersky Lab", Start, End));
        await using var db = await _database.Factory.CreateDbContextAsync(Ct);
        var row = await db.AuditEntries.SingleAsync(a => a.Action == AuditAction.PlanDescribed, Ct);
        row.PlanId.ShouldBe(_planId);
        row.Reason.ShouldContain("01/03/2021 – 29/02/2024");
    }

    [Fact]
    public async Task Describing_the_same_product_again_writes_no_second_row()
    {
        await DescribeAsync(_planId);
        await DescribeAsync(_planId);

        (await DescribedRowsAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task The_published_plan_takes_its_product_later_and_its_frozen_appendix_does_not_move()
    {
        await PlanSteps.PublishAsync(_database.Factory, _planId);
        var appendix = await PlanSteps.AppendixAsync(_database.Factory, _planId);

        (await DescribeAsync(_planId)).Value.ShouldNotBeNull().ProductName.ShouldBe("Kaspersky Endpoint Security for Business");

        (await PlanSteps.AppendixAsync(_database.Factory, _planId)).ShouldBe(appendix);
    }

    [Fact]
    public async Task A_superseded_plan_is_history_and_refuses_it()
    {
        await PlanSteps.PublishAsync(_database.Factory, _planId);
        var amendment = await PlanSteps.AmendAsync(_database.Factory, _planId);
        await PlanSteps.PublishAsync(_database.Factory, amendment.Id, "34/STTTT-CNTT");

        (await DescribeAsync(_planId)).Error.ShouldBe(AllocationError.PlanLocked());
        (await DescribedRowsAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task The_amendment_inherits_the_product()
    {
        await DescribeAsync(_planId);
        await PlanSteps.PublishAsync(_database.Factory, _planId);

        var amendment = await PlanSteps.AmendAsync(_database.Factory, _planId);

        (amendment.ProductName, amendment.Vendor, amendment.LicenceTermEnd).ShouldBe(("Kaspersky Endpoint Security for Business", "Kaspersky Lab", End));
    }

    [Fact]
    public async Task A_term_that_ends_on_or_before_its_start_is_refused()
    {
        (await DescribeAsync(_planId, start: Start, end: Start)).Error.ShouldBe(AllocationError.InvalidLicenceTerm());
        (await DescribeAsync(_planId, start: Start, end: Start.AddDays(-1))).Error.ShouldBe(AllocationError.InvalidLicenceTerm());
        (await DescribedRowsAsync()).ShouldBe(0);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    public async Task A_product_without_a_name_is_refused(string? name)
    {
        (await DescribeAsync(_planId, name: name)).Error.ShouldBe(AllocationError.InvalidProductName());
    }

    [Fact]
    public async Task Overlong_names_are_refused()
    {
        (await DescribeAsync(_planId, name: new string('A', 201))).Error.ShouldBe(AllocationError.InvalidProductName());
        (await DescribeAsync(_planId, vendor: new string('B', 201))).Error.ShouldBe(AllocationError.InvalidVendor());
    }

    [Fact]
    public async Task Only_the_province_administrator_describes_the_product()
    {
        (await DescribeAsync(_planId, caller: new Caller("can-bo", PortalRole.DistrictOfficer, 1))).Error.ShouldBe(AllocationError.Forbidden());
    }
}
