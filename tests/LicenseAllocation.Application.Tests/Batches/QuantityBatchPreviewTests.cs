using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Allocations.Batches;
using LicenseAllocation.Application.Identity;
using LicenseAllocation.Domain.Allocations;
using LicenseAllocation.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Shouldly;

namespace LicenseAllocation.Application.Tests.Batches;

/// <summary>The dry run of a batch: the same verdict as applying it, old → new of what would change, and nothing written.</summary>
public sealed class QuantityBatchPreviewTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2021, 2, 1, 9, 0, 0, TimeSpan.Zero));
    private SqliteTestDatabase _database = default!;
    private QuantityBatchService _service = default!;
    private int _planId;
    private int _officeOfTheCommittee;
    private int _officeOfTheCouncil;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _database = await SqliteTestDatabase.CreateAsync(clock: _clock);
        _service = new QuantityBatchService(_database.Factory, _clock);
        _planId = await SeededPlan.PlanIdAsync(_database.Factory);
        _officeOfTheCommittee = await SeededPlan.UnitIdAsync(_database.Factory, "VP. UBND tỉnh"); // 65
        _officeOfTheCouncil = await SeededPlan.UnitIdAsync(_database.Factory, "VP. HĐND tỉnh"); // 24
    }

    public async ValueTask DisposeAsync() => await _database.DisposeAsync();

    private QuantityBatch Batch(params (int UnitId, int Quantity)[] items) =>
        new(_planId, null, [.. items.Select(i => new QuantityBatchItem(i.UnitId, i.Quantity))]);

    private async Task<(List<(int, int, int)> Nodes, int Audit)> StateAsync()
    {
        await using var db = await _database.Factory.CreateDbContextAsync(Ct);
        var nodes = await db.Nodes.OrderBy(n => n.Id).Select(n => new { n.UnitId, n.Quantity, n.Version }).ToListAsync(Ct);
        return ([.. nodes.Select(n => (n.UnitId, n.Quantity, n.Version))], await db.AuditEntries.CountAsync(Ct));
    }

    [Fact]
    public async Task A_valid_batch_is_previewed_with_old_and_new_and_nothing_is_written()
    {
        var before = await StateAsync();

        var result = await _service.PreviewAsync(SeededPlan.Admin, Batch((_officeOfTheCouncil, 29), (_officeOfTheCommittee, 60)), Ct);

        result.IsAcceptable.ShouldBeTrue();
        result.Applied.ShouldBeFalse();
        result.ChangeSetId.ShouldBeNull();
        result.Changes.ShouldBe([new QuantityBatchChange(_officeOfTheCouncil, 24, 29), new QuantityBatchChange(_officeOfTheCommittee, 65, 60)]);
        var after = await StateAsync();
        after.Nodes.ShouldBe(before.Nodes);
        after.Audit.ShouldBe(before.Audit);
    }

    [Fact]
    public async Task The_preview_refuses_what_applying_would_refuse_with_the_same_numbers()
    {
        var batch = Batch((_officeOfTheCouncil, 30));

        var preview = await _service.PreviewAsync(SeededPlan.Admin, batch, Ct);
        var applied = await _service.ApplyAsync(SeededPlan.Admin, batch with { Reason = "Tăng" }, Ct);

        preview.IsAcceptable.ShouldBeFalse();
        preview.Refused.ShouldBe([new BatchRefusal(_officeOfTheCouncil, AllocationError.ExceedsParent(30, 24, 0))]);
        preview.Refused.ShouldBe(applied.Refused);
        preview.Changes.ShouldBe([new QuantityBatchChange(_officeOfTheCouncil, 24, 30)]);
    }

    [Fact]
    public async Task A_preview_needs_no_reason_but_may_still_not_be_asked_by_a_reader()
    {
        (await _service.PreviewAsync(SeededPlan.Admin, Batch((_officeOfTheCommittee, 60)), Ct)).Error.ShouldBeNull();
        (await _service.PreviewAsync(new Caller("xem", PortalRole.UnitViewer, _officeOfTheCommittee), Batch((_officeOfTheCommittee, 60)), Ct))
            .Error.ShouldBe(AllocationError.Forbidden());
    }

    [Fact]
    public async Task An_applied_batch_reports_old_and_new_of_what_it_wrote()
    {
        var result = await _service.ApplyAsync(SeededPlan.Admin, Batch((_officeOfTheCommittee, 60)) with { Reason = "Giảm" }, Ct);

        result.Applied.ShouldBeTrue();
        result.Changes.ShouldBe([new QuantityBatchChange(_officeOfTheCommittee, 65, 60)]);
        (await SeededPlan.FiguresAsync(_database.Factory, _officeOfTheCommittee)).Quantity.ShouldBe(60);
    }
}
