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

        if (caller.ScopeUnitId is not { } scope)
        {
            return Outcome.Success<IReadOnlyList<LevelDecisionView>>([]);
        }

        // A level is read from its own scope's path up (the letter, the detailed allocation, the district) and down (every
        // level within the scope). The issuers' parents are issuers, so walking up the levels' own parents finds the
        // scope; only the scope's ancestors need the database, once, however many levels the plan has.
        var above = await UnitScope.AncestorsAsync(db, scope, cancellationToken);
        var parentOf = levels.ToDictionary(l => l.IssuingUnitId, l => l.ParentUnitId);
        bool WithinScope(int unitId)
        {
            for (int? current = unitId; current is { } id; current = parentOf.GetValueOrDefault(id))
            {
                if (id == scope)
                {
                    return true;
                }
            }

            return false;
        }

        var visible = levels.Where(l => l.IssuingUnitId == scope || above.Contains(l.IssuingUnitId) || WithinScope(l.IssuingUnitId)).ToList();
        return Outcome.Success<IReadOnlyList<LevelDecisionView>>(visible);
    }
}
