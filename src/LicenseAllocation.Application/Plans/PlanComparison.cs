using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Allocations;
using LicenseAllocation.Application.Common;
using LicenseAllocation.Application.Data;
using LicenseAllocation.Domain.Allocations;
using Microsoft.EntityFrameworkCore;

namespace LicenseAllocation.Application.Plans;

/// <summary>A unit whose quantity differs between two plans; a unit missing from one plan counts as 0 there.</summary>
public sealed record ComparisonItem(int UnitId, string? Code, string Name, int Depth, int Quantity, int OtherQuantity)
{
    /// <summary>What the unit holds in the plan compared, less what it holds in the other.</summary>
    public int Difference => Quantity - OtherQuantity;
}

/// <summary>Two plans side by side: their headline figures and, in tree order, exactly the units whose quantity differs.</summary>
public sealed record PlanComparisonResult(PlanSummary Plan, PlanSummary Other, IReadOnlyList<ComparisonItem> Items);

/// <summary>Compares two plans (typically a plan and its amendment) unit by unit, within what the caller may see.</summary>
public sealed class PlanComparison(IDbContextFactory<AllocationDbContext> contextFactory)
{
    public async Task<Outcome<PlanComparisonResult>> CompareAsync(Caller caller, int planId, int otherPlanId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!AccessPolicy.CanReadPlans(caller))
        {
            return AllocationError.Forbidden();
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var plan = await PlanQueries.FindAsync(db, planId, cancellationToken);
        var other = await PlanQueries.FindAsync(db, otherPlanId, cancellationToken);
        if (plan is null || other is null)
        {
            return AllocationError.NotFound();
        }

        var nodes = await PlanTreeQuery.Rows(db, planId).ToListAsync(cancellationToken);
        var otherNodes = await PlanTreeQuery.Rows(db, otherPlanId).ToListAsync(cancellationToken);
        var otherQuantities = otherNodes.ToDictionary(n => n.UnitId, n => n.Quantity);
        var quantities = nodes.ToDictionary(n => n.UnitId, n => n.Quantity);

        // Units are shared between plans and never re-parented, so the union of both node sets is one tree.
        var union = nodes.Concat(otherNodes.Where(n => !quantities.ContainsKey(n.UnitId))).ToList();
        if (UnitScope.VisibleTo(caller, union) is { } visible)
        {
            union = [.. union.Where(n => visible.Contains(n.UnitId))];
        }

        var items = PlanTreeQuery.InTreeOrder(union)
            .Select(row => new ComparisonItem(
                row.Node.UnitId,
                row.Node.Code,
                row.Node.Name,
                row.Depth,
                quantities.GetValueOrDefault(row.Node.UnitId),
                otherQuantities.GetValueOrDefault(row.Node.UnitId)))
            .Where(item => item.Quantity != item.OtherQuantity)
            .ToList();
        return new PlanComparisonResult(plan, other, items);
    }
}
