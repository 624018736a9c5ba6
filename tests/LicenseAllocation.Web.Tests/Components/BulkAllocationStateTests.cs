using LicenseAllocation.Application.Allocations;
using LicenseAllocation.Application.Districts;
using LicenseAllocation.Domain.Units;
using LicenseAllocation.Web.Components.Districts;
using Shouldly;

namespace LicenseAllocation.Web.Tests.Components;

/// <summary>The drafts of a bulk allocation and the running figures shown while they are typed.</summary>
public sealed class BulkAllocationStateTests
{
    private const int District = 10;

    // A district given 300 that has handed 100 on: 60 to an agency, 40 to a commune, nothing yet to a second commune.
    private static readonly DistrictWorkspace Workspace = new(
        Node(District, null, 300, handedOn: 100),
        [
            Row(Node(11, District, 60, handedOn: 20), depth: 1, childCount: 1),
            Row(Node(111, 11, 20), depth: 2),
            Row(Node(12, District, 40), depth: 1),
            Row(Node(13, District, 0), depth: 1),
            Row(Node(14, District, 0, active: false), depth: 1),
        ]);

    [Fact]
    public void The_running_figures_start_from_the_services_and_add_only_what_the_drafts_change()
    {
        var state = new BulkAllocationState(Workspace);
        state.RemainingAfterSaving.ShouldBe(200);

        state.SetDraft(12, 90);
        state.SetDraft(13, "50");
        // A unit below an agency takes from the agency, not from the district.
        state.SetDraft(111, 60);

        state.HandedOnAfterSaving.ShouldBe(200);
        state.RemainingAfterSaving.ShouldBe(100);
        state.IsOverQuota.ShouldBeFalse();
    }

    [Fact]
    public void Drafts_beyond_the_quota_say_by_how_much()
    {
        var state = new BulkAllocationState(Workspace);

        state.SetDraft(12, 200);
        state.SetDraft(13, 90);

        state.IsOverQuota.ShouldBeTrue();
        (state.Excess, state.HandedOnAfterSaving, state.Quota).ShouldBe((50, 350, 300));
        state.RemainingAfterSaving.ShouldBe(-50);
    }

    [Fact]
    public void The_card_the_chips_and_the_subtree_figures_follow_the_drafts()
    {
        var state = new BulkAllocationState(Workspace);
        var commune = Workspace.Units.Single(u => u.Node.UnitId == 13);
        var agency = Workspace.Units.Single(u => u.Node.UnitId == 11);

        state.SetDraft(13, 200);
        state.SetDraft(11, 20);

        (state.Preview.Quantity, state.Preview.HandedOn, state.Preview.Remaining).ShouldBe((300, 260, 40));
        state.Status.ShouldBe(AllocationStatus.PartlyAllocated);
        state.StatusOf(commune).ShouldBe(AllocationStatus.FullyAllocated);
        state.SubtreeOf(commune).ShouldBe(200);
        // An agency with units of its own keeps its subtree figure and is judged by what it has handed on: 20 of 20.
        state.SubtreeOf(agency).ShouldBe(60);
        state.StatusOf(agency).ShouldBe(AllocationStatus.FullyAllocated);
        state.SetDraft(13, 240);
        state.Status.ShouldBe(AllocationStatus.FullyAllocated);
    }

    [Fact]
    public void A_cleared_input_stays_empty_and_counts_as_0()
    {
        var state = new BulkAllocationState(Workspace);

        state.SetDraft(12, " ");

        state.DraftText(12).ShouldBeEmpty();
        state.DraftOf(12).ShouldBe(0);
        state.RemainingAfterSaving.ShouldBe(240);
        state.SetDraft(12, "7");
        state.DraftText(12).ShouldBe("7");
    }

    [Fact]
    public void Only_changed_figures_of_active_units_are_sent()
    {
        var state = new BulkAllocationState(Workspace) { Reason = "Đợt 1", DocumentRef = "12/UBND" };
        state.SetDraft(12, 40);
        state.SetDraft(13, 25);
        state.SetDraft(14, 5);

        var batch = state.ToBatch(planId: 3);

        batch.Items.ShouldBe([new(13, 25)]);
        (batch.PlanId, batch.Reason, batch.DocumentRef).ShouldBe((3, "Đợt 1", "12/UBND"));
        state.IsEditable(14).ShouldBeFalse();
    }

    private static UnitNodeView Node(int id, int? parent, int quantity, int handedOn = 0, bool active = true) =>
        new(id, parent, null, $"Đơn vị {id}", parent is null ? UnitKind.DistrictCommittee : UnitKind.CommuneCommittee, id, active, quantity, handedOn, 1);

    private static WorkspaceRow Row(UnitNodeView node, int depth, int childCount = 0) => new(node, depth, childCount, node.Quantity);
}
