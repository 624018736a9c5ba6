using LicenseAllocation.Domain.Allocations;
using LicenseAllocation.Domain.Requests;
using Shouldly;

namespace LicenseAllocation.Domain.Tests.Requests;

public sealed class LicenceRequestTests
{
    private static readonly DateTime At = new(2021, 3, 1, 8, 0, 0, DateTimeKind.Utc);

    private static LicenceRequest Asked(int quantity = 5) =>
        LicenceRequest.Submit(1, 10, quantity, "  Xã có thêm 5 máy tính  ", "can-bo-xa", At, new NodeFigures(12, 4));

    [Fact]
    public void A_new_request_is_submitted_with_the_units_figures_and_nothing_approved()
    {
        var request = Asked();

        request.Status.ShouldBe(RequestStatus.Submitted);
        request.Requested.ShouldBe(5);
        request.Approved.ShouldBeNull();
        request.Posted.ShouldBeNull();
        request.Justification.ShouldBe("Xã có thêm 5 máy tính");
        (request.QuantityAtRequest, request.HandedOnAtRequest, request.OwnShareAtRequest).ShouldBe((12, 4, 8));
    }

    [Theory]
    [InlineData(0, null, AllocationErrorCode.InvalidQuantity)]
    [InlineData(-3, "lý do", AllocationErrorCode.InvalidQuantity)]
    [InlineData(5, null, AllocationErrorCode.JustificationRequired)]
    [InlineData(5, "   ", AllocationErrorCode.JustificationRequired)]
    [InlineData(5, "máy\u200Bmới", AllocationErrorCode.InvalidCharacters)]
    public void A_request_needs_a_positive_quantity_and_a_justification(int quantity, string? justification, AllocationErrorCode expected) =>
        LicenceRequest.CheckSubmission(quantity, justification)!.Code.ShouldBe(expected);

    [Fact]
    public void Approving_all_posts_the_requested_quantity()
    {
        var request = Asked();
        request.Decide(5, null, null, "can-bo-huyen", At.AddDays(1), Guid.NewGuid());

        request.Status.ShouldBe(RequestStatus.Approved);
        (request.Requested, request.Approved, request.Posted).ShouldBe((5, 5, 5));
    }

    [Fact]
    public void Approving_part_posts_the_approved_number_never_the_requested_one()
    {
        var request = Asked();
        request.Decide(3, "Huyện chỉ còn 3 bản quyền", null, "can-bo-huyen", At.AddDays(1), Guid.NewGuid());

        request.Status.ShouldBe(RequestStatus.PartiallyApproved);
        (request.Requested, request.Approved, request.Posted).ShouldBe((5, 3, 3));
        request.Comment.ShouldBe("Huyện chỉ còn 3 bản quyền");
    }

    [Fact]
    public void Rejecting_posts_nothing_and_keeps_no_source()
    {
        var request = Asked();
        request.Decide(0, "Chưa có máy mới", 77, "can-bo-huyen", At.AddDays(1), Guid.NewGuid());

        request.Status.ShouldBe(RequestStatus.Rejected);
        (request.Approved, request.Posted, request.SourceUnitId, request.ChangeSetId).ShouldBe((0, 0, null, null));
    }

    [Theory]
    [InlineData(3, null, AllocationErrorCode.CommentRequired)]
    [InlineData(0, " ", AllocationErrorCode.CommentRequired)]
    [InlineData(6, "nhiều hơn", AllocationErrorCode.ExceedsRequested)]
    [InlineData(-1, "âm", AllocationErrorCode.InvalidQuantity)]
    public void Less_than_asked_needs_a_comment_and_more_than_asked_is_refused(int approved, string? comment, AllocationErrorCode expected) =>
        Asked().CheckDecision(approved, comment)!.Code.ShouldBe(expected);

    [Fact]
    public void A_decided_request_is_decided_once_and_cannot_be_withdrawn()
    {
        var request = Asked();
        request.Decide(5, null, null, "can-bo-huyen", At, Guid.NewGuid());

        request.CheckDecision(5, null)!.Code.ShouldBe(AllocationErrorCode.AlreadyDecided);
        request.CheckWithdrawal("can-bo-xa")!.Code.ShouldBe(AllocationErrorCode.AlreadyDecided);
        Should.Throw<InvalidOperationException>(() => request.Decide(0, "lại", null, "can-bo-huyen", At, null));
    }

    [Fact]
    public void Only_the_requester_withdraws_and_then_nobody_decides()
    {
        var request = Asked();
        request.CheckWithdrawal("nguoi-khac")!.Code.ShouldBe(AllocationErrorCode.Forbidden);

        request.Withdraw("can-bo-xa", At.AddHours(2));

        request.Status.ShouldBe(RequestStatus.Withdrawn);
        request.Approved.ShouldBeNull();
        request.CheckDecision(5, null)!.Code.ShouldBe(AllocationErrorCode.AlreadyDecided);
    }
}
