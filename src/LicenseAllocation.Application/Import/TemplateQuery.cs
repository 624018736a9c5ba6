using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Allocations;
using LicenseAllocation.Application.Common;
using LicenseAllocation.Application.Data;
using LicenseAllocation.Domain.Allocations;
using LicenseAllocation.Domain.Units;
using Microsoft.EntityFrameworkCore;

namespace LicenseAllocation.Application.Import;

/// <summary>
/// Builds the sub-allocation template of one unit for whoever may see that unit. Deactivated children are left out:
/// they hold 0 and can receive nothing (a row for one deactivated after the download is still read, see the importer).
/// </summary>
public sealed class TemplateQuery(IDbContextFactory<AllocationDbContext> contextFactory)
{
    public async Task<Outcome<TemplateDocument>> GetAsync(Caller caller, int planId, int unitId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!AccessPolicy.CanReadPlans(caller))
        {
            return AllocationError.Forbidden();
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var plan = await db.Plans.AsNoTracking().Where(p => p.Id == planId).Select(p => new { p.Name }).SingleOrDefaultAsync(cancellationToken);
        var nodes = plan is null ? [] : await PlanTreeQuery.Rows(db, planId).ToListAsync(cancellationToken);
        if (plan is null || nodes.SingleOrDefault(n => n.UnitId == unitId) is not { } unit)
        {
            return AllocationError.NotFound();
        }

        var withinScope = caller.ScopeUnitId is { } scope && UnitScope.Subtree(scope, nodes.ToDictionary(n => n.UnitId, n => n.ParentUnitId)).Contains(unitId);
        if (!AccessPolicy.CanRead(caller, withinScope))
        {
            return AllocationError.OutOfScope();
        }

        var children = nodes.Where(n => n.ParentUnitId == unitId && n.IsActive).OrderBy(n => n.Order).ThenBy(n => n.UnitId).ToList();
        var childIds = children.Select(n => n.UnitId).ToList();
        var needs = await db.UnitNeeds.AsNoTracking()
            .Where(n => n.PlanId == planId && childIds.Contains(n.UnitId))
            .ToDictionaryAsync(n => n.UnitId, n => n.Computers, cancellationToken);
        var rows = children
            .Select((n, i) => new TemplateRow(i + 1, n.Code ?? InternalUnitCode.Of(n.UnitId), n.Name, n.Quantity, needs.TryGetValue(n.UnitId, out var need) ? need : null))
            .ToList();
        return new TemplateDocument(planId, plan.Name, unit.UnitId, unit.Name, unit.Code, unit.Quantity, rows);
    }
}
