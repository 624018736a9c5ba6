using LicenseAllocation.Domain.Allocations;
using LicenseAllocation.Domain.Text;

namespace LicenseAllocation.Domain.Requests;

/// <summary>
/// A unit's request for more licences during the year, and its decision. It keeps three quantities: what was
/// <see cref="Requested"/>, what the decider <see cref="Approved"/> (partial approval is normal), and what was
/// <see cref="Posted"/> to the allocation. Posting happens in the transaction of the decision, so
/// <see cref="Posted"/> always equals <see cref="Approved"/>: a post that cannot happen refuses the decision.
/// The unit's figures when it asked are kept with the request, so a decider (and later an auditor) reads what the
/// requester saw.
/// <para>States: <see cref="RequestStatus.Submitted"/> → <see cref="RequestStatus.Approved"/> |
/// <see cref="RequestStatus.PartiallyApproved"/> | <see cref="RequestStatus.Rejected"/>, or
/// <see cref="RequestStatus.Withdrawn"/> by the requester before a decision. Every other move is refused.</para>
/// </summary>
public sealed class LicenceRequest
{
    /// <summary>The most characters of a justification or a decider's comment, as long as a change's reason.</summary>
    public const int MaxTextLength = ChangeReason.MaxLength;

    private LicenceRequest(int planId, int unitId, int requested, string justification, string requestedBy, DateTime requestedAtUtc)
    {
        PlanId = planId;
        UnitId = unitId;
        Requested = requested;
        Justification = justification;
        RequestedBy = requestedBy;
        RequestedAtUtc = requestedAtUtc;
    }

    public long Id { get; private set; }

    public int PlanId { get; private set; }

    public int UnitId { get; private set; }

    /// <summary>How many more licences the unit asks for.</summary>
    public int Requested { get; private set; }

    /// <summary>How many the decider granted: null until decided, 0 when rejected.</summary>
    public int? Approved { get; private set; }

    /// <summary>How many were added to the unit's quantity: always <see cref="Approved"/>, set by the same decision.</summary>
    public int? Posted { get; private set; }

    public RequestStatus Status { get; private set; } = RequestStatus.Submitted;

    public string Justification { get; private set; }

    public string RequestedBy { get; private set; }

    public DateTime RequestedAtUtc { get; private set; }

    /// <summary>Who decided or withdrew the request.</summary>
    public string? DecidedBy { get; private set; }

    public DateTime? DecidedAtUtc { get; private set; }

    /// <summary>The decider's comment: required for a partial approval and a rejection.</summary>
    public string? Comment { get; private set; }

    /// <summary>The sibling the approved licences were moved from, instead of the parent's remaining quantity.</summary>
    public int? SourceUnitId { get; private set; }

    /// <summary>The change set of the audit rows the approval wrote.</summary>
    public Guid? ChangeSetId { get; private set; }

    /// <summary>The unit's quantity when it asked.</summary>
    public int QuantityAtRequest { get; private set; }

    /// <summary>What the unit had handed on to its own units when it asked.</summary>
    public int HandedOnAtRequest { get; private set; }

    /// <summary>The licences the unit kept for itself when it asked (its quantity less what it had handed on).</summary>
    public int OwnShareAtRequest => QuantityAtRequest - HandedOnAtRequest;

    public bool IsDecided => Status is not RequestStatus.Submitted;

    /// <summary>Null when a request for <paramref name="requested"/> with this justification may be made.</summary>
    public static AllocationError? CheckSubmission(int requested, string? justification)
    {
        if (requested <= 0)
        {
            return AllocationError.InvalidQuantity(requested);
        }

        return InputText.Check(justification)
            ?? (InputText.Normalize(justification) is not { Length: > 0 and <= MaxTextLength } ? AllocationError.JustificationRequired() : null);
    }

    public static LicenceRequest Submit(int planId, int unitId, int requested, string? justification, string requestedBy, DateTime requestedAtUtc, NodeFigures figures)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(requestedBy);
        if (CheckSubmission(requested, justification) is { } refused)
        {
            throw new ArgumentException($"The request cannot be made: {refused.Code}.", nameof(requested));
        }

        return new LicenceRequest(planId, unitId, requested, InputText.Normalize(justification)!, requestedBy, UtcOnly(requestedAtUtc))
        {
            QuantityAtRequest = figures.Quantity,
            HandedOnAtRequest = figures.HandedOn,
        };
    }

    /// <summary>The status a decision granting <paramref name="approved"/> of the requested quantity leads to.</summary>
    public RequestStatus StatusFor(int approved) =>
        approved == 0 ? RequestStatus.Rejected : approved == Requested ? RequestStatus.Approved : RequestStatus.PartiallyApproved;

    /// <summary>
    /// Null when the request may be decided granting <paramref name="approved"/>: it is still submitted; 0 to the requested
    /// quantity; anything less than asked carries a comment.
    /// </summary>
    public AllocationError? CheckDecision(int approved, string? comment)
    {
        if (IsDecided)
        {
            return AllocationError.AlreadyDecided();
        }

        if (approved < 0)
        {
            return AllocationError.InvalidQuantity(approved);
        }

        if (approved > Requested)
        {
            return AllocationError.ExceedsRequested(approved, Requested);
        }

        if (InputText.Check(comment) is { } invalid)
        {
            return invalid;
        }

        var text = InputText.Normalize(comment);
        if (text is { Length: > MaxTextLength })
        {
            return AllocationError.CommentRequired();
        }

        return approved < Requested && string.IsNullOrEmpty(text) ? AllocationError.CommentRequired() : null;
    }

    /// <summary>Records the decision; the caller has posted <paramref name="approved"/> in the same transaction.</summary>
    public void Decide(int approved, string? comment, int? sourceUnitId, string decidedBy, DateTime decidedAtUtc, Guid? changeSetId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(decidedBy);
        if (CheckDecision(approved, comment) is { } refused)
        {
            throw new InvalidOperationException($"The request cannot be decided: {refused.Code}.");
        }

        Status = StatusFor(approved);
        Approved = approved;
        Posted = approved;
        var text = InputText.Normalize(comment);
        Comment = string.IsNullOrEmpty(text) ? null : text;
        SourceUnitId = approved > 0 ? sourceUnitId : null;
        ChangeSetId = approved > 0 ? changeSetId : null;
        DecidedBy = decidedBy;
        DecidedAtUtc = UtcOnly(decidedAtUtc);
    }

    /// <summary>
    /// Null when <paramref name="userName"/> may withdraw the request: the requester, before a decision. Who may is
    /// answered first, so that someone else learns nothing of the request's state.
    /// </summary>
    public AllocationError? CheckWithdrawal(string userName)
    {
        if (!string.Equals(userName, RequestedBy, StringComparison.Ordinal))
        {
            return AllocationError.Forbidden();
        }

        return IsDecided ? AllocationError.AlreadyDecided() : null;
    }

    public void Withdraw(string userName, DateTime atUtc)
    {
        if (CheckWithdrawal(userName) is { } refused)
        {
            throw new InvalidOperationException($"The request cannot be withdrawn: {refused.Code}.");
        }

        Status = RequestStatus.Withdrawn;
        DecidedBy = userName;
        DecidedAtUtc = UtcOnly(atUtc);
    }

    private static DateTime UtcOnly(DateTime value) =>
        value.Kind == DateTimeKind.Utc ? value : throw new ArgumentException("Request times are stored in UTC.", nameof(value));
}
