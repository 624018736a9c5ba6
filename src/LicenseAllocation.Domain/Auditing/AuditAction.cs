namespace LicenseAllocation.Domain.Auditing;

public enum AuditAction
{
    /// <summary>A quantity set when a plan is first loaded from its official appendix.</summary>
    Seeded,
    QuantityChanged,
    UnitCreated,
    UnitRenamed,
    UnitMoved,
    UnitDeactivated,
    UnitActivated,
}
