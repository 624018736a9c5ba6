namespace LicenseAllocation.Domain.Requests;

/// <summary>Where a request for more licences stands. Stored by name and part of the public API; never rename one.</summary>
public enum RequestStatus
{
    /// <summary>Asked for and waiting for the decider.</summary>
    Submitted,

    /// <summary>Approved as asked: the whole requested quantity was posted.</summary>
    Approved,

    /// <summary>Approved in part: less than asked was posted, with the decider's comment.</summary>
    PartiallyApproved,

    /// <summary>Refused with the decider's comment: nothing was posted.</summary>
    Rejected,

    /// <summary>Taken back by the requester before a decision.</summary>
    Withdrawn,
}
