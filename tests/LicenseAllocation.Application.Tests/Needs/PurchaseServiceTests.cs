using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Identity;
using LicenseAllocation.Application.Needs;
using LicenseAllocation.Application.Plans;
using LicenseAllocation.Application.Tests.Plans;
using LicenseAllocation.Domain.Allocations;
using LicenseAllocation.Domain.Auditing;
using LicenseAllocation.Domain.Needs;
using LicenseAllocation.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Shouldly;

namespace LicenseAllocation.Application.Tests.Needs;

public sealed class PurchaseServiceTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2021, 3, 2, 8, 0, 0, TimeSpan.Zero));
    private SqliteTestDatabase _database = default!;
    private PurchaseService _service = default!;
    private int _planId;
    private int _caoLanhCity;
    private int _ward11;
    private int _saDecWard3;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Caller Officer => new("caolanh", PortalRole.DistrictOfficer, _caoLanhCity);

    private static PurchaseDetails Bkav(int quantity = 10, string product = "Bkav Endpoint", string? vendor = "Công ty Cổ phần Bkav", string? key = "ABCD-EFGH-1234") =>
        new(product, vendor, quantity, "15/2021/HĐ-MS", new DateOnly(2021, 2, 20), new DateOnly(2021, 3, 1), new DateOnly(2022, 2, 28), key, "Mua bổ sung cho bộ phận một cửa");

    public async ValueTask InitializeAsync()
    {
        _database = await SqliteTestDatabase.CreateAsync(clock: _clock);
        _service = new PurchaseService(_database.Factory, _clock);
        _planId = await SeededPlan.PlanIdAsync(_database.Factory);
        _caoLanhCity = await SeededPlan.UnitIdByCodeAsync(_database.Factory, "866");
        _ward11 = await SeededPlan.UnitIdByCodeAsync(_database.Factory, "29863");
        _saDecWard3 = await SeededPlan.UnitIdByCodeAsync(_database.Factory, "29902");
    }

    public async ValueTask DisposeAsync() => await _database.DisposeAsync();

    private async Task AnnounceAsync(string name = "Bkav Endpoint", string? vendor = "Công ty Cổ phần Bkav")
    {
        var outcome = await new PlanProduct(_database.Factory, _clock).DescribeAsync(
            SeededPlan.Admin, new ProductDetails(_planId, name, vendor, new DateOnly(2021, 3, 1), new DateOnly(2022, 2, 28)), Ct);
        outcome.Error.ShouldBeNull();
    }

    private Task<Common.Outcome<PurchaseView>> RecordAsync(PurchaseDetails details, Caller? caller = null, int? unitId = null) =>
        _service.RecordAsync(caller ?? Officer, new RecordPurchase(_planId, unitId ?? _ward11, details), Ct);

    private async Task<List<AuditEntry>> RowsAsync(AuditAction action)
    {
        await using var db = await _database.Factory.CreateDbContextAsync(Ct);
        return await db.AuditEntries.Where(a => a.Action == action).ToListAsync(Ct);
    }

    [Fact]
    public async Task Before_the_product_is_announced_a_purchase_is_refused()
    {
        (await RecordAsync(Bkav())).Error.ShouldBe(AllocationError.ProductNotAnnounced());
        (await RowsAsync(AuditAction.PurchaseRecorded)).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("Kaspersky Endpoint Security", "Công ty Cổ phần Bkav")]
    [InlineData("Bkav Endpoint", "Kaspersky Lab")]
    [InlineData("Bkav Endpoint", null)]
    public async Task A_purchase_of_another_product_or_vendor_is_refused_quoting_the_provinces_product(string product, string? vendor)
    {
        await AnnounceAsync();

        (await RecordAsync(Bkav(product: product, vendor: vendor))).Error
            .ShouldBe(AllocationError.DifferentProduct("Bkav Endpoint (Công ty Cổ phần Bkav)"));
    }

    [Fact]
    public async Task The_product_is_compared_after_unicode_case_and_white_space_folding()
    {
        await AnnounceAsync();

        // "ổ" typed as o + combining marks (NFD), other case, doubled spaces.
        var outcome = await RecordAsync(Bkav(product: "  BKAV   endpoint ", vendor: "công ty co\u0302\u0309 phần   BKAV"));

        outcome.Error.ShouldBeNull();
        outcome.Value!.ProductName.ShouldBe("BKAV endpoint");
    }

    [Fact]
    public async Task A_recorded_purchase_counts_in_the_coverage_is_audited_and_its_key_is_masked_except_for_the_administrator()
    {
        await AnnounceAsync();

        var recorded = (await RecordAsync(Bkav(quantity: 7))).Value.ShouldNotBeNull();

        recorded.LicenceKey.ShouldBe("••••••••••1234");
        var forAdmin = (await _service.ListAsync(SeededPlan.Admin, _planId, _ward11, Ct)).Value.ShouldNotBeNull();
        forAdmin.Single().LicenceKey.ShouldBe("ABCD-EFGH-1234");
        var audit = (await RowsAsync(AuditAction.PurchaseRecorded)).Single();
        audit.Actor.ShouldBe("caolanh");
        audit.UnitId.ShouldBe(_ward11);
        audit.Reason.ShouldContain("số lượng: 7");
        audit.Reason.ShouldNotContain("1234", customMessage: "the licence key never goes into the trail");

        var coverage = (await new CoverageQuery(_database.Factory).GetAsync(SeededPlan.Admin, _planId, _caoLanhCity, Ct)).Value.ShouldNotBeNull();
        coverage.Items.Single(i => i.UnitId == _ward11).Own.SelfPurchased.ShouldBe(7);
        coverage.Items[0].Subtree.SelfPurchased.ShouldBe(7);
    }

    [Theory]
    [InlineData(0, "quantity")]
    [InlineData(-3, "quantity")]
    public async Task A_purchase_of_no_licences_is_refused(int quantity, string field)
    {
        await AnnounceAsync();

        (await RecordAsync(Bkav(quantity: quantity))).Error.ShouldBe(AllocationError.InvalidPurchase(field));
    }

    [Fact]
    public async Task A_term_that_ends_before_it_starts_is_refused()
    {
        await AnnounceAsync();

        (await RecordAsync(Bkav() with { TermEnd = new DateOnly(2021, 1, 1) })).Error.ShouldBe(AllocationError.InvalidPurchase("termEnd"));
    }

    [Fact]
    public async Task Purchases_follow_the_scopes_of_needs()
    {
        await AnnounceAsync();

        (await RecordAsync(Bkav(), unitId: _saDecWard3)).Error.ShouldBe(AllocationError.OutOfScope());
        (await RecordAsync(Bkav(), new Caller("phuong11", PortalRole.UnitViewer, _ward11))).Error.ShouldBeNull();
        (await RecordAsync(Bkav(), new Caller("auditor", PortalRole.Auditor))).Error.ShouldBe(AllocationError.Forbidden());
        (await _service.ListAsync(Officer, _planId, _saDecWard3, Ct)).Error.ShouldBe(AllocationError.OutOfScope());
    }

    [Fact]
    public async Task A_cancelled_purchase_stays_listed_with_its_reason_no_longer_counts_and_is_cancelled_once()
    {
        await AnnounceAsync();
        var recorded = (await RecordAsync(Bkav(quantity: 7))).Value.ShouldNotBeNull();

        (await _service.CancelAsync(Officer, recorded.Id, " ", Ct)).Error.ShouldBe(AllocationError.ReasonRequired());
        (await _service.CancelAsync(new Caller("x", PortalRole.DistrictOfficer, await SeededPlan.UnitIdByCodeAsync(_database.Factory, "867")), recorded.Id, "Nhập nhầm", Ct))
            .Error.ShouldBe(AllocationError.OutOfScope());
        var cancelled = (await _service.CancelAsync(Officer, recorded.Id, "Nhập nhầm hợp đồng", Ct)).Value.ShouldNotBeNull();

        cancelled.IsCancelled.ShouldBeTrue();
        cancelled.CancelReason.ShouldBe("Nhập nhầm hợp đồng");
        (await _service.CancelAsync(Officer, recorded.Id, "Lần nữa", Ct)).Error.ShouldBe(AllocationError.PurchaseCancelled());
        (await _service.ListAsync(Officer, _planId, _ward11, Ct)).Value!.Single().IsCancelled.ShouldBeTrue();
        (await RowsAsync(AuditAction.PurchaseCancelled)).Single().Reason.ShouldContain("Nhập nhầm hợp đồng");
        var coverage = (await new CoverageQuery(_database.Factory).GetAsync(SeededPlan.Admin, _planId, _ward11, Ct)).Value.ShouldNotBeNull();
        coverage.Items.Single().Own.SelfPurchased.ShouldBe(0);
    }

    [Fact]
    public async Task After_the_letter_is_published_purchases_are_recorded_and_the_amendment_carries_those_not_cancelled()
    {
        await AnnounceAsync();
        var cancelled = (await RecordAsync(Bkav())).Value.ShouldNotBeNull();
        await PlanSteps.PublishAsync(_database.Factory, _planId);

        var kept = (await RecordAsync(Bkav(quantity: 7))).Value.ShouldNotBeNull("a decision fixes quantities, not what a unit bought");
        (await _service.CancelAsync(Officer, cancelled.Id, "Nhập nhầm", Ct)).Error.ShouldBeNull();
        var amendment = await PlanSteps.AmendAsync(_database.Factory, _planId);

        (await RecordAsync(Bkav())).Error.ShouldBe(AllocationError.PlanLocked(), "the plan being amended takes nothing more");
        (await _service.CancelAsync(Officer, kept.Id, "Nhập nhầm", Ct)).Error.ShouldBe(AllocationError.PlanLocked());
        await using var db = await _database.Factory.CreateDbContextAsync(Ct);
        var carried = await db.SelfPurchases.Where(p => p.PlanId == amendment.Id).ToListAsync(Ct);
        carried.ShouldHaveSingleItem().Quantity.ShouldBe(7);
        (carried[0].RecordedBy, carried[0].UnitId).ShouldBe((Officer.UserName, _ward11));
    }
}
