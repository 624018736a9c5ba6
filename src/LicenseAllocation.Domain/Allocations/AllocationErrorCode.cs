namespace LicenseAllocation.Domain.Allocations;

/// <summary>Why a change (of a quantity, of the unit tree, of a plan or of a user account) is refused. Each value maps to a stable API code.</summary>
public enum AllocationErrorCode
{
    InvalidQuantity,
    ReasonRequired,
    ExceedsParent,
    ChildrenExceedParent,
    BelowHandedOn,
    VersionConflict,
    NotFound,
    Forbidden,
    OutOfScope,
    DuplicateItem,
    InvalidName,
    InvalidUnitKind,
    InvalidOrder,
    UnitNotEmpty,
    UnitInactive,

    /// <summary>Another plan that is not history (a draft or the plan in force) still gives the unit licences.</summary>
    UnitHeldInOtherPlan,

    // User administration.
    InvalidRole,
    ScopeRequired,
    ScopeNotAllowed,
    InvalidScope,
    WeakPassword,
    InvalidUserName,
    DuplicateUser,
    UserNotFound,
    CannotDisableSelf,

    /// <summary>The password is a commonly used one, a repetition or a sequence.</summary>
    CommonPassword,

    /// <summary>The password is (or is little more than) the user name.</summary>
    PasswordLikeUserName,

    // Audit trail.
    DocumentRefTooLong,

    // Plan life cycle.
    PlanLocked,
    DecisionLocked,
    DecisionNotReady,
    DecisionNotPublished,
    DocumentNumberRequired,
    DocumentDateRequired,
    SignerRequired,
    PlanNotPublished,
    AmendmentExists,
    InvalidPlanName,
    InvalidYear,
    DuplicatePlan,
    InvalidProductName,
    InvalidVendor,
    InvalidLicenceTerm,

    // Running the portal.
    DatabaseUnavailable,

    /// <summary>The appendix would not total what the plan allocates (a unit left out of it still holds licences).</summary>
    AppendixMismatch,

    /// <summary>The user already runs an import (one at a time per user).</summary>
    ImportInProgress,

    /// <summary>The user already runs an export (one at a time per user).</summary>
    ExportInProgress,

    // Text typed by people (InputText).

    /// <summary>Control, format or bidirectional characters, or nothing visible.</summary>
    InvalidCharacters,

    /// <summary>A word mixes Latin, Cyrillic or Greek letters.</summary>
    MixedScript,

    /// <summary>A sibling already has that name once NFC and case are set aside.</summary>
    DuplicateName,

    // Requests, returns and transfers.

    /// <summary>The request was decided or withdrawn already.</summary>
    AlreadyDecided,

    /// <summary>More was approved than the unit asked for.</summary>
    ExceedsRequested,

    /// <summary>A request carries a justification.</summary>
    JustificationRequired,

    /// <summary>A partial approval or a rejection carries the decider's comment.</summary>
    CommentRequired,

    /// <summary>The unit licences are taken from does not have that many free.</summary>
    SourceHasNoRoom,

    /// <summary>The unit named as the source cannot give to this unit (not a sibling, the unit itself, not in the plan).</summary>
    InvalidSource,
}
