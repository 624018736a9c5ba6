using System.Collections.Concurrent;

namespace LicenseAllocation.Application.Common;

/// <summary>The heavy operations one user may run only one at a time.</summary>
public enum UserOperation
{
    /// <summary>Reading an uploaded workbook (a dry run or an import).</summary>
    Import,

    /// <summary>Writing a workbook for download.</summary>
    Export,
}

/// <summary>
/// One import and one export at a time per user (a singleton): a second one asked while the first runs is refused at
/// once (<c>import-in-progress</c>, <c>export-in-progress</c>, 429) instead of queueing, so one officer's uploads can
/// no longer take the server's cores from everyone else. User names are compared without regard to case, as Identity
/// compares them.
/// </summary>
public sealed class UserOperations
{
    private readonly ConcurrentDictionary<(string User, UserOperation Operation), byte> _running = new();

    /// <summary>A lease to dispose when the operation is over, or null when the user already runs one of this kind.</summary>
    public IDisposable? TryStart(string userName, UserOperation operation)
    {
        ArgumentNullException.ThrowIfNull(userName);
        var key = (userName.ToUpperInvariant(), operation);
        return _running.TryAdd(key, 0) ? new Lease(this, key) : null;
    }

    /// <summary>Whether the user runs an operation of this kind now.</summary>
    public bool IsRunning(string userName, UserOperation operation) =>
        _running.ContainsKey((userName.ToUpperInvariant(), operation));

    private sealed class Lease(UserOperations owner, (string, UserOperation) key) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                owner._running.TryRemove(key, out _);
            }
        }
    }
}
