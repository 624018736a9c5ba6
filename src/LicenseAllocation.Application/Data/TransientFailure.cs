using System.Data.Common;

namespace LicenseAllocation.Application.Data;

/// <summary>Recognises failures that a retry of the whole transaction can cure: deadlocks, serialisation failures, a busy SQLite file.</summary>
internal static class TransientFailure
{
    public const int MaxAttempts = 8;

    public static bool Is(Exception exception)
    {
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            if (current is DbException { IsTransient: true })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A short random pause so that writers that collided do not collide again in step.</summary>
    public static Task BackOffAsync(int attempt, CancellationToken cancellationToken) =>
        Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 20) * attempt), cancellationToken);
}
