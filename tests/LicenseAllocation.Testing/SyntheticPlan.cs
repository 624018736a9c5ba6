using LicenseAllocation.Application.Data;
using LicenseAllocation.Domain.Allocations;
using LicenseAllocation.Domain.Plans;
using LicenseAllocation.Domain.Units;
using Microsoft.EntityFrameworkCore;

namespace LicenseAllocation.Testing;

/// <summary>
/// A generated plan of a chosen number of units, shaped like a national tree: the province, its agencies, the district
/// group, and districts of 12 agencies and 15 communes each. Codes are zero-padded ("00042") and quantities follow the
/// rules, with some units at 0 and some districts keeping part of their quota, so every status occurs.
/// </summary>
public static class SyntheticPlan
{
    public const int AgenciesPerDistrict = 12;
    public const int CommunesPerDistrict = 15;
    private const int DistrictSize = 1 + AgenciesPerDistrict + CommunesPerDistrict;

    /// <summary>Districts take about 95 % of the units; provincial agencies make up the exact count.</summary>
    public static int DistrictsFor(int units) => (units - 2) * 95 / 100 / DistrictSize;

    /// <summary>Creates the plan in an empty, migrated database and returns its id.</summary>
    public static Task<int> CreateAsync(IDbContextFactory<AllocationDbContext> factory, int units, CancellationToken cancellationToken = default) =>
        CreateAsync(factory, units, largeDistrictChildren: 0, cancellationToken);

    /// <summary>
    /// Creates the plan and returns its id; with <paramref name="largeDistrictChildren"/> above 0 the first district
    /// ("Huyện số 1") has that many children (its 12 agencies, the rest communes) instead of 27, and the plan still has
    /// <paramref name="units"/> units in all. The units get their own root, so the database may already hold other plans.
    /// </summary>
    public static async Task<int> CreateAsync(IDbContextFactory<AllocationDbContext> factory, int units, int largeDistrictChildren, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(factory);
        if (largeDistrictChildren is < 0 or (> 0 and < AgenciesPerDistrict + CommunesPerDistrict))
        {
            throw new ArgumentOutOfRangeException(nameof(largeDistrictChildren), $"A large district has at least {AgenciesPerDistrict + CommunesPerDistrict} children.");
        }

        var extra = largeDistrictChildren == 0 ? 0 : largeDistrictChildren - AgenciesPerDistrict - CommunesPerDistrict;
        var districts = DistrictsFor(units - extra);
        var provincialAgencies = units - 2 - (districts * DistrictSize) - extra;
        if (districts < 1 || provincialAgencies < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(units), "A synthetic plan needs at least 31 units.");
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        db.ChangeTracker.AutoDetectChangesEnabled = false;

        // Leaves first get their quantities; every parent then holds what its children hold, plus a remainder for some.
        var quantities = new Dictionary<OrganisationUnit, int>();
        var children = new Dictionary<OrganisationUnit, List<OrganisationUnit>>();
        OrganisationUnit Child(OrganisationUnit parent, string name, UnitKind kind, string? code, int order, int quantity = 0)
        {
            var unit = OrganisationUnit.CreateChild(parent, name, kind, code, order);
            quantities[unit] = quantity;
            if (!children.TryGetValue(parent, out var list))
            {
                children[parent] = list = [];
            }

            list.Add(unit);
            return unit;
        }

        var root = OrganisationUnit.CreateRoot("Tỉnh Tổng Hợp", "99");
        for (var i = 1; i <= provincialAgencies; i++)
        {
            Child(root, $"Sở số {i}", UnitKind.ProvincialAgency, null, i, quantity: i % 6 * 5);
        }

        var group = Child(root, "UBND các huyện", UnitKind.DistrictGroup, null, provincialAgencies + 1);
        var commune = 0;
        for (var d = 1; d <= districts; d++)
        {
            var district = Child(group, $"Huyện số {d}", UnitKind.DistrictCommittee, d.ToString("000", System.Globalization.CultureInfo.InvariantCulture), d);
            for (var a = 1; a <= AgenciesPerDistrict; a++)
            {
                Child(district, $"Phòng số {a} huyện {d}", UnitKind.DistrictAgency, null, a, quantity: (a + d) % 4 == 0 ? 0 : 2);
            }

            var communes = d == 1 && largeDistrictChildren > 0 ? largeDistrictChildren - AgenciesPerDistrict : CommunesPerDistrict;
            for (var c = 1; c <= communes; c++)
            {
                commune++;
                Child(district, $"Xã số {c} huyện {d}", UnitKind.CommuneCommittee, commune.ToString("00000", System.Globalization.CultureInfo.InvariantCulture), AgenciesPerDistrict + c,
                    quantity: d % 7 == 0 ? 0 : (c % 5) * 3);
            }
        }

        int Fill(OrganisationUnit unit, int index)
        {
            if (!children.TryGetValue(unit, out var kids))
            {
                return quantities.GetValueOrDefault(unit);
            }

            var handedOn = kids.Select((k, i) => Fill(k, i)).Sum();
            quantities[unit] = handedOn + (index % 3 == 0 ? 4 : 0);
            return quantities[unit];
        }

        Fill(root, 0);

        var all = new List<OrganisationUnit> { root };
        all.AddRange(children.Values.SelectMany(k => k));
        db.Units.AddRange(all);
        await db.SaveChangesAsync(cancellationToken);

        var plan = AllocationPlan.Create($"Kế hoạch thử {units} đơn vị", 2026, root.Id, DateTime.UtcNow);
        db.Plans.Add(plan);
        await db.SaveChangesAsync(cancellationToken);

        var nodes = all.ToDictionary(u => u.Id, u => AllocationNode.Create(plan.Id, u.Id));
        foreach (var unit in all)
        {
            nodes[unit.Id].SetQuantity(quantities[unit]);
        }

        foreach (var unit in all.Where(u => u.ParentId is not null))
        {
            nodes[unit.ParentId!.Value].AddHandedOn(quantities[unit]);
        }

        db.Nodes.AddRange(nodes.Values);
        await db.SaveChangesAsync(cancellationToken);
        return plan.Id;
    }
}
