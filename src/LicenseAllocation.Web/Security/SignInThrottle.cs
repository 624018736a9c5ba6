using System.Security.Cryptography;
using System.Threading.RateLimiting;
using LicenseAllocation.Application.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace LicenseAllocation.Web.Security;

/// <summary>
/// What every sign-in attempt shares across requests: the per-user-name rate limit, one lock per user name (so that an
/// attempt is counted before the next one for that name is checked), and the hash that an attempt which cannot succeed
/// is verified against, so that it costs the same as a real one.
/// </summary>
internal sealed class SignInThrottle : IDisposable
{
    private readonly PartitionedRateLimiter<string> _perUserName;
    private readonly Dictionary<string, NameLock> _locks = new(StringComparer.Ordinal);
    private readonly PasswordHasher<PortalUser> _hasher;
    private readonly Lazy<string> _dummyHash;

    /// <param name="limits">The per-user-name window.</param>
    /// <param name="hasherOptions">Identity's hashing settings: the dummy check costs what the user store's hasher costs.</param>
    public SignInThrottle(IOptions<PortalRateLimits> limits, IOptions<PasswordHasherOptions> hasherOptions)
    {
        var hasher = new PasswordHasher<PortalUser>(hasherOptions);
        var window = limits.Value.SignInPerUserName;
        _perUserName = PartitionedRateLimiter.Create<string, string>(name => RateLimitPartition.GetFixedWindowLimiter(name, _ => window.ToLimiterOptions()));
        _hasher = hasher;
        _dummyHash = new Lazy<string>(() => hasher.HashPassword(new PortalUser(), RandomNumberGenerator.GetHexString(32)));
    }

    /// <summary>Takes one attempt from the name's allowance; null when allowed, else how long to wait.</summary>
    public TimeSpan? Admit(string normalizedName)
    {
        using var lease = _perUserName.AttemptAcquire(normalizedName);
        if (lease.IsAcquired)
        {
            return null;
        }

        return lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
    }

    /// <summary>Holds the name's lock until disposed: attempts for one user name are checked one at a time.</summary>
    public async Task<IDisposable> LockAsync(string normalizedName, CancellationToken cancellationToken)
    {
        NameLock entry;
        lock (_locks)
        {
            if (!_locks.TryGetValue(normalizedName, out entry!))
            {
                entry = new NameLock(this, normalizedName);
                _locks[normalizedName] = entry;
            }

            entry.Users++;
        }

        try
        {
            await entry.Semaphore.WaitAsync(cancellationToken);
        }
        catch
        {
            Leave(entry, held: false);
            throw;
        }

        return new Holder(entry);
    }

    /// <summary>Verifies <paramref name="password"/> against a hash no password matches: the work of a real check, for nothing.</summary>
    public void SpendAsMuchAsACheck(string? password) => _hasher.VerifyHashedPassword(new PortalUser(), _dummyHash.Value, password ?? string.Empty);

    public void Dispose() => _perUserName.Dispose();

    private void Leave(NameLock entry, bool held)
    {
        if (held)
        {
            entry.Semaphore.Release();
        }

        lock (_locks)
        {
            // The last one out removes the lock, so that names tried once do not stay in memory.
            if (--entry.Users == 0)
            {
                _locks.Remove(entry.Name);
                entry.Semaphore.Dispose();
            }
        }
    }

    private sealed class NameLock(SignInThrottle owner, string name)
    {
        public SignInThrottle Owner { get; } = owner;

        public string Name { get; } = name;

        public SemaphoreSlim Semaphore { get; } = new(1, 1);

        public int Users { get; set; }
    }

    private sealed class Holder(NameLock entry) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                entry.Owner.Leave(entry, held: true);
            }
        }
    }
}
