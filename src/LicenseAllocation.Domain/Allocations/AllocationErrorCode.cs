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

    // Reorganisations and successor plans.

    /// <summary>The electronic agency identifier is not of the form NNN.NN.NN.Xnn.</summary>
    InvalidAgencyCode,

    /// <summary>Another unit in force at the same time already carries that electronic agency identifier.</summary>
    DuplicateAgencyCode,

    /// <summary>Some links of the reorganisation are neither confirmed nor settled by the administrator.</summary>
    UnconfirmedLinks,

    /// <summary>The shares given for a split old unit do not add up to the whole of it.</summary>
    InvalidShares,

    /// <summary>The plan's tree is not the structure the reorganisation takes over.</summary>
    NotPredecessorPlan,

    /// <summary>A reorganisation file that cannot be read or holds inconsistent rows.</summary>
    InvalidReorganisation,
}
