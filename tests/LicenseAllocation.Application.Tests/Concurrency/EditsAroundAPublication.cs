using LicenseAllocation.Domain.Allocations;

namespace LicenseAllocation.Application.Tests.Concurrency;

/// <summary>
/// Writers that edit until they are refused, and the moment a publication should start: once <paramref name="before"/>
/// edits have been answered, so that edits run on both sides of it.
/// </summary>
internal sealed class EditsAroundAPublication(int before, int maxPerWorker)
{
    private readonly TaskCompletionSource _start = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _answered;

    /// <summary>Completes when the publication should start.</summary>
    public Task StartPublishing => _start.Task;

    /// <summary>Calls <paramref name="edit"/> with 0, 1, 2… until it answers a refusal (or <c>maxPerWorker</c> times); every answer in order.</summary>
    public async Task<List<AllocationError?>> UntilRefusedAsync(Func<int, Task<AllocationError?>> edit)
    {
        var errors = new List<AllocationError?>();
        for (var i = 0; i < maxPerWorker && errors.LastOrDefault() is null; i++)
        {
            errors.Add(await edit(i));
            if (Interlocked.Increment(ref _answered) == before)
            {
                _start.SetResult();
            }
        }

        return errors;
    }
}
