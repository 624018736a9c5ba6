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

    // Accounts: who they belong to, their own password.

    /// <summary>A full name with characters a name cannot hold, or too long.</summary>
    InvalidFullName,

    /// <summary>A position (chức vụ) with characters it cannot hold, or too long.</summary>
    InvalidPosition,

    /// <summary>Not a phone number: other characters than digits and separators, or too few digits.</summary>
    InvalidPhone,

    /// <summary>Not an e-mail address the portal can write to.</summary>
    InvalidEmail,

    /// <summary>Re-enabling an account that is not disabled.</summary>
    UserNotDisabled,

    /// <summary>The current password given with a change of one's own password is not the account's.</summary>
    WrongCurrentPassword,

    /// <summary>The new password is the one the account already has.</summary>
    SamePassword,

    /// <summary>The account must change the password the administrator set before it may do anything else.</summary>
    PasswordChangeRequired,
}
