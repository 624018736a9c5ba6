namespace LicenseAllocation.Domain.Auditing;

/// <summary>One accepted change, written in the same transaction as the change itself. Never updated or deleted.</summary>
public sealed class AuditEntry
{
    private AuditEntry(int planId, int? unitId, string actor, DateTime atUtc, AuditAction action, string reason, Guid changeSetId)
    {
        PlanId = planId;
        UnitId = unitId;
        Actor = actor;
        AtUtc = atUtc;
        Action = action;
        Reason = reason;
        ChangeSetId = changeSetId;
    }

    public long Id { get; private set; }

    public int PlanId { get; private set; }

    public int? UnitId { get; private set; }

    public string Actor { get; private set; }

    public DateTime AtUtc { get; private set; }

    public AuditAction Action { get; private set; }

    public int? OldValue { get; private set; }

    public int? NewValue { get; private set; }

    public string Reason { get; private set; }

    /// <summary>Groups the rows of one operation (a seed, a bulk edit, an import).</summary>
    public Guid ChangeSetId { get; private set; }

    public static AuditEntry QuantityChange(
        int planId, int unitId, string actor, DateTime atUtc, int oldValue, int newValue, string reason, Guid changeSetId, AuditAction action = AuditAction.QuantityChanged)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        if (atUtc.Kind != DateTimeKind.Utc)
        {
            throw new ArgumentException("Audit times are stored in UTC.", nameof(atUtc));
        }

        return new AuditEntry(planId, unitId, actor, atUtc, action, reason.Trim(), changeSetId)
        {
            OldValue = oldValue,
            NewValue = newValue,
        };
    }

    /// <summary>
    /// A change of the unit tree (a unit added, renamed, moved among its siblings, deactivated or reactivated). The
    /// description says what changed, old and new, in the words an official reads in the trail; no quantity changes.
    /// </summary>
    public static AuditEntry UnitEvent(int planId, int unitId, string actor, DateTime atUtc, AuditAction action, string description, Guid changeSetId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        ArgumentException.ThrowIfNullOrWhiteSpace(description);
        if (action is AuditAction.Seeded or AuditAction.QuantityChanged)
        {
            throw new ArgumentException("Quantity changes are written with QuantityChange.", nameof(action));
        }

        if (atUtc.Kind != DateTimeKind.Utc)
        {
            throw new ArgumentException("Audit times are stored in UTC.", nameof(atUtc));
        }

        return new AuditEntry(planId, unitId, actor, atUtc, action, description.Trim(), changeSetId);
    }
}
