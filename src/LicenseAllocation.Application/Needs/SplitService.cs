using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Common;
using LicenseAllocation.Application.Data;
using LicenseAllocation.Domain.Allocations;
using LicenseAllocation.Domain.Needs;
using Microsoft.EntityFrameworkCore;

namespace LicenseAllocation.Application.Needs;

/// <summary>One child in a split proposal: what it holds now, what is suggested, and its exact share.</summary>
public sealed record SplitProposalItem(int UnitId, string Name, int Current, int Suggested, decimal Exact, int Need, int Shortfall);

/// <summary>A proposal; nothing is changed by making one. <see cref="UsedBasis"/> differs from <see cref="Basis"/> after a fallback.</summary>
public sealed record SplitProposal(int PlanId, int UnitId, int Amount, SplitBasis Basis, SplitBasis UsedBasis, IReadOnlyList<SplitProposalItem> Items);

/// <summary>
/// Proposes how a unit splits an amount among its active children (<see cref="SplitSuggestion"/>). The amount defaults
/// to the unit's quantity: the proposal is a new set of figures for the children, to replace the current ones. A
/// child's shortfall here is what its subtree needs beyond what it bought itself (need − self-purchased): the
/// allocation being split is left out, so a re-split does not favour the children that hold least now. Reading only:
/// every reader of the unit may ask; applying goes through <c>QuantityBatchService</c> with one reason.
/// </summary>
public sealed class SplitService(IDbContextFactory<AllocationDbContext> contextFactory)
{
    public async Task<Outcome<SplitProposal>> SuggestAsync(Caller caller, int planId, int unitId, int? amount, SplitBasis basis, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!AccessPolicy.CanReadPlans(caller))
        {
            return AllocationError.Forbidden();
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var node = await db.Nodes.AsNoTracking().Where(n => n.PlanId == planId && n.UnitId == unitId).Select(n => new { n.Quantity }).SingleOrDefaultAsync(cancellationToken);
        if (node is null)
        {
            return AllocationError.NotFound();
        }

        if (!AccessPolicy.CanRead(caller, await UnitScope.IsWithinAsync(db, caller, unitId, cancellationToken)))
        {
            return AllocationError.OutOfScope();
        }

        var tree = await PlanTree.ReadAsync(db, planId, cancellationToken);
        var children = tree.Ordered.Where(r => r.Node.ParentUnitId == unitId && r.Node.IsActive).ToList();
        var total = amount ?? node.Quantity;
        var candidates = new List<SplitCandidate>();
        var figures = children.Count == 0
            ? new Dictionary<int, (CoverageFigures Own, CoverageFigures Subtree)>()
            : await CoverageComputation.ComputeAsync(db, planId, tree.Depth, [.. children.Select(c => c.Node.UnitId)], cancellationToken);
        foreach (var child in children)
        {
            var subtree = figures.TryGetValue(child.Node.UnitId, out var f) ? f.Subtree : new CoverageFigures(0, 0, 0, 0);
            candidates.Add(new SplitCandidate(child.Node.UnitId, subtree.Need, Math.Max(0, subtree.Need - subtree.SelfPurchased)));
        }

        if (SplitSuggestion.Check(total, candidates) is { } refused)
        {
            return refused;
        }

        var result = SplitSuggestion.Split(total, candidates, basis);
        return new SplitProposal(
            planId, unitId, total, basis, result.Used,
            [.. children.Select((c, i) => new SplitProposalItem(
                c.Node.UnitId, c.Node.Name, c.Node.Quantity, result.Shares[i].Suggested, result.Shares[i].Exact, candidates[i].Need, candidates[i].Shortfall))]);
    }
}
