using System.Security.Cryptography;
using System.Text;

namespace LicenseAllocation.Domain.Auditing;

/// <summary>
/// A secret key, kept outside the database, that seals each audit row with an HMAC-SHA256 over the row's hash. Its
/// <see cref="Id"/> is derived from the key itself (the first 16 hex digits of its SHA-256), so a row records which key
/// sealed it without any register of names, and a retired key is found again by the rows that name it.
/// </summary>
public sealed class AuditSealKey
{
    /// <summary>The fewest bytes a key may have: as many as the HMAC-SHA256 output.</summary>
    public const int MinimumBytes = 32;

    /// <summary>The characters of <see cref="Id"/>.</summary>
    public const int IdLength = 16;

    private readonly byte[] _secret;

    private AuditSealKey(byte[] secret)
    {
        _secret = secret;
        Id = Convert.ToHexStringLower(SHA256.HashData(secret))[..IdLength];
    }

    public string Id { get; }

    public static AuditSealKey FromBytes(ReadOnlySpan<byte> secret)
    {
        if (secret.Length < MinimumBytes)
        {
            throw new ArgumentException($"An audit seal key has at least {MinimumBytes} bytes.", nameof(secret));
        }

        return new AuditSealKey(secret.ToArray());
    }

    /// <summary>A key written as Base64 (as in configuration and key files).</summary>
    public static AuditSealKey FromBase64(string text)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        return FromBytes(Convert.FromBase64String(text.Trim()));
    }

    /// <summary>A new random key, written as Base64.</summary>
    public static string NewBase64() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(MinimumBytes));

    /// <summary>The keyed seal of a row whose unkeyed hash is <paramref name="hash"/> (lower-case hex).</summary>
    public string Seal(string hash)
    {
        ArgumentNullException.ThrowIfNull(hash);
        return Convert.ToHexStringLower(HMACSHA256.HashData(_secret, Encoding.UTF8.GetBytes(Id + ":" + hash)));
    }

    /// <summary>Whether <paramref name="keyedHash"/> is this key's seal of <paramref name="hash"/> (compared in constant time).</summary>
    public bool Verifies(string hash, string keyedHash)
    {
        ArgumentNullException.ThrowIfNull(keyedHash);
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Seal(hash)), Encoding.ASCII.GetBytes(keyedHash));
    }
}

/// <summary>
/// The keys the portal seals and verifies with: <see cref="Current"/> seals new rows; retired keys only verify the rows
/// they sealed before a rotation.
/// </summary>
public sealed class AuditSealKeyRing
{
    private readonly Dictionary<string, AuditSealKey> _keys;

    public AuditSealKeyRing(AuditSealKey current, IEnumerable<AuditSealKey>? retired = null)
    {
        ArgumentNullException.ThrowIfNull(current);
        Current = current;
        _keys = new Dictionary<string, AuditSealKey>(StringComparer.Ordinal) { [current.Id] = current };
        foreach (var key in retired ?? [])
        {
            _keys.TryAdd(key.Id, key);
        }
    }

    public AuditSealKey Current { get; }

    /// <summary>Every key's id, the current one first.</summary>
    public IReadOnlyCollection<string> KeyIds => _keys.Keys;

    public AuditSealKey? Find(string? id) => id is not null && _keys.TryGetValue(id, out var key) ? key : null;
}
