using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Identity;
using LicenseAllocation.Application.Tests.Plans;
using LicenseAllocation.Application.Tests.Requests;
using LicenseAllocation.Application.Transfers;
using LicenseAllocation.Domain.Allocations;
using LicenseAllocation.Domain.Auditing;
using LicenseAllocation.Testing;
using Shouldly;

namespace LicenseAllocation.Application.Tests.Transfers;

/// <summary>Giving back and moving on a real database, the same scenarios on every provider.</summary>
public abstract class TransferTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    protected abstract Task<ProviderDatabase> CreateSeededDatabaseAsync();

    [Fact]
    public async Task A_move_between_communes_is_one_change_set_of_two_rows_naming_each_other()
    {
        await using var database = await CreateSeededDatabaseAsync();
        var scenario = await RequestScenario.CreateAsync(database);
        var service = new TransferService(database.Factory, TimeProvider.System);
        var before = await scenario.LoadAsync();

        var moved = await service.MoveAsync(scenario.Officer, new MoveLicences(scenario.PlanId, scenario.Donor.UnitId, scenario.Commune, 5, "Phường 11 có máy mới"), Cancellation);
        var tooMuch = await service.MoveAsync(scenario.Officer, new MoveLicences(scenario.PlanId, scenario.Commune, scenario.Donor.UnitId, 6, "Trả bớt"), Cancellation);
        var outside = await service.MoveAsync(new Caller("xem", PortalRole.UnitViewer, scenario.Commune), new MoveLicences(scenario.PlanId, scenario.Commune, scenario.Donor.UnitId, 1, "x"), Cancellation);

        moved.Error.ShouldBeNull();
        (moved.Value!.From.Quantity, moved.Value.To.Quantity).ShouldBe((scenario.Donor.Quantity - 5, before[scenario.Commune].Quantity + 5));
        tooMuch.Error.ShouldBe(AllocationError.SourceHasNoRoom(6, before[scenario.Commune].Quantity + 5));
        outside.Error!.Code.ShouldBe(AllocationErrorCode.Forbidden);
        var after = await scenario.LoadAsync();
        var rows = after.Audit.Where(a => a.ChangeSetId == moved.Value.ChangeSetId).ToList();
        rows.Select(r => r.UnitId).ShouldBe([scenario.Donor.UnitId, scenario.Commune]);
        rows.ShouldAllBe(r => r.Action == AuditAction.QuantityChanged && r.Reason.StartsWith("Chuyển 5 bản quyền từ ", StringComparison.Ordinal) && r.Reason.Contains(" sang "));
        after[scenario.District].ShouldBe(before[scenario.District]);
    }

    [Fact]
    public async Task A_move_across_districts_adjusts_the_path_through_the_group_and_only_the_province_may_make_it()
    {
        await using var database = await CreateSeededDatabaseAsync();
        var scenario = await RequestScenario.CreateAsync(database);
        var service = new TransferService(database.Factory, TimeProvider.System);
        var otherDistrict = await SeededPlan.UnitIdByCodeAsync(database.Factory, "867");
        var before = await scenario.LoadAsync();
        var target = before.Nodes.First(n => n.ParentUnitId == otherDistrict).UnitId;
        var command = new MoveLicences(scenario.PlanId, scenario.Donor.UnitId, target, 7, "Điều chuyển giữa hai huyện");

        (await service.MoveAsync(scenario.Officer, command, Cancellation)).Error!.Code.ShouldBe(AllocationErrorCode.OutOfScope);
        var moved = await service.MoveAsync(SeededPlan.Admin, command, Cancellation);

        moved.Error.ShouldBeNull();
        var after = await scenario.LoadAsync();
        after[scenario.Donor.UnitId].Quantity.ShouldBe(before[scenario.Donor.UnitId].Quantity - 7);
        after[scenario.District].Quantity.ShouldBe(before[scenario.District].Quantity - 7);
        after[otherDistrict].Quantity.ShouldBe(before[otherDistrict].Quantity + 7);
        after[target].Quantity.ShouldBe(before[target].Quantity + 7);
        var group = before[scenario.District].ParentUnitId!.Value;
        after[group].ShouldBe(before[group]);
        after.Tree().FindViolations().ShouldBeEmpty();
        after.Audit.Count(a => a.ChangeSetId == moved.Value!.ChangeSetId).ShouldBe(4);
    }

    [Fact]
    public async Task A_unit_gives_back_what_it_does_not_need_but_never_below_what_it_has_handed_on()
    {
        await using var database = await CreateSeededDatabaseAsync();
        var scenario = await RequestScenario.CreateAsync(database);
        var service = new TransferService(database.Factory, TimeProvider.System);
        var donorViewer = new Caller("xem-phuong", PortalRole.UnitViewer, scenario.Donor.UnitId);

        var returned = await service.ReturnAsync(donorViewer, new ReturnLicences(scenario.PlanId, scenario.Donor.UnitId, 10, "Thừa 10 bản quyền"), Cancellation);
        var districtBack = await service.ReturnAsync(scenario.Officer, new ReturnLicences(scenario.PlanId, scenario.District, 45, "Huyện trả lại"), Cancellation);
        var notMine = await service.ReturnAsync(donorViewer, new ReturnLicences(scenario.PlanId, scenario.Commune, 1, "Không phải của tôi"), Cancellation);

        returned.Value!.Quantity.ShouldBe(RequestScenario.Held - 10);
        districtBack.Error.ShouldBe(AllocationError.BelowHandedOn(RequestScenario.Held - 45, RequestScenario.Held - 10));
        notMine.Error!.Code.ShouldBe(AllocationErrorCode.OutOfScope);
        var after = await scenario.LoadAsync();
        after[scenario.District].HandedOn.ShouldBe(RequestScenario.Held - 10);
        after.Audit.Last(a => a.Action == AuditAction.QuantityChanged).Reason.ShouldContain("trả lại 10 bản quyền cho");
    }

    [Fact]
    public async Task After_the_letter_the_district_moves_and_takes_back_inside_its_share_until_its_own_decision_is_published()
    {
        await using var database = await CreateSeededDatabaseAsync();
        var scenario = await RequestScenario.CreateAsync(database);
        var service = new TransferService(database.Factory, TimeProvider.System);
        await PlanSteps.PublishAsync(database.Factory, scenario.PlanId);

        (await service.MoveAsync(scenario.Officer, new MoveLicences(scenario.PlanId, scenario.Donor.UnitId, scenario.Commune, 5, "Phường có máy mới"), Cancellation))
            .Error.ShouldBeNull("the letter does not fix how the district splits its share");
        (await service.ReturnAsync(scenario.Officer, new ReturnLicences(scenario.PlanId, scenario.Donor.UnitId, 5, "Thừa 5 bản quyền"), Cancellation)).Error.ShouldBeNull();
        var group = (await scenario.LoadAsync())[scenario.District].ParentUnitId!.Value;
        await PlanSteps.PublishDecisionAsync(database.Factory, scenario.PlanId, group);
        (await service.ReturnAsync(scenario.Officer, new ReturnLicences(scenario.PlanId, scenario.District, 5, "Huyện trả lại"), Cancellation))
            .Error!.Code.ShouldBe(AllocationErrorCode.DecisionLocked, "the detailed allocation fixes the district's share");
        await PlanSteps.PublishDecisionAsync(database.Factory, scenario.PlanId, scenario.District);
        var before = await scenario.LoadAsync();

        (await service.MoveAsync(scenario.Officer, new MoveLicences(scenario.PlanId, scenario.Commune, scenario.Donor.UnitId, 1, "Trả về"), Cancellation))
            .Error!.Code.ShouldBe(AllocationErrorCode.DecisionLocked);
        (await service.ReturnAsync(scenario.Officer, new ReturnLicences(scenario.PlanId, scenario.Commune, 1, "Thừa"), Cancellation))
            .Error!.Code.ShouldBe(AllocationErrorCode.DecisionLocked);
        var after = await scenario.LoadAsync();
        (after[scenario.Commune].Quantity, after[scenario.Donor.UnitId].Quantity).ShouldBe((before[scenario.Commune].Quantity, before[scenario.Donor.UnitId].Quantity));
    }
}

public sealed class SqliteTransferTests : TransferTests
{
    protected override Task<ProviderDatabase> CreateSeededDatabaseAsync() => ProviderDatabase.SqliteSeededAsync();
}

public sealed class PostgresTransferTests(PostgresCluster cluster) : TransferTests
{
    protected override Task<ProviderDatabase> CreateSeededDatabaseAsync() => ProviderDatabase.PostgresSeededAsync(cluster);
}
