using LicenseAllocation.Application.Allocations;
using LicenseAllocation.Application.Allocations.Batches;
using LicenseAllocation.Domain.Allocations;
using LicenseAllocation.Domain.Auditing;
using LicenseAllocation.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Shouldly;

namespace LicenseAllocation.Application.Tests.Auditing;

/// <summary>The official letter a quantity change is made under, on its audit rows, for a single and a bulk edit.</summary>
public sealed class DocumentReferenceTests : IAsyncLifetime
{
    private const string Letter = "Công văn số 123/UBND-VX ngày 05/01/2021";
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2021, 1, 6, 2, 0, 0, TimeSpan.Zero));
    private SqliteTestDatabase _database = default!;
    private int _planId;
    private int _office;
    private int _caoLanh;
    private int _ward11;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _database = await SqliteTestDatabase.CreateAsync(clock: _clock);
        _planId = await SeededPlan.PlanIdAsync(_database.Factory);
        _office = await SeededPlan.UnitIdAsync(_database.Factory, "VP. UBND tỉnh");
        _caoLanh = await SeededPlan.UnitIdByCodeAsync(_database.Factory, "866");
        _ward11 = await SeededPlan.UnitIdByCodeAsync(_database.Factory, "29863");
    }

    public async ValueTask DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task A_single_change_keeps_its_letter_on_its_audit_row()
    {
        var outcome = await new QuantityService(_database.Factory, _clock).ChangeAsync(
            SeededPlan.Admin, new ChangeQuantity(_planId, _office, 60, "Điều chỉnh", DocumentRef: "  " + Letter + " "), Ct);

        outcome.Succeeded.ShouldBeTrue();
        (await LastRowAsync(_office)).DocumentRef.ShouldBe(Letter);
        await AuditChainCheck.ShouldBeIntactAsync(_database.Factory, Ct);
    }

    [Fact]
    public async Task A_blank_letter_is_stored_as_none()
    {
        await new QuantityService(_database.Factory, _clock).ChangeAsync(SeededPlan.Admin, new ChangeQuantity(_planId, _office, 60, "Điều chỉnh", DocumentRef: "   "), Ct);

        (await LastRowAsync(_office)).DocumentRef.ShouldBeNull();
    }

    [Fact]
    public async Task Every_row_of_a_bulk_edit_carries_the_batch_letter()
    {
        var result = await new QuantityBatchService(_database.Factory, _clock).ApplyAsync(
            SeededPlan.Admin, new QuantityBatch(_planId, "Phân bổ cho thành phố", [new(_caoLanh, 200), new(_ward11, 20)], Letter), Ct);

        result.Applied.ShouldBeTrue();
        await using var db = await _database.Factory.CreateDbContextAsync(Ct);
        var rows = await db.AuditEntries.Where(a => a.ChangeSetId == result.ChangeSetId).ToListAsync(Ct);
        rows.Count.ShouldBe(2);
        rows.ShouldAllBe(r => r.DocumentRef == Letter);
    }

    [Fact]
    public async Task A_letter_of_201_characters_refuses_a_single_change_and_writes_nothing()
    {
        var outcome = await new QuantityService(_database.Factory, _clock).ChangeAsync(
            SeededPlan.Admin, new ChangeQuantity(_planId, _office, 60, "Điều chỉnh", DocumentRef: new string('x', 201)), Ct);

        outcome.Error.ShouldBe(AllocationError.DocumentRefTooLong(201, 200));
        (await SeededPlan.FiguresAsync(_database.Factory, _office)).Quantity.ShouldBe(65);
        (await LastRowAsync(_office)).Action.ShouldBe(AuditAction.Seeded);
    }

    [Fact]
    public async Task A_letter_of_exactly_200_characters_is_accepted()
    {
        var outcome = await new QuantityService(_database.Factory, _clock).ChangeAsync(
            SeededPlan.Admin, new ChangeQuantity(_planId, _office, 60, "Điều chỉnh", DocumentRef: new string('x', 200)), Ct);

        outcome.Succeeded.ShouldBeTrue();
        (await LastRowAsync(_office)).DocumentRef!.Length.ShouldBe(200);
    }

    [Fact]
    public async Task A_letter_too_long_refuses_a_bulk_edit_as_a_whole()
    {
        var result = await new QuantityBatchService(_database.Factory, _clock).ApplyAsync(
            SeededPlan.Admin, new QuantityBatch(_planId, "Phân bổ", [new(_caoLanh, 200)], new string('x', 250)), Ct);

        result.Applied.ShouldBeFalse();
        result.Error!.Code.ShouldBe(AllocationErrorCode.DocumentRefTooLong);
        (await SeededPlan.FiguresAsync(_database.Factory, _caoLanh)).Quantity.ShouldBe(0);
    }

    [Fact]
    public void The_refusal_says_how_long_a_letter_may_be_in_both_languages()
    {
        var error = AllocationError.DocumentRefTooLong(250, 200);

        Common.RefusalMessages.Describe(error, System.Globalization.CultureInfo.GetCultureInfo("vi-VN")).ShouldStartWith("Căn cứ văn bản không quá 200 ký tự (đã nhập 250)");
        Common.RefusalMessages.Describe(error, System.Globalization.CultureInfo.GetCultureInfo("en-US")).ShouldStartWith("The document reference has at most 200 characters (you entered 250)");
    }

    private async Task<AuditEntry> LastRowAsync(int unitId)
    {
        await using var db = await _database.Factory.CreateDbContextAsync(Ct);
        return await db.AuditEntries.Where(a => a.UnitId == unitId).OrderByDescending(a => a.Sequence).FirstAsync(Ct);
    }
}
