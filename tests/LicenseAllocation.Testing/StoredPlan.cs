using LicenseAllocation.Application.Data;
using LicenseAllocation.Application.Seeding;
using LicenseAllocation.Domain.Allocations;
using LicenseAllocation.Domain.Auditing;
using LicenseAllocation.Domain.Units;
using Microsoft.EntityFrameworkCore;
using Shouldly;

namespace LicenseAllocation.Testing;

public sealed record StoredNode(int UnitId, int? ParentUnitId, UnitKind Kind, int Order, int Quantity, int HandedOn, int Version, int CarriedQuantity = 0);

/// <summary>One plan as stored: every node and the plan's audit trail in write order.</summary>
public sealed record StoredPlan(int PlanId, IReadOnlyList<StoredNode> Nodes, IReadOnlyList<AuditEntry> Audit)
{
    /// <summary>The seeded 2020 plan, whatever other plans (amendments, copies) the database holds.</summary>
    public static async Task<StoredPlan> LoadAsync(IDbContextFactory<AllocationDbContext> factory, CancellationToken cancellationToken) =>
        await LoadAsync(factory, await SeededPlanIdAsync(factory, cancellationToken), cancellationToken);

    public static async Task<int> SeededPlanIdAsync(IDbContextFactory<AllocationDbContext> factory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(factory);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.Plans
            .Where(p => p.Year == Plan2020Seeder.PlanYear && p.Name == Plan2020Seeder.PlanName && p.Version == 1)
            .Select(p => p.Id)
            .SingleAsync(cancellationToken);
    }

    public static async Task<StoredPlan> LoadAsync(IDbContextFactory<AllocationDbContext> factory, int planId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(factory);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var nodes = await (
            from n in db.Nodes
            join u in db.Units on n.UnitId equals u.Id
            where n.PlanId == planId
            select new StoredNode(n.UnitId, u.ParentId, u.Kind, u.Order, n.Quantity, n.HandedOn, n.Version, n.CarriedQuantity))
            .ToListAsync(cancellationToken);
        var audit = await db.AuditEntries.AsNoTracking().Where(a => a.PlanId == planId).OrderBy(a => a.Sequence).ToListAsync(cancellationToken);
        return new StoredPlan(planId, nodes, audit);
    }

    public StoredNode OnlyOf(UnitKind kind) => Nodes.Single(n => n.Kind == kind);

    public IReadOnlyList<StoredNode> OfKind(UnitKind kind) => [.. Nodes.Where(n => n.Kind == kind).OrderBy(n => n.Order)];

    public StoredNode this[int unitId] => Nodes.Single(n => n.UnitId == unitId);

    public AllocationTree Tree() => new(Nodes.Select(n => new TreeNode(n.UnitId, n.ParentUnitId, n.Quantity, n.HandedOn)));

    /// <summary>
    /// Replays the audit trail in write order over the figures the plan started with: zeros for a plan loaded from its
    /// appendix, what each unit was carried with for a plan made from another (its one PlanCreated row stands for the
    /// copy). Every row must continue from the value the previous one left (no lost update) and obey the rules at its
    /// turn; the result is what the nodes must hold.
    /// </summary>
    public AllocationTree Replay()
    {
        var handedOn = Nodes.Where(n => n.ParentUnitId is not null).GroupBy(n => n.ParentUnitId!.Value).ToDictionary(g => g.Key, g => g.Sum(n => n.CarriedQuantity));
        var tree = new AllocationTree(Nodes.Select(n => new TreeNode(n.UnitId, n.ParentUnitId, n.CarriedQuantity, handedOn.GetValueOrDefault(n.UnitId))));
        // Unit events (added, renamed, deactivated…) carry no quantity.
        foreach (var row in Audit.Where(a => a.Action is AuditAction.Seeded or AuditAction.QuantityChanged))
        {
            var unitId = row.UnitId.ShouldNotBeNull();
            tree[unitId].Quantity.ShouldBe(row.OldValue.ShouldNotBeNull(), $"audit row {row.Id} does not continue from the previous value of unit {unitId}");
            tree.ChangeQuantity(unitId, row.NewValue.ShouldNotBeNull()).ShouldBeNull($"audit row {row.Id} breaks the rules when replayed in order");
        }

        return tree;
    }
}
