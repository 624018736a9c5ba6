namespace LicenseAllocation.Domain.Auditing;

/// <summary>What an audit row records. Stored by name, so new values may be added anywhere; never rename one.</summary>
public enum AuditAction
{
    /// <summary>A quantity set when a plan is first loaded: from its official appendix, or copied from the plan it amends or copies.</summary>
    Seeded,
    QuantityChanged,
    UnitCreated,
    UnitRenamed,
    UnitMoved,
    UnitDeactivated,
    UnitActivated,

    // User accounts.
    UserCreated,
    UserDisabled,
    UserPasswordReset,

    // Plan life cycle.
    PlanCreated,
    PlanDescribed,
    PlanPublished,
    PlanSuperseded,

    // Decisions by level: a unit's own decision over the level below it.
    DecisionPublished,
    DecisionReopened,

    // User accounts: details, re-enabling, own password, two-factor.
    UserDetailsChanged,
    UserEnabled,
    UserPasswordChanged,
    UserTwoFactorEnabled,
    UserTwoFactorDisabled,
    UserRecoveryCodesRenewed,

    // Needs and licences a unit buys itself.
    NeedStated,
    PurchaseRecorded,
    PurchaseCancelled,

    // Requests during the year (the quantities an approval posts are QuantityChanged rows of the same change set).
    RequestSubmitted,
    RequestDecided,
    RequestWithdrawn,

    // Reorganisations of the structure.

    /// <summary>A reorganisation was recorded: its new units and the old units they take over.</summary>
    ReorganisationRecorded,

    /// <summary>A unit's electronic agency identifier was set, changed or cleared.</summary>
    AgencyCodeChanged,

    // Console reports.
    DeploymentImported,
    DeploymentMappingSaved,
    DeploymentGroupsMapped,
    DeploymentMappingRenamed,
    DeploymentMappingDeleted,
}
