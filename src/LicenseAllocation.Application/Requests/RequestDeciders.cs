using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Data;
using LicenseAllocation.Application.Identity;
using LicenseAllocation.Domain.Allocations;
using LicenseAllocation.Domain.Units;
using Microsoft.EntityFrameworkCore;

namespace LicenseAllocation.Application.Requests;

/// <summary>A unit's place in the tree, as the request rules read it.</summary>
internal sealed record UnitPlace(int Id, int? ParentId, UnitKind Kind, string Name);

/// <summary>
/// Who decides a unit's request: the district the unit stands under (its district officer decides), or none (the province
/// administrator decides). A district's own request goes to the province, like its quota.
/// </summary>
internal static class RequestDeciders
{
    /// <summary>The nearest district strictly above the unit, or null; <paramref name="places"/> maps unit id → place.</summary>
    public static int? DecidingDistrict(int unitId, IReadOnlyDictionary<int, UnitPlace> places)
    {
        for (var current = places.GetValueOrDefault(unitId)?.ParentId; current is { } id && places.TryGetValue(id, out var place); current = place.ParentId)
        {
            if (place.Kind == UnitKind.DistrictCommittee)
            {
                return id;
            }
        }

        return null;
    }

    /// <summary>The unit and its ancestors, read a level at a time (the tree is a handful of levels deep).</summary>
    public static async Task<Dictionary<int, UnitPlace>> ChainAsync(AllocationDbContext db, int unitId, CancellationToken cancellationToken)
    {
        var places = new Dictionary<int, UnitPlace>();
        for (int? current = unitId; current is { } id && !places.ContainsKey(id);)
        {
            var place = await db.Units.AsNoTracking().Where(u => u.Id == id).Select(u => new UnitPlace(u.Id, u.ParentId, u.Kind, u.Name)).SingleOrDefaultAsync(cancellationToken);
            if (place is null)
            {
                break;
            }

            places[id] = place;
            current = place.ParentId;
        }

        return places;
    }

    /// <summary>Every unit of a plan, for listing its requests.</summary>
    public static Task<Dictionary<int, UnitPlace>> OfPlanAsync(AllocationDbContext db, int planId, CancellationToken cancellationToken) =>
        (from n in db.Nodes.AsNoTracking()
         join u in db.Units.AsNoTracking() on n.UnitId equals u.Id
         where n.PlanId == planId
         select new UnitPlace(u.Id, u.ParentId, u.Kind, u.Name)).ToDictionaryAsync(p => p.Id, cancellationToken);

    /// <summary>Whether the unit is the caller's scope unit or lies below it, read from <paramref name="places"/>.</summary>
    public static bool IsWithin(Caller caller, int unitId, IReadOnlyDictionary<int, UnitPlace> places)
    {
        if (caller.ScopeUnitId is not { } scope)
        {
            return false;
        }

        for (int? current = unitId; current is { } id; current = places.GetValueOrDefault(id)?.ParentId)
        {
            if (id == scope)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Null when the caller decides the unit's requests; else why not (a decider elsewhere: out of scope).</summary>
    public static AllocationError? CheckDecider(Caller caller, int unitId, IReadOnlyDictionary<int, UnitPlace> places)
    {
        if (!AccessPolicy.MayDecideRequests(caller))
        {
            return AllocationError.Forbidden();
        }

        var district = DecidingDistrict(unitId, places);
        return AccessPolicy.CanDecideRequest(caller, district) ? null
            : caller.Role == PortalRole.ProvinceAdmin && district is { } id && places.GetValueOrDefault(id) is { } place ? AllocationError.DecidedByDistrict(place.Name)
            : AllocationError.OutOfScope();
    }
}
