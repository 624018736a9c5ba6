using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;

namespace LicenseAllocation.Testing;

/// <summary>
/// What an authenticator app computes (RFC 6238: HMAC-SHA1 over the 30-second step, six digits), written from the RFC
/// and not from the portal's code, so that a test proves a real app's code is accepted.
/// </summary>
public static class Totp
{
    /// <summary>The code for <paramref name="sharedKey"/> (Base32, any case, spaces allowed) at <paramref name="at"/> (now by default).</summary>
    public static string Code(string sharedKey, DateTimeOffset? at = null, int stepOffset = 0)
    {
        var step = ((at ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds() / 30) + stepOffset;
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
#pragma warning disable CA5350 // RFC 6238 as authenticator apps compute it: HMAC-SHA1.
        var hash = HMACSHA1.HashData(Base32(sharedKey), counter);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0F;
        var value = (BinaryPrimitives.ReadInt32BigEndian(hash.AsSpan(offset)) & 0x7FFFFFFF) % 1_000_000;
        return value.ToString("D6", CultureInfo.InvariantCulture);
    }

    /// <summary>A six-digit code that is not the key's for any step near now (the app's code plus one, checked).</summary>
    public static string WrongCode(string sharedKey)
    {
        var near = Enumerable.Range(-3, 7).Select(i => Code(sharedKey, stepOffset: i)).ToHashSet();
        return Enumerable.Range(0, 1000).Select(i => ((int.Parse(Code(sharedKey), CultureInfo.InvariantCulture) + 1 + i) % 1_000_000).ToString("D6", CultureInfo.InvariantCulture))
            .First(c => !near.Contains(c));
    }

    /// <summary>The key from an <c>otpauth://totp/…?secret=…</c> address, as a phone reads it from the QR code.</summary>
    public static string SecretOf(string authenticatorUri)
    {
        var query = new Uri(authenticatorUri).Query.TrimStart('?').Split('&');
        return Uri.UnescapeDataString(query.Single(p => p.StartsWith("secret=", StringComparison.Ordinal))["secret=".Length..]);
    }

    private static byte[] Base32(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var clean = text.Replace(" ", string.Empty, StringComparison.Ordinal).TrimEnd('=').ToUpperInvariant();
        var bytes = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in clean)
        {
            buffer = (buffer << 5) | alphabet.IndexOf(c, StringComparison.Ordinal);
            bits += 5;
            if (bits >= 8)
            {
                bytes.Add((byte)(buffer >> (bits - 8)));
                bits -= 8;
                buffer &= (1 << bits) - 1;
            }
        }

        return [.. bytes];
    }
}
