using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using LicenseAllocation.Application.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

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
    /// <paramref name="now"/> later than the last one that signed in; if so that step is kept, and only one sign-in
    /// with the code passes, however many instances of the portal receive it at once.
    /// </summary>
    public static async Task<bool> RedeemAsync(
        UserManager<PortalUser> users, IDbContextFactory<AllocationDbContext> contexts, PortalUser user, string digits, DateTimeOffset now,
        CancellationToken cancellationToken = default) =>
        await CheckAsync(users, contexts, user, digits, now, cancellationToken) is { } redemption
        && await KeepAsync(contexts, redemption, cancellationToken);

    /// <summary>The step a code matched and the account's last step as it was read (null: no code ever signed in).</summary>
    internal sealed record Redemption(string UserId, string? LastRead, long Step);

    /// <summary>The step <paramref name="digits"/> would keep; null when it is not a code of the account or not later than the last.</summary>
    internal static async Task<Redemption?> CheckAsync(
        UserManager<PortalUser> users, IDbContextFactory<AllocationDbContext> contexts, PortalUser user, string digits, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(users);
        ArgumentNullException.ThrowIfNull(contexts);
        ArgumentNullException.ThrowIfNull(user);
        if (digits.Length != 6 || !digits.All(char.IsAsciiDigit) || await users.GetAuthenticatorKeyAsync(user) is not { Length: > 0 } key)
        {
            return null;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var read = await LastStepRow(db, user.Id).Select(t => t.Value).SingleOrDefaultAsync(cancellationToken);
        var last = long.TryParse(read, NumberStyles.None, CultureInfo.InvariantCulture, out var used) ? used : long.MinValue;
        return MatchingStep(FromBase32(key), digits, now.ToUnixTimeSeconds() / StepSeconds) is { } matched && matched > last
            ? new Redemption(user.Id, read, matched)
            : null;
    }

    /// <summary>
    /// Keeps the step only if the account's last step is still the one read. The lock on the user name is per process:
    /// two instances of the portal can both read the same last step. Identity's token store leans on the account's
    /// concurrency stamp, which refuses the later of two that change the row, but when neither found one (the
    /// account's first code) the later insert failed on the row's key and that sign-in ended in an error. So the write
    /// is a compare-and-set in the database, in a context of its own: an update on the value read (the later of two
    /// finds it changed and changes nothing), or the first step's insert (the later of two meets the row's key).
    /// Whoever changes nothing is refused, as for a code used before.
    /// </summary>
    internal static async Task<bool> KeepAsync(IDbContextFactory<AllocationDbContext> contexts, Redemption redemption, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(contexts);
        ArgumentNullException.ThrowIfNull(redemption);
        var step = redemption.Step.ToString(CultureInfo.InvariantCulture);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (redemption.LastRead is { } read)
        {
            return await LastStepRow(db, redemption.UserId).Where(t => t.Value == read)
                .ExecuteUpdateAsync(row => row.SetProperty(t => t.Value, step), cancellationToken) == 1;
        }

        db.UserTokens.Add(new IdentityUserToken<string> { UserId = redemption.UserId, LoginProvider = TokenProvider, Name = LastStepToken, Value = step });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException) when (!cancellationToken.IsCancellationRequested)
        {
            // Refused only when the row is there now: another sign-in added it first. Anything else is no refusal.
            if (await AnotherKeptAStepAsync(contexts, redemption.UserId))
            {
                return false;
            }

            throw;
        }
    }

    private static IQueryable<IdentityUserToken<string>> LastStepRow(AllocationDbContext db, string userId) =>
        db.UserTokens.AsNoTracking().Where(t => t.UserId == userId && t.LoginProvider == TokenProvider && t.Name == LastStepToken);

    /// <summary>Whether the account has a kept step, read in a context of its own (the failed insert's is spoilt).</summary>
    private static async Task<bool> AnotherKeptAStepAsync(IDbContextFactory<AllocationDbContext> contexts, string userId)
    {
        await using var db = await contexts.CreateDbContextAsync(CancellationToken.None);
        return await LastStepRow(db, userId).AnyAsync(CancellationToken.None);
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
