namespace LicenseAllocation.Domain.Allocations;

/// <summary>
/// A refused change with the numbers an official needs to correct it: what was asked, and the limit that applies
/// (the most the unit can receive, or the least it must keep).
/// </summary>
/// <param name="Code">What was refused.</param>
/// <param name="Requested">The figure asked for.</param>
/// <param name="Limit">The limit that applies, or the figure the refusal quotes.</param>
/// <param name="ParentRemaining">What the parent has left.</param>
/// <param name="Subject">What the refusal is about when it is not a number: the plan that still holds a unit.</param>
public sealed record AllocationError(AllocationErrorCode Code, int? Requested = null, int? Limit = null, int? ParentRemaining = null, string? Subject = null)
{
    public static AllocationError InvalidQuantity(int requested) => new(AllocationErrorCode.InvalidQuantity, requested);

    public static AllocationError ReasonRequired() => new(AllocationErrorCode.ReasonRequired);

    /// <summary>The parent cannot cover the increase: at most <paramref name="maximum"/> fits.</summary>
    public static AllocationError ExceedsParent(int requested, int maximum, int parentRemaining) =>
        new(AllocationErrorCode.ExceedsParent, requested, maximum, parentRemaining);

    /// <summary>
    /// A batch would give a parent's units <paramref name="total"/> together, more than the <paramref name="quota"/> the
    /// parent holds: said of the parent as a total, not blamed on whichever row came last.
    /// </summary>
    public static AllocationError ChildrenExceedParent(int total, int quota) =>
        new(AllocationErrorCode.ChildrenExceedParent, total, quota, total - quota);

    /// <summary>The unit has already handed on <paramref name="handedOn"/>; it cannot hold less.</summary>
    public static AllocationError BelowHandedOn(int requested, int handedOn) =>
        new(AllocationErrorCode.BelowHandedOn, requested, handedOn);

    public static AllocationError VersionConflict() => new(AllocationErrorCode.VersionConflict);

    public static AllocationError NotFound() => new(AllocationErrorCode.NotFound);

    public static AllocationError Forbidden() => new(AllocationErrorCode.Forbidden);

    /// <summary>The unit lies outside the part of the tree the caller works in.</summary>
    public static AllocationError OutOfScope() => new(AllocationErrorCode.OutOfScope);

    /// <summary>The same unit appears more than once in one batch.</summary>
    public static AllocationError DuplicateItem() => new(AllocationErrorCode.DuplicateItem);

    /// <summary>A unit name is empty or longer than the stored maximum.</summary>
    public static AllocationError InvalidName() => new(AllocationErrorCode.InvalidName);

    /// <summary>This kind of unit cannot stand under the chosen parent (see the unit kind rules).</summary>
    public static AllocationError InvalidUnitKind() => new(AllocationErrorCode.InvalidUnitKind);

    /// <summary>A position among siblings counts from 1.</summary>
    public static AllocationError InvalidOrder(int requested) => new(AllocationErrorCode.InvalidOrder, requested);

    /// <summary>A unit still holds <paramref name="held"/> licences, so it cannot be deactivated: it must hold 0 first.</summary>
    public static AllocationError UnitNotEmpty(int held) => new(AllocationErrorCode.UnitNotEmpty, Limit: held);

    /// <summary>
    /// The unit cannot be deactivated while <paramref name="plan"/> (a draft or the plan in force, named as an official
    /// reads it) gives it <paramref name="held"/> licences: an amendment or a copy of that plan would carry them.
    /// </summary>
    public static AllocationError UnitHeldInOtherPlan(int held, string plan) => new(AllocationErrorCode.UnitHeldInOtherPlan, Limit: held, Subject: plan);

    /// <summary>The appendix totals <paramref name="appendixTotal"/> but the plan allocates <paramref name="allocated"/>.</summary>
    public static AllocationError AppendixMismatch(int appendixTotal, int allocated) =>
        new(AllocationErrorCode.AppendixMismatch, appendixTotal, allocated);

    /// <summary>The text carries control, format or bidirectional characters, or nothing visible (<see cref="Text.InputText"/>).</summary>
    public static AllocationError InvalidCharacters() => new(AllocationErrorCode.InvalidCharacters);

    /// <summary>A word of the text mixes Latin, Cyrillic or Greek letters (<see cref="Text.InputText"/>).</summary>
    public static AllocationError MixedScript() => new(AllocationErrorCode.MixedScript);

    /// <summary>A unit of the same parent already has <paramref name="existing"/> as its name, compared after NFC and case folding.</summary>
    public static AllocationError DuplicateName(string existing) => new(AllocationErrorCode.DuplicateName, Subject: existing);

    /// <summary>The password is one people commonly use, a repetition or a sequence: guessed first by anyone trying.</summary>
    public static AllocationError CommonPassword() => new(AllocationErrorCode.CommonPassword);

    /// <summary>The password is the user name, or the user name with a few characters added.</summary>
    public static AllocationError PasswordLikeUserName() => new(AllocationErrorCode.PasswordLikeUserName);

    /// <summary>The user's previous import is still running: one at a time per user.</summary>
    public static AllocationError ImportInProgress() => new(AllocationErrorCode.ImportInProgress);

    /// <summary>The user's previous export is still running: one at a time per user.</summary>
    public static AllocationError ExportInProgress() => new(AllocationErrorCode.ExportInProgress);

    /// <summary>A deactivated unit holds 0 and receives nothing.</summary>
    public static AllocationError UnitInactive(int requested) => new(AllocationErrorCode.UnitInactive, requested);

    /// <summary>The role is not one of the portal's roles.</summary>
    public static AllocationError InvalidRole() => new(AllocationErrorCode.InvalidRole);

    /// <summary>The role works within one unit's subtree, and none was given.</summary>
    public static AllocationError ScopeRequired() => new(AllocationErrorCode.ScopeRequired);

    /// <summary>The role sees the whole province; a scope unit would mean nothing.</summary>
    public static AllocationError ScopeNotAllowed() => new(AllocationErrorCode.ScopeNotAllowed);

    /// <summary>The scope unit does not exist, or is not of the kind the role needs.</summary>
    public static AllocationError InvalidScope() => new(AllocationErrorCode.InvalidScope);

    /// <summary>The password is shorter than <paramref name="minimumLength"/> characters.</summary>
    public static AllocationError WeakPassword(int minimumLength) => new(AllocationErrorCode.WeakPassword, Limit: minimumLength);

    public static AllocationError InvalidUserName() => new(AllocationErrorCode.InvalidUserName);

    public static AllocationError DuplicateUser() => new(AllocationErrorCode.DuplicateUser);

    public static AllocationError UserNotFound() => new(AllocationErrorCode.UserNotFound);

    /// <summary>An administrator would lock themselves out.</summary>
    public static AllocationError CannotDisableSelf() => new(AllocationErrorCode.CannotDisableSelf);

    /// <summary>The reference to the official letter a change is made under is longer than <paramref name="maximum"/> characters.</summary>
    public static AllocationError DocumentRefTooLong(int length, int maximum) => new(AllocationErrorCode.DocumentRefTooLong, length, maximum);
    /// <summary>The plan is published (or superseded): its figures and units no longer change; an amendment does.</summary>
    public static AllocationError PlanLocked() => new(AllocationErrorCode.PlanLocked);

    /// <summary>The figure belongs to a level whose decision is published; <paramref name="issuer"/> names the unit that issued it.</summary>
    public static AllocationError DecisionLocked(string issuer) => new(AllocationErrorCode.DecisionLocked, Subject: issuer);

    /// <summary>A unit's decision over its level waits for the decision above it (the level that fixes the unit's own share).</summary>
    public static AllocationError DecisionNotReady(string issuer) => new(AllocationErrorCode.DecisionNotReady, Subject: issuer);

    /// <summary>Only a published decision is amended.</summary>
    public static AllocationError DecisionNotPublished() => new(AllocationErrorCode.DecisionNotPublished);

    public static AllocationError DocumentNumberRequired() => new(AllocationErrorCode.DocumentNumberRequired);

    public static AllocationError DocumentDateRequired() => new(AllocationErrorCode.DocumentDateRequired);

    public static AllocationError SignerRequired() => new(AllocationErrorCode.SignerRequired);

    /// <summary>Only the plan in force (published, not yet superseded) is amended.</summary>
    public static AllocationError PlanNotPublished() => new(AllocationErrorCode.PlanNotPublished);

    /// <summary>The plan already has a draft amendment; finish or use that one.</summary>
    public static AllocationError AmendmentExists() => new(AllocationErrorCode.AmendmentExists);

    public static AllocationError InvalidPlanName() => new(AllocationErrorCode.InvalidPlanName);

    public static AllocationError InvalidYear(int requested) => new(AllocationErrorCode.InvalidYear, requested);

    /// <summary>A plan of that name already exists for that year.</summary>
    public static AllocationError DuplicatePlan() => new(AllocationErrorCode.DuplicatePlan);

    public static AllocationError InvalidProductName() => new(AllocationErrorCode.InvalidProductName);

    public static AllocationError InvalidVendor() => new(AllocationErrorCode.InvalidVendor);

    /// <summary>The licence term ends on or before the day it starts.</summary>
    public static AllocationError InvalidLicenceTerm() => new(AllocationErrorCode.InvalidLicenceTerm);

    /// <summary>The database does not answer (stopped, restarting, unreachable); nothing was saved, try again shortly.</summary>
    public static AllocationError DatabaseUnavailable() => new(AllocationErrorCode.DatabaseUnavailable);

    public static AllocationError InvalidFullName() => new(AllocationErrorCode.InvalidFullName);

    public static AllocationError InvalidPosition() => new(AllocationErrorCode.InvalidPosition);

    public static AllocationError InvalidPhone() => new(AllocationErrorCode.InvalidPhone);

    public static AllocationError InvalidEmail() => new(AllocationErrorCode.InvalidEmail);

    public static AllocationError UserNotDisabled() => new(AllocationErrorCode.UserNotDisabled);

    public static AllocationError WrongCurrentPassword() => new(AllocationErrorCode.WrongCurrentPassword);

    public static AllocationError SamePassword() => new(AllocationErrorCode.SamePassword);

    public static AllocationError PasswordChangeRequired() => new(AllocationErrorCode.PasswordChangeRequired);

    public static AllocationError TwoFactorRequired() => new(AllocationErrorCode.TwoFactorRequired);

    public static AllocationError InvalidTwoFactorCode() => new(AllocationErrorCode.InvalidTwoFactorCode);

    public static AllocationError TwoFactorEnrolmentRequired() => new(AllocationErrorCode.TwoFactorEnrolmentRequired);

    public static AllocationError TwoFactorAlreadyEnabled() => new(AllocationErrorCode.TwoFactorAlreadyEnabled);

    public static AllocationError TwoFactorNotEnabled() => new(AllocationErrorCode.TwoFactorNotEnabled);

    public static AllocationError TwoFactorMandatory() => new(AllocationErrorCode.TwoFactorMandatory);

    public static AllocationError NoPortalAccount() => new(AllocationErrorCode.NoPortalAccount);

    public static AllocationError DirectoryUnavailable() => new(AllocationErrorCode.DirectoryUnavailable);

    public static AllocationError IdentityProviderUnavailable() => new(AllocationErrorCode.IdentityProviderUnavailable);

    /// <summary>The need <paramref name="requested"/> is below 0 or above <see cref="Needs.NeedRules.MaxComputers"/>.</summary>
    public static AllocationError InvalidNeed(int requested) => new(AllocationErrorCode.InvalidNeed, requested, Needs.NeedRules.MaxComputers);

    /// <summary>A purchase's <paramref name="field"/> (its name in the API) is missing or impossible.</summary>
    public static AllocationError InvalidPurchase(string field) => new(AllocationErrorCode.InvalidPurchase, Subject: field);

    public static AllocationError ProductNotAnnounced() => new(AllocationErrorCode.ProductNotAnnounced);

    /// <summary>The purchase is not of the plan's product, quoted as announced (<paramref name="announced"/>).</summary>
    public static AllocationError DifferentProduct(string announced) => new(AllocationErrorCode.DifferentProduct, Subject: announced);

    public static AllocationError PurchaseCancelled() => new(AllocationErrorCode.PurchaseCancelled);

    public static AllocationError InvalidSplit(int requested) => new(AllocationErrorCode.InvalidSplit, requested);
    /// <summary>The request was decided or withdrawn already; a decision is made once.</summary>
    public static AllocationError AlreadyDecided() => new(AllocationErrorCode.AlreadyDecided);

    /// <summary><paramref name="approved"/> were approved but only <paramref name="requested"/> asked for.</summary>
    public static AllocationError ExceedsRequested(int approved, int requested) => new(AllocationErrorCode.ExceedsRequested, approved, requested);

    /// <summary>A request of a unit under <paramref name="district"/> is decided by that district's officer.</summary>
    public static AllocationError DecidedByDistrict(string district) => new(AllocationErrorCode.DecidedByDistrict, Subject: district);

    /// <summary>A request says why the unit needs more (at most <see cref="ChangeReason.MaxLength"/> characters).</summary>
    public static AllocationError JustificationRequired() => new(AllocationErrorCode.JustificationRequired);

    /// <summary>Granting less than asked (or nothing) is explained to the requester (at most <see cref="ChangeReason.MaxLength"/> characters).</summary>
    public static AllocationError CommentRequired() => new(AllocationErrorCode.CommentRequired);

    /// <summary>The source was asked to give <paramref name="requested"/> but has only <paramref name="free"/> it has not handed on.</summary>
    public static AllocationError SourceHasNoRoom(int requested, int free) => new(AllocationErrorCode.SourceHasNoRoom, requested, free);

    /// <summary>The named source cannot give to this unit.</summary>
    public static AllocationError InvalidSource() => new(AllocationErrorCode.InvalidSource);
    public static AllocationError InvalidAgencyCode() => new(AllocationErrorCode.InvalidAgencyCode);

    /// <summary><paramref name="holder"/> (in force at the same time) already carries the identifier.</summary>
    public static AllocationError DuplicateAgencyCode(string holder) => new(AllocationErrorCode.DuplicateAgencyCode, Subject: holder);

    /// <summary><paramref name="count"/> links are neither confirmed nor settled.</summary>
    public static AllocationError UnconfirmedLinks(int count) => new(AllocationErrorCode.UnconfirmedLinks, Limit: count);

    /// <summary>The shares given for <paramref name="oldUnit"/> do not add up to 1.</summary>
    public static AllocationError InvalidShares(string oldUnit) => new(AllocationErrorCode.InvalidShares, Subject: oldUnit);

    public static AllocationError NotPredecessorPlan() => new(AllocationErrorCode.NotPredecessorPlan);

    /// <summary><paramref name="count"/> rows of a reorganisation file are refused.</summary>
    public static AllocationError InvalidReorganisation(int count) => new(AllocationErrorCode.InvalidReorganisation, Limit: count);
}

