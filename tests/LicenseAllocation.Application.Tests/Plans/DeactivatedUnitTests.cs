using LicenseAllocation.Application.Allocations;
using LicenseAllocation.Application.Appendix;
using LicenseAllocation.Application.Common;
using LicenseAllocation.Application.Plans;
using LicenseAllocation.Application.Units;
using LicenseAllocation.Domain.Allocations;
using LicenseAllocation.Domain.Plans;
using LicenseAllocation.Testing;
using Microsoft.EntityFrameworkCore;
using Shouldly;

namespace LicenseAllocation.Application.Tests.Plans;

/// <summary>
/// A deactivated unit holds nothing in any plan that is not history, and no new version carries licences for it, so
/// an appendix (which lists active units only) always totals what its plan allocates — and is refused otherwise.
/// </summary>
public sealed class DeactivatedUnitTests : IAsyncLifetime
{
    private const int OfficeQuantity = 65;
    private SqliteTestDatabase _database = default!;
    private int _planId;
    private int _office;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _database = await SqliteTestDatabase.CreateAsync();
        _planId = await SeededPlan.PlanIdAsync(_database.Factory);
        _office = await SeededPlan.UnitIdAsync(_database.Factory, "VP. UBND tỉnh");
    }

    public async ValueTask DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task A_unit_the_plan_in_force_still_gives_licences_cannot_be_deactivated_in_its_amendment_and_the_refusal_names_that_plan()
    {
        await PlanSteps.PublishAsync(_database.Factory, _planId);
        var amendment = await PlanSteps.AmendAsync(_database.Factory, _planId);
        (await Quantities.ChangeAsync(SeededPlan.Admin, new ChangeQuantity(amendment.Id, _office, 0, "Đơn vị giải thể"), Ct)).Error.ShouldBeNull();

        var refused = await Units.UpdateUnitAsync(SeededPlan.Admin, amendment.Id, _office, active: false, cancellationToken: Ct);

        refused.Error.ShouldNotBeNull().Code.ShouldBe(AllocationErrorCode.UnitHeldInOtherPlan);
        refused.Error.Code.ApiCode().ShouldBe("unit-held-in-other-plan");
        refused.Error.Limit.ShouldBe(OfficeQuantity);
        RefusalMessages.Describe(refused.Error, System.Globalization.CultureInfo.GetCultureInfo("vi-VN"))
            .ShouldContain($"phiên bản 1 (kế hoạch #{_planId}) vẫn phân bổ cho đơn vị 65 bản quyền");

        // Once the amendment that gives the unit nothing is in force, the next version may deactivate it.
        await PlanSteps.PublishAsync(_database.Factory, amendment.Id, "13/STTTT-CNTT");
        var next = await PlanSteps.AmendAsync(_database.Factory, amendment.Id);
        (await Units.UpdateUnitAsync(SeededPlan.Admin, next.Id, _office, active: false, cancellationToken: Ct)).Error.ShouldBeNull();
    }

    [Fact]
    public async Task An_amendment_leaves_out_a_deactivated_unit_that_still_held_licences_and_its_appendix_totals_the_plan()
    {
        await PlanSteps.PublishAsync(_database.Factory, _planId);
        await DeactivateBehindTheRulesAsync();

        var amendment = await PlanSteps.AmendAsync(_database.Factory, _planId);

        await ShouldBeCarriedWithoutTheOfficeAsync(amendment);
    }

    [Fact]
    public async Task A_copy_leaves_out_a_deactivated_unit_that_still_held_licences_and_its_appendix_totals_the_plan()
    {
        await DeactivateBehindTheRulesAsync();

        var copy = await new PlanVersions(_database.Factory, TimeProvider.System).CopyAsync(SeededPlan.Admin, new CopyPlan(_planId, "Kế hoạch năm 2026", 2026), Ct);

        copy.Error.ShouldBeNull();
        await ShouldBeCarriedWithoutTheOfficeAsync(copy.Value!);
    }

    [Fact]
    public async Task Publishing_refuses_an_appendix_that_does_not_total_what_the_plan_allocates()
    {
        await DeactivateBehindTheRulesAsync();

        var refused = await new PlanPublication(_database.Factory, TimeProvider.System)
            .PublishAsync(SeededPlan.Admin, new PublishPlan(_planId, "12/STTTT-CNTT", PlanSteps.LetterDate, PlanSteps.Signer), Ct);

        refused.Error.ShouldBe(AllocationError.AppendixMismatch(SeedFacts.Total - OfficeQuantity, SeedFacts.Total));
        refused.Error!.Code.ApiCode().ShouldBe("appendix-mismatch");
        await using var db = await _database.Factory.CreateDbContextAsync(Ct);
        (await db.Plans.Where(p => p.Id == _planId).Select(p => p.Status).SingleAsync(Ct)).ShouldBe(PlanStatus.Draft);
        (await db.PublishedAppendices.AnyAsync(Ct)).ShouldBeFalse();
    }

    private QuantityService Quantities => new(_database.Factory, TimeProvider.System);

    private UnitAdministration Units => new(_database.Factory, TimeProvider.System);

    /// <summary>What the portal allowed before deactivation looked at every plan: a unit deactivated while a plan still gives it licences.</summary>
    private async Task DeactivateBehindTheRulesAsync()
    {
        await using var db = await _database.Factory.CreateDbContextAsync(Ct);
        (await db.Units.Where(u => u.Id == _office).ExecuteUpdateAsync(s => s.SetProperty(u => u.IsActive, false), Ct)).ShouldBe(1);
    }

    private async Task ShouldBeCarriedWithoutTheOfficeAsync(PlanSummary created)
    {
        (created.TotalLicenses, created.Allocated).ShouldBe((SeedFacts.Total, SeedFacts.Total - OfficeQuantity), "the office's licences went back to the province");
        var stored = await StoredPlan.LoadAsync(_database.Factory, created.Id, Ct);
        stored.Nodes.ShouldNotContain(n => n.UnitId == _office);
        var appendix = await new AppendixQuery(_database.Factory).GetAsync(SeededPlan.Admin, created.Id, Ct);
        appendix.Value.ShouldNotBeNull().Total.ShouldBe(created.Allocated);
        var replayed = stored.Replay();
        foreach (var node in stored.Nodes)
        {
            (replayed[node.UnitId].Quantity, replayed[node.UnitId].HandedOn).ShouldBe((node.Quantity, node.HandedOn), $"unit {node.UnitId}");
        }

        await AuditChainCheck.ShouldBeIntactAsync(_database.Factory, Ct);
    }
}
