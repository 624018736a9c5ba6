using System.Diagnostics;
using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Allocations;
using LicenseAllocation.Application.Common;
using LicenseAllocation.Application.Identity;
using LicenseAllocation.Domain.Allocations;

namespace LicenseAllocation.Application.Tests.Concurrency;

internal sealed record RaceResult(IReadOnlyList<(ChangeQuantity Edit, Outcome<UnitNodeView> Outcome)> Results, TimeSpan Elapsed)
{
    public int Successes => Results.Count(r => r.Outcome.Succeeded);

    public IReadOnlyList<AllocationError> Refusals => [.. Results.Where(r => !r.Outcome.Succeeded).Select(r => r.Outcome.Error!)];
}

/// <summary>Runs edits at the same moment, each as its own caller, the way officials at different desks would.</summary>
internal static class Race
{
    public static async Task<RaceResult> RunAsync(QuantityService service, IReadOnlyList<ChangeQuantity> edits, CancellationToken cancellationToken)
    {
        var waiting = 0;
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var stopwatch = Stopwatch.StartNew();
        var runs = edits.Select(edit => Task.Run(
            async () =>
            {
                // Nobody starts before everybody is ready, so the edits overlap instead of trickling in one by one.
                if (Interlocked.Increment(ref waiting) == edits.Count)
                {
                    go.SetResult();
                }

                await go.Task;
                var caller = new Caller("admin", PortalRole.ProvinceAdmin);
                return (edit, await service.ChangeAsync(caller, edit, cancellationToken));
            },
            cancellationToken)).ToList();
        var results = await Task.WhenAll(runs);
        return new RaceResult(results, stopwatch.Elapsed);
    }
}
