using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Common;
using LicenseAllocation.Application.Data;
using LicenseAllocation.Application.Plans;
using Microsoft.EntityFrameworkCore;

namespace LicenseAllocation.Application.Decisions;

/// <summary>The decisions of a plan's levels that the caller reads: all for the whole plan's readers, else those above and within the caller's scope.</summary>
public sealed class DecisionQueries(IDbContextFactory<AllocationDbContext> contextFactory)
{
    public Task<Outcome<IReadOnlyList<LevelDecisionView>>> ListAsync(Caller caller, int planId, CancellationToken cancellationToken = default) =>
        PlanReading.ReadAsync(contextFactory, caller, planId, async db =>
        {
            var levels = await DecisionLevels.ReadAsync(db, planId, issuingUnitId: null, cancellationToken);
            return await VisibleAsync(db, caller, levels, cancellationToken);
        }, cancellationToken);

    /// <summary>
    /// The levels whose figures a change of <paramref name="unitId"/>'s quantity moves — its own (what it has not handed
    /// on), its parent's (what the parent has handed on) and its grandparent's (which of its units still hold licences) —
    /// read at the cost of those levels alone, so a page can put them in place after an edit instead of reading every level.
    /// </summary>
    public Task<Outcome<IReadOnlyList<LevelDecisionView>>> ListMovedByAsync(Caller caller, int planId, int unitId, CancellationToken cancellationToken = default) =>
        PlanReading.ReadAsync(contextFactory, caller, planId, async db =>
        {
            var moved = new List<int> { unitId };
            for (var parent = await UnitScope.ParentOfAsync(db, unitId, cancellationToken); parent is { } id && moved.Count < 3;
                 parent = await UnitScope.ParentOfAsync(db, id, cancellationToken))
            {
                moved.Add(id);
            }

            var levels = await DecisionLevels.ReadAsync(db, planId, moved, cancellationToken);
            return await VisibleAsync(db, caller, levels, cancellationToken);
        }, cancellationToken);

    // A level is read from its own scope's path up (the letter, the detailed allocation, the district) and down (every
    // level within the scope).
    private static async Task<IReadOnlyList<LevelDecisionView>> VisibleAsync(
        AllocationDbContext db, Caller caller, IReadOnlyList<LevelDecisionView> levels, CancellationToken cancellationToken)
    {
        if (AccessPolicy.SeesWholeTree(caller))
        {
            return levels;
        }

        if (caller.ScopeUnitId is not { } scope)
        {
            return [];
        }

        // The issuers' parents are issuers, so walking up the levels' own parents finds the scope; only the scope's
        // ancestors need the database, once, however many levels the plan has. Levels read on their own (not the whole
        // list) may miss the issuers in between: those walk up in the database.
        var above = await UnitScope.AncestorsAsync(db, scope, cancellationToken);
        var parentOf = levels.ToDictionary(l => l.IssuingUnitId, l => l.ParentUnitId);
        async Task<bool> WithinScopeAsync(int unitId)
        {
            for (int? current = unitId; current is { } id;
                 current = parentOf.TryGetValue(id, out var parent) ? parent : await UnitScope.ParentOfAsync(db, id, cancellationToken))
            {
                if (id == scope)
                {
                    return true;
                }
            }

            return false;
        }

        var visible = new List<LevelDecisionView>();
        foreach (var level in levels)
        {
            if (above.Contains(level.IssuingUnitId) || await WithinScopeAsync(level.IssuingUnitId))
            {
                visible.Add(level);
            }
        }

        return visible;
    }
}
