using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Identity;
using LicenseAllocation.Application.Plans;
using LicenseAllocation.Application.Requests;
using LicenseAllocation.Application.Tests.Plans;
using LicenseAllocation.Domain.Allocations;
using LicenseAllocation.Domain.Auditing;
using LicenseAllocation.Domain.Plans;
using LicenseAllocation.Domain.Requests;
using LicenseAllocation.Testing;
using Microsoft.EntityFrameworkCore;
using Shouldly;

namespace LicenseAllocation.Application.Tests.Requests;

/// <summary>The life of a request on a real database, the same scenarios on every provider (see the derived classes).</summary>
public abstract class RequestLifecycleTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    protected abstract Task<ProviderDatabase> CreateSeededDatabaseAsync();

    [Fact]
    public async Task A_partial_approval_posts_exactly_the_approved_number_under_one_change_set_naming_the_request()
    {
        await using var database = await CreateSeededDatabaseAsync();
        var scenario = await RequestScenario.CreateAsync(database);
        await scenario.FreeRoomAsync(10);
        var before = await scenario.LoadAsync();

        var request = await scenario.SubmitAsync(5);
        request.Status.ShouldBe(RequestStatus.Submitted);
        request.FiguresAtRequest.ShouldBe(new RequestFigures(before[scenario.Commune].Quantity, before[scenario.Commune].HandedOn, before[scenario.Commune].Quantity - before[scenario.Commune].HandedOn));
        request.CanWithdraw.ShouldBeTrue();

        var decided = await scenario.DecideAsync(request.Id, 3, "Huyện chỉ bổ sung 3 bản quyền đợt này");

        decided.Error.ShouldBeNull();
        var view = decided.Value!;
        (view.Status, view.Requested, view.Approved, view.Posted).ShouldBe((RequestStatus.PartiallyApproved, 5, 3, 3));
        view.DecidedBy.ShouldBe(scenario.Officer.UserName);
        var after = await scenario.LoadAsync();
        after[scenario.Commune].Quantity.ShouldBe(before[scenario.Commune].Quantity + 3);
        after[scenario.District].HandedOn.ShouldBe(before[scenario.District].HandedOn + 3);
        after[scenario.District].Quantity.ShouldBe(before[scenario.District].Quantity);
        var rows = after.Audit.Where(a => a.ChangeSetId == view.ChangeSetId).ToList();
        rows.Select(r => r.Action).ShouldBe([AuditAction.QuantityChanged, AuditAction.RequestDecided]);
        rows[0].UnitId.ShouldBe(scenario.Commune);
        (rows[0].OldValue, rows[0].NewValue).ShouldBe((before[scenario.Commune].Quantity, before[scenario.Commune].Quantity + 3));
        rows[0].Reason.ShouldContain($"đề nghị số {view.Id}");
        after.Replay()[scenario.Commune].Quantity.ShouldBe(after[scenario.Commune].Quantity);
        await AuditChainCheck.ShouldBeIntactAsync(database.Factory, Cancellation);
    }

    [Fact]
    public async Task A_full_approval_posts_the_requested_number_and_a_rejection_posts_nothing()
    {
        await using var database = await CreateSeededDatabaseAsync();
        var scenario = await RequestScenario.CreateAsync(database);
        await scenario.FreeRoomAsync(10);
        var before = await scenario.LoadAsync();
        var first = await scenario.SubmitAsync(4);
        var second = await scenario.SubmitAsync(2);

        (await scenario.DecideAsync(second.Id, 0)).Error!.Code.ShouldBe(AllocationErrorCode.CommentRequired);
        var approved = (await scenario.DecideAsync(first.Id, 4)).Value!;
        var rejected = (await scenario.DecideAsync(second.Id, 0, "Chưa có máy mới")).Value!;

        (approved.Status, approved.Approved, approved.Posted).ShouldBe((RequestStatus.Approved, 4, 4));
        (rejected.Status, rejected.Approved, rejected.Posted).ShouldBe((RequestStatus.Rejected, 0, 0));
        var after = await scenario.LoadAsync();
        after[scenario.Commune].Quantity.ShouldBe(before[scenario.Commune].Quantity + 4);
        after.Audit.Count(a => a.Action == AuditAction.QuantityChanged).ShouldBe(before.Audit.Count(a => a.Action == AuditAction.QuantityChanged) + 1);
    }

    [Fact]
    public async Task An_approval_beyond_the_districts_remaining_is_refused_with_the_numbers_and_changes_nothing()
    {
        await using var database = await CreateSeededDatabaseAsync();
        var scenario = await RequestScenario.CreateAsync(database);
        await scenario.FreeRoomAsync(2);
        var request = await scenario.SubmitAsync(5);
        var before = await scenario.LoadAsync();

        var refused = await scenario.DecideAsync(request.Id, 5);

        refused.Error.ShouldBe(AllocationError.ExceedsParent(before[scenario.Commune].Quantity + 5, before[scenario.Commune].Quantity + 2, 2));
        var after = await scenario.LoadAsync();
        after.Nodes.ShouldBe(before.Nodes);
        after.Audit.Count.ShouldBe(before.Audit.Count);
        (await scenario.Requests.GetAsync(scenario.Viewer, request.Id, Cancellation)).Value!.Status.ShouldBe(RequestStatus.Submitted);

        // The decider may then approve what fits.
        var partial = await scenario.DecideAsync(request.Id, 2, "Huyện chỉ còn 2 bản quyền");
        partial.Value!.Posted.ShouldBe(2);
    }

    [Fact]
    public async Task A_sibling_named_as_the_source_gives_the_licences_instead_of_the_parent_and_never_more_than_it_has_free()
    {
        await using var database = await CreateSeededDatabaseAsync();
        var scenario = await RequestScenario.CreateAsync(database);
        var before = await scenario.LoadAsync();
        var donor = before[scenario.Donor.UnitId];
        var small = before[scenario.Communes[1].UnitId];
        var asked = small.Quantity - small.HandedOn + 1;
        donor.Quantity.ShouldBeGreaterThanOrEqualTo(asked);
        var request = await scenario.SubmitAsync(asked);

        var tooMuch = await scenario.DecideAsync(request.Id, asked, null, small.UnitId);
        var notASibling = await scenario.DecideAsync(request.Id, asked, null, scenario.District);
        var moved = await scenario.DecideAsync(request.Id, asked, null, donor.UnitId);

        tooMuch.Error.ShouldBe(AllocationError.SourceHasNoRoom(asked, asked - 1));
        notASibling.Error!.Code.ShouldBe(AllocationErrorCode.InvalidSource);
        moved.Error.ShouldBeNull();
        moved.Value!.SourceUnitId.ShouldBe(donor.UnitId);
        var after = await scenario.LoadAsync();
        after[scenario.Commune].Quantity.ShouldBe(before[scenario.Commune].Quantity + asked);
        after[donor.UnitId].Quantity.ShouldBe(donor.Quantity - asked);
        after[scenario.District].ShouldBe(before[scenario.District]);
        var rows = after.Audit.Where(a => a.ChangeSetId == moved.Value.ChangeSetId && a.Action == AuditAction.QuantityChanged).ToList();
        rows.Select(r => r.UnitId).ShouldBe([donor.UnitId, scenario.Commune]);
        rows.ShouldAllBe(r => r.Reason.Contains($"chuyển {asked} bản quyền từ"));
        after.Tree().FindViolations().ShouldBeEmpty();
    }

    [Fact]
    public async Task Only_the_units_deciders_decide_and_only_its_officers_ask()
    {
        await using var database = await CreateSeededDatabaseAsync();
        var scenario = await RequestScenario.CreateAsync(database);
        var request = await scenario.SubmitAsync(5);
        var otherDistrict = await SeededPlan.UnitIdByCodeAsync(database.Factory, "867");
        var otherOfficer = new Caller("can-bo-sa-dec", PortalRole.DistrictOfficer, otherDistrict);

        var byAdmin = (await scenario.DecideAsync(request.Id, 0, "không", caller: SeededPlan.Admin)).Error!;
        byAdmin.Code.ShouldBe(AllocationErrorCode.DecidedByDistrict);
        byAdmin.Subject.ShouldBe("Thành phố Cao Lãnh");
        (await scenario.DecideAsync(request.Id, 0, "không", caller: otherOfficer)).Error!.Code.ShouldBe(AllocationErrorCode.OutOfScope);
        (await scenario.DecideAsync(request.Id, 0, "không", caller: scenario.Viewer)).Error!.Code.ShouldBe(AllocationErrorCode.Forbidden);
        (await scenario.DecideAsync(request.Id, 0, "không", caller: new Caller("kiem-toan", PortalRole.Auditor))).Error!.Code.ShouldBe(AllocationErrorCode.Forbidden);
        var outside = await scenario.Requests.SubmitAsync(otherOfficer, new SubmitRequest(scenario.PlanId, scenario.Commune, 2, "ngoài phạm vi"), Cancellation);
        outside.Error!.Code.ShouldBe(AllocationErrorCode.OutOfScope);
        (await scenario.Requests.SubmitAsync(SeededPlan.Admin, new SubmitRequest(scenario.PlanId, scenario.Commune, 2, "quản trị"), Cancellation)).Error!.Code.ShouldBe(AllocationErrorCode.Forbidden);

        // The district's own request goes to the province, which allocates to districts.
        var districtRequest = await scenario.SubmitAsync(3, scenario.District, scenario.Officer);
        districtRequest.CanDecide.ShouldBeFalse();
        (await scenario.DecideAsync(districtRequest.Id, 0, "không", caller: scenario.Officer)).Error!.Code.ShouldBe(AllocationErrorCode.OutOfScope);
        (await scenario.DecideAsync(districtRequest.Id, 0, "Tỉnh chưa có bản quyền dự phòng", caller: SeededPlan.Admin)).Value!.Status.ShouldBe(RequestStatus.Rejected);

        // Lists hold only what the caller may see; "to decide" only what the caller decides.
        (await scenario.Requests.ListAsync(otherOfficer, scenario.PlanId, new RequestFilter(), 1, Cancellation)).Value!.Total.ShouldBe(0);
        var toDecide = (await scenario.Requests.ListAsync(scenario.Officer, scenario.PlanId, new RequestFilter(ToDecide: true), 1, Cancellation)).Value!;
        toDecide.Items.Select(i => i.Id).ShouldBe([request.Id]);
        var mine = (await scenario.Requests.ListAsync(scenario.Viewer, scenario.PlanId, new RequestFilter(Mine: true), 1, Cancellation)).Value!;
        mine.Items.Select(i => i.Id).ShouldBe([request.Id]);
        (await scenario.Requests.ListAsync(SeededPlan.Admin, scenario.PlanId, new RequestFilter(Status: RequestStatus.Rejected), 1, Cancellation)).Value!.Items.Select(i => i.Id).ShouldBe([districtRequest.Id]);
    }

    [Fact]
    public async Task A_decision_is_made_once_and_a_withdrawal_only_by_the_requester_before_it()
    {
        await using var database = await CreateSeededDatabaseAsync();
        var scenario = await RequestScenario.CreateAsync(database);
        var decided = await scenario.SubmitAsync(5);
        var withdrawn = await scenario.SubmitAsync(1);

        (await scenario.DecideAsync(decided.Id, 0, "Chưa có máy")).Succeeded.ShouldBeTrue();
        (await scenario.DecideAsync(decided.Id, 0, "Lần nữa")).Error!.Code.ShouldBe(AllocationErrorCode.AlreadyDecided);
        (await scenario.Requests.WithdrawAsync(scenario.Viewer, decided.Id, Cancellation)).Error!.Code.ShouldBe(AllocationErrorCode.AlreadyDecided);
        (await scenario.Requests.WithdrawAsync(scenario.Officer, withdrawn.Id, Cancellation)).Error!.Code.ShouldBe(AllocationErrorCode.Forbidden);
        (await scenario.Requests.WithdrawAsync(scenario.Viewer, withdrawn.Id, Cancellation)).Value!.Status.ShouldBe(RequestStatus.Withdrawn);
        (await scenario.DecideAsync(withdrawn.Id, 1)).Error!.Code.ShouldBe(AllocationErrorCode.AlreadyDecided);
    }

    [Fact]
    public async Task After_the_letter_is_published_the_district_still_decides_its_communes_requests()
    {
        await using var database = await CreateSeededDatabaseAsync();
        var scenario = await RequestScenario.CreateAsync(database);
        await scenario.FreeRoomAsync(5);
        var request = await scenario.SubmitAsync(5);
        await PlanSteps.PublishAsync(database.Factory, scenario.PlanId);

        var decided = await scenario.DecideAsync(request.Id, 5);

        decided.Error.ShouldBeNull("the letter fixes the provincial rows and the districts' group, not how a district splits its share");
        (await scenario.LoadAsync())[scenario.Commune].Quantity.ShouldBe(scenario.Seed[scenario.Commune].Quantity + 5);
    }

    [Fact]
    public async Task Once_the_districts_decision_is_published_an_approval_for_its_commune_is_refused_and_changes_nothing()
    {
        await using var database = await CreateSeededDatabaseAsync();
        var scenario = await RequestScenario.CreateAsync(database);
        await scenario.FreeRoomAsync(5);
        var request = await scenario.SubmitAsync(5);
        await PlanSteps.PublishAsync(database.Factory, scenario.PlanId);
        var group = (await scenario.LoadAsync())[scenario.District].ParentUnitId!.Value;
        await PlanSteps.PublishDecisionAsync(database.Factory, scenario.PlanId, group);
        await PlanSteps.PublishDecisionAsync(database.Factory, scenario.PlanId, scenario.District);
        var before = await scenario.LoadAsync();

        var refused = await scenario.DecideAsync(request.Id, 5);

        refused.Error!.Code.ShouldBe(AllocationErrorCode.DecisionLocked);
        (await scenario.LoadAsync())[scenario.Commune].Quantity.ShouldBe(before[scenario.Commune].Quantity);
        (await scenario.Requests.GetAsync(scenario.Officer, request.Id, Cancellation)).Value!.Status.ShouldBe(RequestStatus.Submitted, "it waits for an amendment of the district's decision");
        (await scenario.DecideAsync(request.Id, 0, "Không bổ sung trong năm nay")).Error.ShouldBeNull("a refusal changes no figure the decision fixes");
    }

    [Fact]
    public async Task A_superseded_plan_takes_no_decision()
    {
        await using var database = await CreateSeededDatabaseAsync();
        var scenario = await RequestScenario.CreateAsync(database);
        var request = await scenario.SubmitAsync(5);
        await using (var db = await database.Factory.CreateDbContextAsync(Cancellation))
        {
            await db.Plans.Where(p => p.Id == scenario.PlanId).ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, PlanStatus.Superseded), Cancellation);
        }

        (await scenario.DecideAsync(request.Id, 5)).Error!.Code.ShouldBe(AllocationErrorCode.PlanLocked);
        (await scenario.DecideAsync(request.Id, 0, "không")).Error!.Code.ShouldBe(AllocationErrorCode.PlanLocked);
        (await scenario.Requests.GetAsync(scenario.Officer, request.Id, Cancellation)).Value!.Status.ShouldBe(RequestStatus.Submitted);
    }

    [Fact]
    public async Task A_request_waiting_on_a_published_plan_moves_to_its_amendment_and_is_decided_there()
    {
        await using var database = await CreateSeededDatabaseAsync();
        var scenario = await RequestScenario.CreateAsync(database);
        await scenario.FreeRoomAsync(10);
        var waiting = await scenario.SubmitAsync(5);
        var withdrawn = await scenario.SubmitAsync(2);
        (await scenario.Requests.WithdrawAsync(scenario.Viewer, withdrawn.Id, Cancellation)).Error.ShouldBeNull();
        await PublishAsync(database, scenario.PlanId);

        var amendment = (await new PlanVersions(database.Factory, TimeProvider.System).CreateAmendmentAsync(SeededPlan.Admin, scenario.PlanId, Cancellation)).Value!;

        (await scenario.Requests.GetAsync(scenario.Officer, waiting.Id, Cancellation)).Value!.PlanId.ShouldBe(amendment.Id);
        (await scenario.Requests.GetAsync(scenario.Officer, withdrawn.Id, Cancellation)).Value!.PlanId.ShouldBe(scenario.PlanId, "a closed request stays where it was decided");
        await using (var db = await database.Factory.CreateDbContextAsync(Cancellation))
        {
            var created = await db.AuditEntries.SingleAsync(e => e.PlanId == amendment.Id && e.Action == AuditAction.PlanCreated, Cancellation);
            created.Reason.ShouldContain($"chuyển 1 yêu cầu đang chờ quyết định sang phiên bản này (#{waiting.Id})");
        }

        var decided = await scenario.DecideAsync(waiting.Id, 3, "Bổ sung 3 trong bản điều chỉnh");
        decided.Error.ShouldBeNull();
        (decided.Value!.PlanId, decided.Value.Posted).ShouldBe((amendment.Id, 3));
        var figures = await StoredPlan.LoadAsync(database.Factory, amendment.Id, Cancellation);
        figures[scenario.Commune].Quantity.ShouldBe(scenario.Seed[scenario.Commune].Quantity + 3);
    }

    [Fact]
    public async Task A_request_made_to_a_plan_under_amendment_is_filed_in_the_amendment()
    {
        await using var database = await CreateSeededDatabaseAsync();
        var scenario = await RequestScenario.CreateAsync(database);
        await PublishAsync(database, scenario.PlanId);
        var amendment = (await new PlanVersions(database.Factory, TimeProvider.System).CreateAmendmentAsync(SeededPlan.Admin, scenario.PlanId, Cancellation)).Value!;

        var request = await scenario.SubmitAsync(4);

        request.PlanId.ShouldBe(amendment.Id);
        (await scenario.Requests.ListAsync(scenario.Officer, amendment.Id, new RequestFilter(), 1, Cancellation)).Value!.Items.ShouldContain(r => r.Id == request.Id);
        (await scenario.Requests.ListAsync(scenario.Officer, scenario.PlanId, new RequestFilter(), 1, Cancellation)).Value!.Items.ShouldBeEmpty();
    }

    private static async Task PublishAsync(ProviderDatabase database, int planId)
    {
        await using var db = await database.Factory.CreateDbContextAsync(Cancellation);
        await db.Plans.Where(p => p.Id == planId).ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, PlanStatus.Published), Cancellation);
    }
}

public sealed class SqliteRequestLifecycleTests : RequestLifecycleTests
{
    protected override Task<ProviderDatabase> CreateSeededDatabaseAsync() => ProviderDatabase.SqliteSeededAsync();
}

public sealed class PostgresRequestLifecycleTests(PostgresCluster cluster) : RequestLifecycleTests
{
    protected override Task<ProviderDatabase> CreateSeededDatabaseAsync() => ProviderDatabase.PostgresSeededAsync(cluster);
}
