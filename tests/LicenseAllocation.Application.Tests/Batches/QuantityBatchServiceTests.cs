using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Allocations.Batches;
using LicenseAllocation.Application.Identity;
using LicenseAllocation.Domain.Allocations;
using LicenseAllocation.Domain.Auditing;
using LicenseAllocation.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Shouldly;

namespace LicenseAllocation.Application.Tests.Batches;

public sealed class QuantityBatchServiceTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2021, 2, 1, 9, 0, 0, TimeSpan.Zero));
    private SqliteTestDatabase _database = default!;
    private QuantityBatchService _service = default!;
    private int _planId;
    private int _province;
    private int _officeOfTheCommittee;
    private int _officeOfTheCouncil;
    private int _districtGroup;
    private int _caoLanhCity;
    private int _ward11;
    private int _ward1;
    private int _saDecWard3;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _database = await SqliteTestDatabase.CreateAsync(clock: _clock);
        _service = new QuantityBatchService(_database.Factory, _clock);
        _planId = await SeededPlan.PlanIdAsync(_database.Factory);
        _province = await SeededPlan.RootIdAsync(_database.Factory);
        _officeOfTheCommittee = await SeededPlan.UnitIdAsync(_database.Factory, "VP. UBND tỉnh"); // 65
        _officeOfTheCouncil = await SeededPlan.UnitIdAsync(_database.Factory, "VP. HĐND tỉnh"); // 24
        _districtGroup = await SeededPlan.UnitIdAsync(_database.Factory, "UBND 12 huyện, thành phố"); // 3,960
        _caoLanhCity = await SeededPlan.UnitIdByCodeAsync(_database.Factory, "866");
        _ward11 = await SeededPlan.UnitIdByCodeAsync(_database.Factory, "29863");
        _ward1 = await SeededPlan.UnitIdByCodeAsync(_database.Factory, "29866");
        _saDecWard3 = await SeededPlan.UnitIdByCodeAsync(_database.Factory, "29902");
    }

    public async ValueTask DisposeAsync() => await _database.DisposeAsync();

    private Caller CaoLanhOfficer => new("cao-lanh", PortalRole.DistrictOfficer, _caoLanhCity);

    private Task<QuantityBatchResult> ApplyAsync(string? reason, params (int UnitId, int Quantity)[] items) =>
        ApplyAsync(SeededPlan.Admin, reason, items);

    private Task<QuantityBatchResult> ApplyAsync(Caller caller, string? reason, params (int UnitId, int Quantity)[] items) =>
        _service.ApplyAsync(caller, new QuantityBatch(_planId, reason, [.. items.Select(i => new QuantityBatchItem(i.UnitId, i.Quantity))]), Ct);

    private async Task<List<AuditEntry>> QuantityAuditAsync()
    {
        await using var db = await _database.Factory.CreateDbContextAsync(Ct);
        return await db.AuditEntries.Where(a => a.Action == AuditAction.QuantityChanged).OrderBy(a => a.Id).ToListAsync(Ct);
    }

    private async Task ShouldBeSoundAsync()
    {
        var stored = await StoredPlan.LoadAsync(_database.Factory, Ct);
        stored.Tree().FindViolations().ShouldBeEmpty();
    }

    [Fact]
    public async Task A_valid_batch_applies_every_item_with_one_change_set_and_one_audit_row_per_changed_unit()
    {
        var result = await ApplyAsync(
            "Phân bổ cho thành phố Cao Lãnh",
            (_caoLanhCity, 300), (_ward11, 20), (_ward1, 15), (_officeOfTheCommittee, 65));

        result.Applied.ShouldBeTrue();
        result.Refused.ShouldBeEmpty();
        result.ChangeSetId.ShouldNotBeNull();
        result.Changed.Select(c => (c.UnitId, c.Quantity)).ShouldBe([(_caoLanhCity, 300), (_ward11, 20), (_ward1, 15)]);
        (await SeededPlan.FiguresAsync(_database.Factory, _caoLanhCity)).ShouldBe((300, 35));
        (await SeededPlan.FiguresAsync(_database.Factory, _districtGroup)).ShouldBe((3960, 300));
        var audit = await QuantityAuditAsync();
        audit.Select(a => (a.UnitId, a.OldValue, a.NewValue)).ShouldBe([(_caoLanhCity, 0, 300), (_ward11, 0, 20), (_ward1, 0, 15)], ignoreOrder: true);
        audit.ShouldAllBe(a => a.ChangeSetId == result.ChangeSetId && a.Reason == "Phân bổ cho thành phố Cao Lãnh" && a.Actor == "admin");
        await ShouldBeSoundAsync();
    }

    [Fact]
    public async Task A_batch_with_one_over_quota_item_applies_nothing_and_explains_exactly_the_refused_items_with_numbers()
    {
        var result = await ApplyAsync(
            "Điều chỉnh",
            (_caoLanhCity, 300), (_ward11, 200), (_ward1, 150), (_officeOfTheCouncil, 30));

        result.Applied.ShouldBeFalse();
        result.ChangeSetId.ShouldBeNull();
        result.Changed.ShouldBeEmpty();
        // The province is full (5,137 handed out): the council's office can keep at most its 24. Cao Lãnh holds 300;
        // its wards typed together come to 350, which is said as that total ("Tổng 350 vượt 300 được giao — thừa 50").
        result.Refused.ShouldBe([
            new BatchRefusal(_ward1, AllocationError.ChildrenExceedParent(350, 300)),
            new BatchRefusal(_officeOfTheCouncil, AllocationError.ExceedsParent(30, 24, 0)),
        ]);
        (await SeededPlan.FiguresAsync(_database.Factory, _caoLanhCity)).ShouldBe((0, 0));
        (await SeededPlan.FiguresAsync(_database.Factory, _ward11)).ShouldBe((0, 0));
        (await QuantityAuditAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task Communes_typed_together_over_the_district_quota_are_told_the_total_and_the_excess_in_Vietnamese()
    {
        await ApplyAsync("Giao chỉ tiêu", (_caoLanhCity, 416));

        var result = await ApplyAsync("Phân bổ xuống phường", (_ward11, 220), (_ward1, 200));

        var refusal = result.Refused.ShouldHaveSingleItem();
        refusal.Error.ShouldBe(AllocationError.ChildrenExceedParent(420, 416));
        Common.RefusalMessages.Describe(refusal.Error, System.Globalization.CultureInfo.GetCultureInfo("vi-VN"))
            .ShouldBe("Tổng 420 vượt 416 được giao — thừa 4.");
        (await SeededPlan.FiguresAsync(_database.Factory, _caoLanhCity)).ShouldBe((416, 0));
    }

    [Fact]
    public async Task A_batch_that_raises_a_district_and_its_communes_together_succeeds_whatever_the_order_of_the_items()
    {
        var result = await ApplyAsync("Giao chỉ tiêu", (_ward11, 40), (_ward1, 60), (_caoLanhCity, 100));

        result.Applied.ShouldBeTrue();
        (await SeededPlan.FiguresAsync(_database.Factory, _caoLanhCity)).ShouldBe((100, 100));
        await ShouldBeSoundAsync();
    }

    [Fact]
    public async Task A_batch_that_lowers_a_district_and_its_communes_together_succeeds()
    {
        (await ApplyAsync("Giao", (_caoLanhCity, 100), (_ward11, 40), (_ward1, 60))).Applied.ShouldBeTrue();

        var result = await ApplyAsync("Thu hồi", (_caoLanhCity, 0), (_ward11, 0), (_ward1, 0));

        result.Applied.ShouldBeTrue();
        (await SeededPlan.FiguresAsync(_database.Factory, _districtGroup)).ShouldBe((3960, 0));
        await ShouldBeSoundAsync();
    }

    [Fact]
    public async Task Decreases_go_first_so_a_batch_moves_licences_between_siblings_when_the_parent_is_full()
    {
        // The province has handed out all 5,137: the increase fits only because the decrease is applied before it.
        var result = await ApplyAsync("Chuyển 5 bản quyền", (_officeOfTheCouncil, 29), (_officeOfTheCommittee, 60));

        result.Applied.ShouldBeTrue();
        (await SeededPlan.FiguresAsync(_database.Factory, _officeOfTheCouncil)).Quantity.ShouldBe(29);
        (await SeededPlan.FiguresAsync(_database.Factory, _officeOfTheCommittee)).Quantity.ShouldBe(60);
        (await SeededPlan.FiguresAsync(_database.Factory, _province)).ShouldBe((5137, 5137));
        var audit = await QuantityAuditAsync();
        audit.Select(a => a.UnitId).ShouldBe([_officeOfTheCommittee, _officeOfTheCouncil]);
    }

    [Fact]
    public async Task Out_of_scope_items_are_refused_for_a_district_officer_and_nothing_is_applied()
    {
        (await ApplyAsync("Giao cho thành phố", (_caoLanhCity, 300))).Applied.ShouldBeTrue();

        var result = await ApplyAsync(CaoLanhOfficer, "Phân bổ cho xã, phường", (_ward11, 20), (_caoLanhCity, 400), (_saDecWard3, 5));

        result.Applied.ShouldBeFalse();
        result.Refused.ShouldBe([
            new BatchRefusal(_caoLanhCity, AllocationError.OutOfScope()),
            new BatchRefusal(_saDecWard3, AllocationError.OutOfScope()),
        ]);
        (await SeededPlan.FiguresAsync(_database.Factory, _ward11)).Quantity.ShouldBe(0);
    }

    [Fact]
    public async Task A_district_officer_hands_on_to_the_communes_of_their_district()
    {
        (await ApplyAsync("Giao cho thành phố", (_caoLanhCity, 300))).Applied.ShouldBeTrue();

        var result = await ApplyAsync(CaoLanhOfficer, "Phân bổ cho xã, phường", (_ward11, 20), (_ward1, 30));

        result.Applied.ShouldBeTrue();
        (await SeededPlan.FiguresAsync(_database.Factory, _caoLanhCity)).ShouldBe((300, 50));
    }

    [Fact]
    public async Task Invalid_items_are_each_explained_negative_unknown_and_duplicated()
    {
        var result = await ApplyAsync("Thử", (_ward11, -1), (999_999, 1), (_ward1, 1), (_ward1, 2));

        result.Applied.ShouldBeFalse();
        result.Refused.ShouldBe([
            new BatchRefusal(_ward11, AllocationError.InvalidQuantity(-1)),
            new BatchRefusal(999_999, AllocationError.NotFound()),
            new BatchRefusal(_ward1, AllocationError.DuplicateItem()),
        ]);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    public async Task A_batch_without_a_reason_is_refused_as_a_whole(string? reason)
    {
        var result = await ApplyAsync(reason, (_officeOfTheCommittee, 60));

        result.Applied.ShouldBeFalse();
        result.Error.ShouldBe(AllocationError.ReasonRequired());
        (await SeededPlan.FiguresAsync(_database.Factory, _officeOfTheCommittee)).Quantity.ShouldBe(65);
    }

    [Theory]
    [InlineData(PortalRole.Auditor)]
    [InlineData(PortalRole.UnitViewer)]
    public async Task Readers_are_forbidden(PortalRole role)
    {
        var result = await ApplyAsync(new Caller("reader", role, _caoLanhCity), "Thử", (_ward11, 1));

        result.Error.ShouldBe(AllocationError.Forbidden());
    }

    [Fact]
    public async Task Unchanged_quantities_are_skipped_without_an_audit_row()
    {
        var result = await ApplyAsync("Giữ nguyên", (_officeOfTheCommittee, 65), (_officeOfTheCouncil, 24));

        result.Applied.ShouldBeTrue();
        result.Changed.ShouldBeEmpty();
        (await QuantityAuditAsync()).ShouldBeEmpty();
    }
}
