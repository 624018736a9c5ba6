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
