using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Common;
using LicenseAllocation.Application.Data;
using LicenseAllocation.Domain.Allocations;
using Microsoft.EntityFrameworkCore;

namespace LicenseAllocation.Application.Decisions;

/// <summary>The decisions of a plan's levels that the caller reads: all for the whole plan's readers, else those above and within the caller's scope.</summary>
public sealed class DecisionQueries(IDbContextFactory<AllocationDbContext> contextFactory)
{
    public async Task<Outcome<IReadOnlyList<LevelDecisionView>>> ListAsync(Caller caller, int planId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!AccessPolicy.CanReadPlans(caller))
        {
            return AllocationError.Forbidden();
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.Plans.AnyAsync(p => p.Id == planId, cancellationToken))
        {
            return AllocationError.NotFound();
        }

        var levels = await DecisionLevels.ReadAsync(db, planId, issuingUnitId: null, cancellationToken);
        if (AccessPolicy.SeesWholeTree(caller))
        {
            return Outcome.Success(levels);
        }

        var visible = new List<LevelDecisionView>();
        foreach (var level in levels)
        {
            if (await DecisionLevels.IsVisibleAsync(db, caller, level.IssuingUnitId, cancellationToken))
            {
                visible.Add(level);
            }
        }

        return Outcome.Success<IReadOnlyList<LevelDecisionView>>(visible);
    }
}
