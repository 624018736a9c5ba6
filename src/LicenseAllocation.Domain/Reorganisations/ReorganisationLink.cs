namespace LicenseAllocation.Domain.Reorganisations;

/// <summary>
/// One new unit ← one old unit it takes over. <see cref="OldUnitId"/> is null for a predecessor that this portal has
/// never held (a commune of the former Tiền Giang): its code and name are kept as the law names them. A split old unit
/// has one link per successor; <see cref="Share"/> is the part its successor takes (null: equal parts), and the shares of
/// an old unit's links add up to 1. A link the law leaves open is not <see cref="Confirmed"/>: a successor plan applies
/// it only once the administrator confirms or changes it.
/// </summary>
public sealed class ReorganisationLink
{
    public const int MaxOldNameLength = 200;

    private ReorganisationLink(int reorganisationId, int newUnitId, int? oldUnitId, string? oldCode, string oldName, decimal? share, bool partial, bool confirmed, int order)
    {
        ReorganisationId = reorganisationId;
        NewUnitId = newUnitId;
        OldUnitId = oldUnitId;
        OldCode = oldCode;
        OldName = oldName;
        Share = share;
        Partial = partial;
        Confirmed = confirmed;
        Order = order;
    }

    public long Id { get; private set; }

    public int ReorganisationId { get; private set; }

    public int NewUnitId { get; private set; }

    public int? OldUnitId { get; private set; }

    /// <summary>The old unit's GSO code as of the day before the reorganisation (codes are reused: read it with that date).</summary>
    public string? OldCode { get; private set; }

    /// <summary>The old unit's name as the legal basis gives it.</summary>
    public string OldName { get; private set; }

    public decimal? Share { get; private set; }

    /// <summary>Only part of the old unit went into the new one.</summary>
    public bool Partial { get; private set; }

    public bool Confirmed { get; private set; }

    /// <summary>Position among the new unit's predecessors, as the legal basis lists them.</summary>
    public int Order { get; private set; }

    public static ReorganisationLink Create(
        int reorganisationId, int newUnitId, int? oldUnitId, string? oldCode, string oldName, decimal? share, bool partial, bool confirmed, int order)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(oldName);
        if (share is < 0m or > 1m)
        {
            throw new ArgumentOutOfRangeException(nameof(share), share, "A share lies between 0 and 1.");
        }

        return new ReorganisationLink(reorganisationId, newUnitId, oldUnitId, string.IsNullOrWhiteSpace(oldCode) ? null : oldCode.Trim(), oldName, share, partial, confirmed, order);
    }
}
