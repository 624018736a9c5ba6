namespace LicenseAllocation.Domain.Auditing;

/// <summary>
/// The end of the audit chain: the last row's sequence and hash, in one row. Every writer locks it before it seals its
/// rows, so rows are chained in commit order; comparing it with the last stored row detects rows removed at the end.
/// </summary>
public sealed class AuditChainHead
{
    public const int SingletonId = 1;

    private AuditChainHead()
    {
    }

    public int Id { get; private set; } = SingletonId;

    public long Sequence { get; private set; }

    public string LastHash { get; private set; } = string.Empty;

    /// <summary>Records the row that now ends the chain.</summary>
    public void MoveTo(long sequence, string lastHash)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sequence, Sequence);
        ArgumentNullException.ThrowIfNull(lastHash);
        Sequence = sequence;
        LastHash = lastHash;
    }
}
