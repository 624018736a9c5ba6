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

    /// <summary>The password was accepted but the account signs in with a code from its authenticator app too, and none was given.</summary>
    TwoFactorRequired,

    /// <summary>The authenticator code (or recovery code) is not the account's, or no longer valid.</summary>
    InvalidTwoFactorCode,

    /// <summary>Administrators must sign in with two-factor (<c>Security:RequireTwoFactorForAdmins</c>) and this one has not set it up.</summary>
    TwoFactorEnrolmentRequired,

    /// <summary>Two-factor sign-in is already on for the account (turn it off first to use another app).</summary>
    TwoFactorAlreadyEnabled,

    /// <summary>Two-factor sign-in is not on for the account.</summary>
    TwoFactorNotEnabled,

    /// <summary>Two-factor sign-in cannot be turned off: the portal requires it for the account's role.</summary>
    TwoFactorMandatory,

    /// <summary>The province's directory proved who the person is, but the portal has no account of that name (none is made).</summary>
    NoPortalAccount,

    /// <summary>The province's directory, which checks the password, does not answer.</summary>
    DirectoryUnavailable,

    /// <summary>The province's OpenID Connect sign-in (<c>Authentication:Oidc</c>) does not answer.</summary>
    IdentityProviderUnavailable,

    // Needs, licences a unit buys itself, split suggestions.

    /// <summary>A need is negative or beyond what one unit could have.</summary>
    InvalidNeed,

    /// <summary>A purchase lacks what it must say, or says something impossible (quantity 0, a term that ends before it starts).</summary>
    InvalidPurchase,

    /// <summary>The plan's product is not announced yet, so no purchase can be checked against it.</summary>
    ProductNotAnnounced,

    /// <summary>The purchase is of another product (or vendor) than the plan's.</summary>
    DifferentProduct,

    /// <summary>The purchase was cancelled already.</summary>
    PurchaseCancelled,

    /// <summary>The amount to split is negative, or the unit has no units under it.</summary>
    InvalidSplit,
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

    /// <summary>The request is the district's to decide (a unit under a district): the province administrator does not decide it.</summary>
    DecidedByDistrict,
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
