using System.Data.Common;

namespace LicenseAllocation.Application.Data;

/// <summary>Recognises failures that a retry of the whole transaction can cure: deadlocks, serialisation failures, a busy SQLite file.</summary>
internal static class TransientFailure
{
    public const int MaxAttempts = 12;

    private const int FirstPauseMilliseconds = 5;
    private const int LongestPauseMilliseconds = 400;

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

    /// <summary>
    /// A random pause that doubles with each attempt, up to 0,4 s: writers that collided do not collide again in step,
    /// and when two dozen of them race for one parent row the last ones wait long enough for the others to commit
    /// instead of running out of attempts (a busy two-core server takes a few hundred milliseconds to drain them).
    /// </summary>
    public static Task BackOffAsync(int attempt, CancellationToken cancellationToken) =>
        Task.Delay(TimeSpan.FromMilliseconds(PauseMilliseconds(attempt, Random.Shared.NextDouble())), cancellationToken);

    /// <summary>The pause before attempt <paramref name="attempt"/> + 1: half to all of the doubled step, <paramref name="jitter"/> in [0, 1).</summary>
    internal static double PauseMilliseconds(int attempt, double jitter)
    {
        var step = Math.Min(LongestPauseMilliseconds, FirstPauseMilliseconds * Math.Pow(2, Math.Max(0, attempt - 1)));
        return step * (0.5 + (jitter / 2));
    }

    /// <summary>
    /// Runs <paramref name="attempt"/> (one transaction) until it gives an answer: null means "what was read changed
    /// underneath, start over"; a transient database failure rolled the transaction back and is retried as well.
    /// </summary>
    public static async Task<T> RetryAsync<T>(Func<CancellationToken, Task<T?>> attempt, Func<string> givingUp, CancellationToken cancellationToken)
        where T : class
    {
        for (var number = 1; ; number++)
        {
            try
            {
                if (await attempt(cancellationToken) is { } result)
                {
                    return result;
                }
            }
            catch (Exception exception) when (Is(exception) && number < MaxAttempts)
            {
                // Deadlock or busy database: the transaction was rolled back as a whole, so trying again is safe.
            }

            if (number >= MaxAttempts)
            {
                throw new InvalidOperationException(givingUp());
            }

            await BackOffAsync(number, cancellationToken);
        }
    }
}
