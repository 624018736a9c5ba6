using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Data;
using LicenseAllocation.Application.Identity;
using LicenseAllocation.Domain.Units;
using LicenseAllocation.Testing;
using Microsoft.EntityFrameworkCore;

namespace LicenseAllocation.Application.Tests;

/// <summary>Looks up units of the seeded 2020 plan by what an official would call them.</summary>
internal static class SeededPlan
{
    public static readonly Caller Admin = new("admin", PortalRole.ProvinceAdmin);

    /// <summary>The seeded 2020 plan, whatever amendments and copies were made from it.</summary>
    public static Task<int> PlanIdAsync(IDbContextFactory<AllocationDbContext> factory) => StoredPlan.SeededPlanIdAsync(factory, CancellationToken.None);

    public static async Task<int> UnitIdAsync(IDbContextFactory<AllocationDbContext> factory, string name)
    {
        await using var db = await factory.CreateDbContextAsync();
        return await db.Units.Where(u => u.Name == name).Select(u => u.Id).SingleAsync();
    }

    public static async Task<int> UnitIdByCodeAsync(IDbContextFactory<AllocationDbContext> factory, string code)
    {
        await using var db = await factory.CreateDbContextAsync();
        return await db.Units.Where(u => u.Code == code).Select(u => u.Id).SingleAsync();
    }

    public static async Task<int> RootIdAsync(IDbContextFactory<AllocationDbContext> factory)
    {
        await using var db = await factory.CreateDbContextAsync();
        return await db.Units.Where(u => u.Kind == UnitKind.Province).Select(u => u.Id).SingleAsync();
    }

    /// <summary>The unit's figures in the seeded plan.</summary>
    public static async Task<(int Quantity, int HandedOn)> FiguresAsync(IDbContextFactory<AllocationDbContext> factory, int unitId) =>
        await FiguresAsync(factory, await PlanIdAsync(factory), unitId);

    public static async Task<(int Quantity, int HandedOn)> FiguresAsync(IDbContextFactory<AllocationDbContext> factory, int planId, int unitId)
    {
        await using var db = await factory.CreateDbContextAsync();
        var node = await db.Nodes.SingleAsync(n => n.PlanId == planId && n.UnitId == unitId);
        return (node.Quantity, node.HandedOn);
    }
}
