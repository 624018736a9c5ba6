using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace LicenseAllocation.Application.Auditing;

/// <summary>
/// A head of the chain written down in the official records at some moment: its place and its hash, written
/// <c>&lt;sequence&gt;:&lt;hash&gt;</c> (as the trail page and the check show it). A later check says whether the chain
/// still holds that row with that hash; a chain rewritten from before that place no longer does.
/// </summary>
public sealed record AuditCheckpoint(long Sequence, string Hash)
{
    public override string ToString() => Sequence.ToString(CultureInfo.InvariantCulture) + ":" + Hash;

    public static bool TryParse(string? text, [NotNullWhen(true)] out AuditCheckpoint? checkpoint)
    {
        checkpoint = null;
        var parts = text?.Trim().Split(':');
        if (parts is not [var sequenceText, var hash]
            || !long.TryParse(sequenceText, NumberStyles.None, CultureInfo.InvariantCulture, out var sequence) || sequence < 1
            || hash.Length != 64 || !hash.All(char.IsAsciiHexDigit))
        {
            return false;
        }

        checkpoint = new AuditCheckpoint(sequence, hash.ToLowerInvariant());
        return true;
    }
}
