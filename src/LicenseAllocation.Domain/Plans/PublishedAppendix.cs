using System.Security.Cryptography;

namespace LicenseAllocation.Domain.Plans;

/// <summary>
/// The official appendix workbook as it was generated when its plan was published, kept byte for byte. Units are
/// shared between plans, so a published appendix cannot be rebuilt later: a unit renamed in a later draft would
/// change it. Stored once, never updated; <see cref="Sha256"/> lets anyone check a copy they were sent.
/// </summary>
public sealed class PublishedAppendix
{
    private PublishedAppendix(int planId, byte[] content, string sha256, DateTime createdAtUtc)
    {
        PlanId = planId;
        Content = content;
        Sha256 = sha256;
        CreatedAtUtc = createdAtUtc;
    }

    public int PlanId { get; private set; }

    public byte[] Content { get; private set; }

    /// <summary>SHA-256 of <see cref="Content"/>, lower-case hex.</summary>
    public string Sha256 { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public static PublishedAppendix Of(int planId, byte[] content, DateTime createdAtUtc)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (content.Length == 0)
        {
            throw new ArgumentException("An appendix workbook is never empty.", nameof(content));
        }

        return new PublishedAppendix(planId, [.. content], HashOf(content), createdAtUtc);
    }

    public static string HashOf(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));
}
