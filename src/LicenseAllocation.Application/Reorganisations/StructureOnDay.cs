using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Common;
using LicenseAllocation.Application.Data;
using LicenseAllocation.Domain.Allocations;
using LicenseAllocation.Domain.Units;
using Microsoft.EntityFrameworkCore;

namespace LicenseAllocation.Application.Reorganisations;

/// <summary>One unit that existed on the day asked for, with its depth under its root (0 for a province).</summary>
public sealed record UnitOnDay(
    int UnitId, int? ParentId, int Depth, string Name, UnitKind Kind, string? Code, string? AgencyCode, DateOnly? ValidFrom, DateOnly? ValidTo, int Children);

/// <summary>The structure as it stood on one day, tree order (each unit before the units under it).</summary>
public sealed record StructureView(DateOnly Day, IReadOnlyList<UnitOnDay> Units)
{
    public int Provinces => Units.Count(u => u.ParentId is null);
}

/// <summary>
/// Which units existed on a date: a unit whose validity covers the day, under a parent that existed too. GSO codes are
/// read with their dates, since the 2025 reform reuses them. Public administrative facts: every signed-in role.
/// </summary>
public sealed class StructureOnDay(IDbContextFactory<AllocationDbContext> contextFactory)
{
    public async Task<Outcome<StructureView>> GetAsync(Caller caller, DateOnly day, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!AccessPolicy.CanReadPlans(caller))
        {
            return AllocationError.Forbidden();
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var units = await db.Units.AsNoTracking()
            .Where(u => u.IsActive && (u.ValidFrom == null || u.ValidFrom <= day) && (u.ValidTo == null || u.ValidTo >= day))
            .Select(u => new { u.Id, u.ParentId, u.Name, u.Kind, u.Code, u.AgencyCode, u.ValidFrom, u.ValidTo, u.Order })
            .ToListAsync(cancellationToken);
        var children = units.Where(u => u.ParentId is not null).OrderBy(u => u.Order).ThenBy(u => u.Id).ToLookup(u => u.ParentId!.Value);
        var result = new List<UnitOnDay>(units.Count);
        var stack = new Stack<(int Id, int Depth)>();
        foreach (var root in units.Where(u => u.ParentId is null).OrderBy(u => u.ValidFrom).ThenBy(u => u.Id).Reverse())
        {
            stack.Push((root.Id, 0));
        }

        var byId = units.ToDictionary(u => u.Id);
        while (stack.TryPop(out var next))
        {
            var u = byId[next.Id];
            var under = children[u.Id].ToList();
            result.Add(new UnitOnDay(u.Id, u.ParentId, next.Depth, u.Name, u.Kind, u.Code, u.AgencyCode, u.ValidFrom, u.ValidTo, under.Count));
            for (var i = under.Count - 1; i >= 0; i--)
            {
                stack.Push((under[i].Id, next.Depth + 1));
            }
        }

        return new StructureView(day, result);
    }
}
