namespace LicenseAllocation.Application.Auditing;

/// <summary>
/// The result of checking the whole audit chain. When not <see cref="Valid"/>, <see cref="FirstBrokenId"/> is the id
/// of the first row that does not hash to its stored value, does not follow the row before it or does not carry its
/// keyed seal (null when rows are missing at the end of the trail or a checkpoint is lost), <see cref="FirstBrokenSequence"/>
/// its place in the chain, and <see cref="Problem"/> says what is wrong. <see cref="KeyedSealsChecked"/> says whether
/// the keyed seals were checked (false when the check ran without the seal keys); <see cref="CheckpointHeld"/> whether
/// the chain still holds the checkpoint that was given (null when none was).
/// </summary>
public sealed record AuditChainVerdict(
    bool Valid,
    long Checked,
    long? FirstBrokenId,
    long? FirstBrokenSequence,
    AuditChainProblem? Problem,
    string HeadHash,
    long HeadSequence = 0,
    bool KeyedSealsChecked = false,
    AuditCheckpoint? Checkpoint = null,
    bool? CheckpointHeld = null)
{
    /// <summary>The head as it is written into the official records: <c>&lt;sequence&gt;:&lt;hash&gt;</c>.</summary>
    public string Head => new AuditCheckpoint(HeadSequence, HeadHash).ToString();
}

public enum AuditChainProblem
{
    /// <summary>The row's content no longer hashes to the hash stored with it: the row was edited.</summary>
    ContentChanged,

    /// <summary>The row does not continue from the row before it: a row before it was removed or inserted.</summary>
    ChainBroken,

    /// <summary>The last stored row is not the one the chain head records: rows were removed at the end.</summary>
    TailMissing,

    /// <summary>The row's keyed seal is missing or is not the key's seal of its hash: the row was re-sealed without the key.</summary>
    SealInvalid,

    /// <summary>The row names a seal key the portal does not hold: a retired key was dropped, or the key id was forged.</summary>
    UnknownSealKey,

    /// <summary>The chain no longer holds the checkpoint given: it was rewritten from that place or before.</summary>
    CheckpointLost,
}
