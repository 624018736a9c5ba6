using LicenseAllocation.Application.Allocations;
using LicenseAllocation.Application.Data;
using Microsoft.EntityFrameworkCore;

namespace LicenseAllocation.Application.Access;

/// <summary>Where a unit stands relative to a caller's scope unit, read from the unit tree.</summary>
internal static class UnitScope
{
    /// <summary>True when <paramref name="unitId"/> is the scope unit or lies below it.</summary>
    public static async Task<bool> IsWithinAsync(AllocationDbContext db, Caller caller, int unitId, CancellationToken cancellationToken)
    {
        if (caller.ScopeUnitId is not { } scope)
        {
            return false;
        }

        // Walk up: the tree is a handful of levels deep (province, group, district, commune).
        for (int? current = unitId; current is { } id; current = await db.Units.Where(u => u.Id == id).Select(u => u.ParentId).SingleOrDefaultAsync(cancellationToken))
        {
            if (id == scope)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The units above <paramref name="unitId"/>, up to the province (not the unit itself).</summary>
    public static async Task<HashSet<int>> AncestorsAsync(AllocationDbContext db, int unitId, CancellationToken cancellationToken)
    {
        var ancestors = new HashSet<int>();
        var parent = await ParentOfAsync(db, unitId, cancellationToken);
        while (parent is { } id && ancestors.Add(id))
        {
            parent = await ParentOfAsync(db, id, cancellationToken);
        }

        return ancestors;
    }

    /// <summary>The unit's parent, or null at the top (or for a unit that does not exist).</summary>
    public static Task<int?> ParentOfAsync(AllocationDbContext db, int unitId, CancellationToken cancellationToken) =>
        db.Units.Where(u => u.Id == unitId).Select(u => u.ParentId).SingleOrDefaultAsync(cancellationToken);

    /// <summary>
    /// The units of <paramref name="nodes"/> the caller may read: null for the roles that read the whole tree, else
    /// the scope unit's subtree, and nothing when the scope unit is not among them (or there is none).
    /// </summary>
    public static HashSet<int>? VisibleTo(Caller caller, IReadOnlyCollection<UnitNodeView> nodes)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(nodes);
        if (AccessPolicy.SeesWholeTree(caller))
        {
            return null;
        }

        return caller.ScopeUnitId is { } scope && nodes.Any(n => n.UnitId == scope)
            ? Subtree(scope, nodes.ToDictionary(n => n.UnitId, n => n.ParentUnitId))
            : [];
    }

    /// <summary>The scope unit and every unit below it among <paramref name="parents"/> (unit id → parent id).</summary>
    public static HashSet<int> Subtree(int scopeUnitId, IReadOnlyDictionary<int, int?> parents)
    {
        var children = parents.Where(p => p.Value is not null).ToLookup(p => p.Value!.Value, p => p.Key);
        var result = new HashSet<int>();
        var pending = new Stack<int>([scopeUnitId]);
        while (pending.Count > 0)
        {
            var id = pending.Pop();
            if (result.Add(id))
            {
                foreach (var child in children[id])
                {
                    pending.Push(child);
                }
            }
        }

        return result;
    }
}
