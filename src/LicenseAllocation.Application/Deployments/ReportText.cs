using System.Text;

namespace LicenseAllocation.Application.Deployments;

/// <summary>
/// Turns the bytes of a text export into text: a byte order mark decides (UTF-8, UTF-16 little or big endian); without
/// one, the zero bytes every other byte of Latin text in UTF-16 betray it; otherwise the bytes must be valid UTF-8.
/// A legacy code page (TCVN3, VNI, Windows-1258) is refused rather than guessed, since a wrong guess turns every
/// Vietnamese group name into another one.
/// </summary>
internal static class ReportText
{
    public static (string? Text, DeploymentIssue? Issue) Decode(byte[] bytes, string? encodingName)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        var span = bytes.AsSpan();
        Encoding? encoding;
        int skip;
        if (span.StartsWith(new byte[] { 0xEF, 0xBB, 0xBF }))
        {
            (encoding, skip) = (Strict(new UTF8Encoding(false, true)), 3);
        }
        else if (span.StartsWith(new byte[] { 0xFF, 0xFE }))
        {
            (encoding, skip) = (new UnicodeEncoding(false, false, true), 2);
        }
        else if (span.StartsWith(new byte[] { 0xFE, 0xFF }))
        {
            (encoding, skip) = (new UnicodeEncoding(true, false, true), 2);
        }
        else
        {
            (encoding, skip) = (encodingName?.ToUpperInvariant() switch
            {
                "UTF-16" => new UnicodeEncoding(false, false, true),
                "UTF-16BE" => new UnicodeEncoding(true, false, true),
                "UTF-8" => Strict(new UTF8Encoding(false, true)),
                _ => Sniff(span),
            }, 0);
        }

        try
        {
            var text = encoding.GetString(bytes, skip, bytes.Length - skip);
            return text.Contains('\0', StringComparison.Ordinal)
                ? (null, new DeploymentIssue(DeploymentErrorCode.ReportBinary))
                : (text, null);
        }
        catch (DecoderFallbackException)
        {
            return (null, new DeploymentIssue(DeploymentErrorCode.ReportEncodingUnknown));
        }
    }

    private static UTF8Encoding Strict(UTF8Encoding encoding) => encoding;

    /// <summary>Text without a mark: UTF-16 when most of the even (or odd) bytes of its start are zero, else UTF-8.</summary>
    private static Encoding Sniff(ReadOnlySpan<byte> bytes)
    {
        var sample = bytes[..Math.Min(bytes.Length, 4096)];
        int zeroEven = 0, zeroOdd = 0;
        for (var i = 0; i < sample.Length; i++)
        {
            if (sample[i] == 0)
            {
                _ = i % 2 == 0 ? zeroEven++ : zeroOdd++;
            }
        }

        var pairs = Math.Max(1, sample.Length / 2);
        return zeroOdd * 10 > pairs * 6 ? new UnicodeEncoding(false, false, true)
            : zeroEven * 10 > pairs * 6 ? new UnicodeEncoding(true, false, true)
            : new UTF8Encoding(false, true);
    }
}
