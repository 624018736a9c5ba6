using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;

namespace LicenseAllocation.Application.Identity;

/// <summary>
/// The authenticator code at sign-in, used once only. A code is valid for its 30-second step and, as Identity accepts
/// it, two steps either side (clocks drift); within that window a code seen over a shoulder or taken from a phishing
/// page would sign in a second time. So the step of each code that signed in is kept with the account (Identity's own
/// token store, <c>AspNetUserTokens</c>: no new column), and a code of that step or an earlier one is refused.
/// </summary>
public static class SignInCodes
{
    /// <summary>Where the step is kept: the store's own provider name, beside the authenticator key.</summary>
    public const string TokenProvider = "[AspNetUserStore]";

    public const string LastStepToken = "LastSignInAuthenticatorStep";

    private const int StepSeconds = 30;
    private const int StepsEitherSide = 2;

    /// <summary>
    /// Whether <paramref name="digits"/> (six digits, spaces removed) is the account's code for a step near
    /// <paramref name="now"/> later than the last one that signed in; if so that step is kept. Call under the user
    /// name's lock, so that two sign-ins with one code cannot both pass.
    /// </summary>
    public static async Task<bool> RedeemAsync(UserManager<PortalUser> users, PortalUser user, string digits, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(users);
        if (digits.Length != 6 || !digits.All(char.IsAsciiDigit) || await users.GetAuthenticatorKeyAsync(user) is not { Length: > 0 } key)
        {
            return false;
        }

        var last = long.TryParse(await users.GetAuthenticationTokenAsync(user, TokenProvider, LastStepToken), NumberStyles.None, CultureInfo.InvariantCulture, out var used)
            ? used
            : long.MinValue;
        var step = MatchingStep(FromBase32(key), digits, now.ToUnixTimeSeconds() / StepSeconds);
        if (step is not { } matched || matched <= last)
        {
            return false;
        }

        return (await users.SetAuthenticationTokenAsync(user, TokenProvider, LastStepToken, matched.ToString(CultureInfo.InvariantCulture))).Succeeded;
    }

    /// <summary>The latest step within the window whose code is <paramref name="digits"/>; null when none is.</summary>
    private static long? MatchingStep(byte[] key, string digits, long current)
    {
        long? matched = null;
        var typed = System.Text.Encoding.ASCII.GetBytes(digits);
        for (var step = current - StepsEitherSide; step <= current + StepsEitherSide; step++)
        {
            if (CryptographicOperations.FixedTimeEquals(System.Text.Encoding.ASCII.GetBytes(Code(key, step)), typed))
            {
                matched = step;
            }
        }

        return matched;
    }

    /// <summary>RFC 6238 as authenticator apps and Identity compute it: HMAC-SHA1 over the step, six digits.</summary>
    private static string Code(byte[] key, long step)
    {
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
#pragma warning disable CA5350 // RFC 6238 as authenticator apps compute it: HMAC-SHA1.
        var hash = HMACSHA1.HashData(key, counter);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0F;
        var value = (BinaryPrimitives.ReadInt32BigEndian(hash.AsSpan(offset)) & 0x7FFFFFFF) % 1_000_000;
        return value.ToString("D6", CultureInfo.InvariantCulture);
    }

    private static byte[] FromBase32(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bytes = new List<byte>(text.Length * 5 / 8);
        int buffer = 0, bits = 0;
        foreach (var c in text.ToUpperInvariant())
        {
            var value = alphabet.IndexOf(c, StringComparison.Ordinal);
            if (value < 0)
            {
                continue;
            }

            buffer = (buffer << 5) | value;
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
