namespace LicenseAllocation.Application.Auditing;

/// <summary>
/// The result of checking the whole audit chain. When not <see cref="Valid"/>, <see cref="FirstBrokenId"/> is the id
/// of the first row that does not hash to its stored value or does not follow the row before it (null when rows are
/// missing at the end of the trail), <see cref="FirstBrokenSequence"/> its place in the chain, and <see cref="Problem"/>
/// says what is wrong.
/// </summary>
public sealed record AuditChainVerdict(bool Valid, long Checked, long? FirstBrokenId, long? FirstBrokenSequence, AuditChainProblem? Problem, string HeadHash);

public enum AuditChainProblem
{
    /// <summary>The row's content no longer hashes to the hash stored with it: the row was edited.</summary>
    ContentChanged,

    /// <summary>The row does not continue from the row before it: a row before it was removed or inserted.</summary>
    ChainBroken,

    /// <summary>The last stored row is not the one the chain head records: rows were removed at the end.</summary>
    TailMissing,
}
