using LicenseAllocation.Application.Auditing;
using LicenseAllocation.Application.Appendix;
using LicenseAllocation.Application.Data;
using LicenseAllocation.Domain.Allocations;
using LicenseAllocation.Domain.Auditing;
using LicenseAllocation.Domain.Plans;
using LicenseAllocation.Domain.Units;
using Microsoft.EntityFrameworkCore;

namespace LicenseAllocation.Application.Seeding;

/// <summary>
/// Loads the 2020 plan exactly as the appendix of the seed letter gives it, once: the 22 provincial units with their
/// quantities, the district group with 3,960, its 12 district-level committees at 0 and their communes with GSO codes.
/// Every quantity set here is also written to the audit trail, so replaying the trail from zero gives today's figures.
/// </summary>
public sealed class Plan2020Seeder(IDbContextFactory<AllocationDbContext> contextFactory, TimeProvider clock)
{
    public const string SystemActor = "system";
    public const string PlanName = "Trang bị phần mềm phòng chống mã độc thống nhất trên toàn tỉnh";
    public const int PlanYear = 2020;
    public const string DistrictGroupName = "UBND 12 huyện, thành phố";

    /// <summary>The province of code 87 ended on 30/06/2025, when it merged with Tiền Giang and the district level was abolished.</summary>
    public static readonly DateOnly StructureEnd = new(2025, 6, 30);

    /// <returns>True when the plan was created now; false when it was already there.</returns>
    public async Task<bool> SeedAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Later plans (amendments, copies) do not count: only the 2020 plan itself means the seed is in.
        if (await db.Plans.AnyAsync(p => p.Year == PlanYear && p.Name == PlanName, cancellationToken))
        {
            return false;
        }

        var appendix = ReferenceData.Appendix2020();
        var gso = ReferenceData.DongThap2020();
        var now = clock.GetUtcNow().UtcDateTime;

        var root = OrganisationUnit.CreateRoot(gso.Province.Name, gso.Province.Code, validTo: StructureEnd);
        var topLevel = appendix.Rows.Select(row => (Row: row, Unit: OrganisationUnit.CreateChild(
            root,
            row.IsDistrictGroup ? DistrictGroupName : row.Name,
            row.IsDistrictGroup ? UnitKind.DistrictGroup : UnitKind.ProvincialAgency,
            code: null,
            order: row.Stt))).ToList();
        var group = topLevel.Single(t => t.Row.IsDistrictGroup).Unit;
        var below = new List<OrganisationUnit>();
        foreach (var (district, districtOrder) in gso.Districts.Select((d, i) => (d, i + 1)))
        {
            var committee = OrganisationUnit.CreateChild(group, district.Name, UnitKind.DistrictCommittee, district.Code, districtOrder);
            below.Add(committee);
            below.AddRange(district.Communes.Select((c, i) =>
                OrganisationUnit.CreateChild(committee, c.Name, UnitKind.CommuneCommittee, c.Code, i + 1)));
        }

        db.Units.Add(root);
        db.Units.AddRange(topLevel.Select(t => t.Unit));
        db.Units.AddRange(below);
        await db.SaveChangesAsync(cancellationToken);

        var plan = AllocationPlan.Create(PlanName, PlanYear, root.Id, now);
        plan.AttachDocument(new OfficialDocument(
            appendix.Header.DocumentNumber, new DateOnly(2020, 12, 1), DatePrecision.Month, appendix.Header.Issuer, appendix.Header.Superior));
        db.Plans.Add(plan);
        await db.SaveChangesAsync(cancellationToken);

        var reason = $"{AppendixQuery.Label} kèm theo Công văn số {appendix.Header.DocumentNumber} {appendix.Header.DocumentDate}";
        var documentRef = $"Công văn số {appendix.Header.DocumentNumber} {appendix.Header.DocumentDate}";
        var changeSet = Guid.NewGuid();
        var audit = new List<AuditEntry>();
        var nodes = new Dictionary<int, AllocationNode>();
        foreach (var unit in new[] { root }.Concat(topLevel.Select(t => t.Unit)).Concat(below))
        {
            nodes[unit.Id] = AllocationNode.Create(plan.Id, unit.Id);
        }

        void Allocate(OrganisationUnit unit, int quantity)
        {
            nodes[unit.Id].SetQuantity(quantity);
            if (unit.ParentId is { } parentId)
            {
                nodes[parentId].AddHandedOn(quantity);
            }

            audit.Add(AuditEntry.QuantityChange(plan.Id, unit.Id, SystemActor, now, 0, quantity, reason, changeSet, AuditAction.Seeded).UnderDocument(documentRef));
        }

        Allocate(root, appendix.Total);
        foreach (var (row, unit) in topLevel)
        {
            Allocate(unit, row.Quantity);
        }

        db.Nodes.AddRange(nodes.Values);
        await AuditTrail.AppendAsync(db, audit, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }
}
