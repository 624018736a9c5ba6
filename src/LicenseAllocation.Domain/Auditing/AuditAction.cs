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

    // Requests during the year (the quantities an approval posts are QuantityChanged rows of the same change set).
    RequestSubmitted,
    RequestDecided,
    RequestWithdrawn,

    // Decisions by level: a unit's own decision over the level below it.
    DecisionPublished,
    DecisionReopened,
}
