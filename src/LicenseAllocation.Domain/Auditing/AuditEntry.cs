namespace LicenseAllocation.Domain.Auditing;

/// <summary>
/// One accepted change, written in the same transaction as the change itself and never updated or deleted. Rows form
/// a hash chain: <see cref="Seal"/> gives each row its place (<see cref="Sequence"/>) and a <see cref="Hash"/> over its
/// content and the previous row's hash, so that a row edited or deleted behind the portal's back is detected.
/// </summary>
public sealed class AuditEntry
{
    public const int MaxDocumentRefLength = DocumentReference.MaxLength;

    /// <summary>The most characters of <see cref="Reason"/>: a change's reason (<see cref="Allocations.ChangeReason"/>) or an event's description.</summary>
    public const int MaxReasonLength = Allocations.ChangeReason.MaxLength;

    private AuditEntry(int? planId, int? unitId, string actor, DateTime atUtc, AuditAction action, string reason, Guid changeSetId)
    {
        if (atUtc.Kind != DateTimeKind.Utc)
        {
            throw new ArgumentException("Audit times are stored in UTC.", nameof(atUtc));
        }

        PlanId = planId;
        UnitId = unitId;
        Actor = actor;
        AtUtc = AuditHash.TruncateToMicroseconds(atUtc);
        Action = action;
        Reason = reason;
        ChangeSetId = changeSetId;
    }

    public long Id { get; private set; }

    /// <summary>The row's place in the chain: 1, 2, 3… without gaps, in the order the rows were committed.</summary>
    public long Sequence { get; private set; }

    /// <summary>Null for changes that concern no plan (user accounts).</summary>
    public int? PlanId { get; private set; }

    public int? UnitId { get; private set; }

    public string Actor { get; private set; }

    public DateTime AtUtc { get; private set; }

    public AuditAction Action { get; private set; }

    public int? OldValue { get; private set; }

    public int? NewValue { get; private set; }

    /// <summary>Why (quantity changes) or what (other changes, in the words an official reads in the trail).</summary>
    public string Reason { get; private set; }

    /// <summary>Groups the rows of one operation (a seed, a bulk edit, an import).</summary>
    public Guid ChangeSetId { get; private set; }

    /// <summary>The official letter the change was made under, when there is one (e.g. "Số 1234/STTTT-CNTT ngày 01/12/2020").</summary>
    public string? DocumentRef { get; private set; }

    /// <summary>The hash of the row before this one; empty for the first row.</summary>
    public string PreviousHash { get; private set; } = string.Empty;

    /// <summary>SHA-256 (hex) over this row's content and <see cref="PreviousHash"/>.</summary>
    public string Hash { get; private set; } = string.Empty;

    /// <summary>The id of the <see cref="AuditSealKey"/> that sealed this row; null for a row sealed without a key.</summary>
    public string? SealKeyId { get; private set; }

    /// <summary>HMAC-SHA256 (hex) of <see cref="Hash"/> under the key <see cref="SealKeyId"/>: only the key's holder can make it.</summary>
    public string? KeyedHash { get; private set; }

    public bool IsSealed => Sequence > 0;

    public bool IsQuantityChange => Action is AuditAction.Seeded or AuditAction.QuantityChanged;

    public static AuditEntry QuantityChange(
        int planId, int unitId, string actor, DateTime atUtc, int oldValue, int newValue, string reason, Guid changeSetId, AuditAction action = AuditAction.QuantityChanged)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        if (action is not (AuditAction.Seeded or AuditAction.QuantityChanged))
        {
            throw new ArgumentException("Only quantity actions carry old and new quantities.", nameof(action));
        }

        return new AuditEntry(planId, unitId, actor, atUtc, action, Text.InputText.Normalize(reason)!, changeSetId)
        {
            OldValue = oldValue,
            NewValue = newValue,
        };
    }

    /// <summary>
    /// A unit's need stated in a plan: the number of computers before (null for the first statement) and after, and why
    /// (<see cref="Needs.NeedRules.DefaultReason"/> when no reason was given).
    /// </summary>
    public static AuditEntry NeedStatement(int planId, int unitId, string actor, DateTime atUtc, int? oldValue, int newValue, string? reason, Guid changeSetId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        var why = string.IsNullOrWhiteSpace(reason) ? Needs.NeedRules.DefaultReason : Text.InputText.Normalize(reason)!;
        return new AuditEntry(planId, unitId, actor, atUtc, AuditAction.NeedStated, why, changeSetId)
        {
            OldValue = oldValue,
            NewValue = newValue,
        };
    }

    /// <summary>
    /// A change of the unit tree (a unit added, renamed, moved among its siblings, deactivated or reactivated). The
    /// description says what changed, old and new, in the words an official reads in the trail; no quantity changes.
    /// </summary>
    public static AuditEntry UnitEvent(int planId, int unitId, string actor, DateTime atUtc, AuditAction action, string description, Guid changeSetId) =>
        Event(planId, unitId, actor, atUtc, action, description, changeSetId);

    /// <summary>Any change other than a quantity: of units, user accounts or a plan's life cycle.</summary>
    public static AuditEntry Event(int? planId, int? unitId, string actor, DateTime atUtc, AuditAction action, string description, Guid changeSetId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        ArgumentException.ThrowIfNullOrWhiteSpace(description);
        if (action is AuditAction.Seeded or AuditAction.QuantityChanged or AuditAction.NeedStated)
        {
            throw new ArgumentException("Quantity changes and needs are written with QuantityChange and NeedStatement.", nameof(action));
        }

        return new AuditEntry(planId, unitId, actor, atUtc, action, Text.InputText.Normalize(description)!, changeSetId);
    }

    /// <summary>Names the official letter the change was made under; set before the row is sealed.</summary>
    public AuditEntry UnderDocument(string? documentRef)
    {
        if (IsSealed)
        {
            throw new InvalidOperationException("A sealed audit row cannot change.");
        }

        var trimmed = Text.InputText.Normalize(documentRef);
        if (trimmed is { Length: > MaxDocumentRefLength })
        {
            throw new ArgumentException($"A document reference has at most {MaxDocumentRefLength} characters.", nameof(documentRef));
        }

        DocumentRef = string.IsNullOrEmpty(trimmed) ? null : trimmed;
        return this;
    }

    /// <summary>
    /// Places the row after the row with <paramref name="previousHash"/> and computes its hash, keyed with
    /// <paramref name="key"/> when one is given. Once only.
    /// </summary>
    public void Seal(long sequence, string previousHash, AuditSealKey? key = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sequence, 1);
        ArgumentNullException.ThrowIfNull(previousHash);
        if (IsSealed)
        {
            throw new InvalidOperationException("An audit row is sealed once.");
        }

        Sequence = sequence;
        PreviousHash = previousHash;
        Hash = AuditHash.Compute(this);
        SealKeyId = key?.Id;
        KeyedHash = key?.Seal(Hash);
    }

    /// <summary>Adds the keyed seal to a row sealed without one (rows written before the trail had keys). Once only.</summary>
    public void SealWithKey(AuditSealKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (!IsSealed || SealKeyId is not null)
        {
            throw new InvalidOperationException("A row is keyed once, after it is placed in the chain.");
        }

        SealKeyId = key.Id;
        KeyedHash = key.Seal(Hash);
    }
}
