using System.Diagnostics;
using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Allocations;
using LicenseAllocation.Application.Data;
using LicenseAllocation.Application.Decisions;
using LicenseAllocation.Application.Identity;
using LicenseAllocation.Application.Plans;
using LicenseAllocation.Domain.Plans;
using Microsoft.EntityFrameworkCore;

namespace LicenseAllocation.Web.Hosting;

/// <summary>
/// Reads what the first officers will open before the portal listens: the plan list, and for the plans still in use
/// the top of the tree, an edit's checks (one that keeps a quantity as it is), the decisions by level, the overview
/// figures and a search (which builds the plan's search snapshot). The first request after a start then costs what any other does, instead of paying for query compilation
/// and a national plan's snapshot. A read that fails is logged and skipped: warming never stops the portal.
/// </summary>
internal static class PortalWarmUp
{
    /// <summary>Plans warmed at most, the newest first; older versions are opened rarely.</summary>
    public const int MaxPlans = 3;

    // Only reads, as the whole-province reader the administrator is; nothing is written or audited (an edit that keeps
    // a quantity as it is writes nothing).
    private static readonly Caller Reader = new("warm-up", PortalRole.ProvinceAdmin);

    public static async Task WarmUpAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        var logger = provider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(PortalWarmUp));
        var started = Stopwatch.GetTimestamp();
        try
        {
            var plans = await provider.GetRequiredService<PlanQueries>().ListAsync(Reader, cancellationToken);
            var inUse = (plans.Value ?? []).Where(p => p.Status != PlanStatus.Superseded).OrderByDescending(p => p.Id).Take(MaxPlans).ToList();
            foreach (var plan in inUse)
            {
                var top = await provider.GetRequiredService<TreeBrowsing>().GetTopAsync(Reader, plan.Id, cancellationToken);
                await CheckAnEditAsync(provider, plan.Id, top.Value, cancellationToken);
                await provider.GetRequiredService<TreeBrowsing>().SearchAsync(Reader, plan.Id, new TreeFilter("xã"), limit: 1, cancellationToken);
                await provider.GetRequiredService<DecisionQueries>().ListAsync(Reader, plan.Id, cancellationToken);
                await provider.GetRequiredService<PlanProgressQuery>().GetAsync(Reader, plan.Id, cancellationToken);
            }

            logger.LogInformation("Warmed up {Plans} plans in {Elapsed:0} ms", inUse.Count, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
#pragma warning disable CA1031 // Warming is a courtesy to the first users; the portal serves without it.
        catch (Exception failure) when (failure is not OperationCanceledException)
#pragma warning restore CA1031
        {
            logger.LogWarning(failure, "Warming up failed; the first requests read cold");
        }
    }

    /// <summary>
    /// Checks an edit that keeps a unit's quantity as it is: the edit's reads and checks run (and their compiled queries
    /// are made) as for the first officer's edit, and a quantity left as it is writes nothing and audits nothing. The
    /// service is made without the portal's metrics, so the check is not counted as an accepted edit.
    /// </summary>
    private static async Task CheckAnEditAsync(IServiceProvider provider, int planId, IReadOnlyList<TreeRow>? top, CancellationToken cancellationToken)
    {
        if (top?.FirstOrDefault(row => row.Node.ParentUnitId is not null) is not { } row)
        {
            return;
        }

        var quantities = new QuantityService(provider.GetRequiredService<IDbContextFactory<AllocationDbContext>>(), provider.GetRequiredService<TimeProvider>());
        await quantities.ChangeAsync(Reader, new ChangeQuantity(planId, row.Node.UnitId, row.Node.Quantity, "Khởi động cổng"), cancellationToken);
    }
}
