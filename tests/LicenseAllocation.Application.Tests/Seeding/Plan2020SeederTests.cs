using System.Text;
using LicenseAllocation.Application.Plans;
using LicenseAllocation.Application.Seeding;
using LicenseAllocation.Domain.Auditing;
using LicenseAllocation.Domain.Units;
using LicenseAllocation.Testing;
using Microsoft.EntityFrameworkCore;
using Shouldly;

namespace LicenseAllocation.Application.Tests.Seeding;

public sealed class Plan2020SeederTests : IAsyncLifetime
{
    private SqliteTestDatabase _database = default!;

    public async ValueTask InitializeAsync() => _database = await SqliteTestDatabase.CreateAsync();

    public async ValueTask DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task The_seeded_plan_hands_out_exactly_the_appendix_total()
    {
        var plan = (await new PlanQueries(_database.Factory).ListAsync(SeededPlan.Admin, TestContext.Current.CancellationToken)).Value!.Single();

        (plan.TotalLicenses, plan.Allocated, plan.Remaining).ShouldBe((SeedFacts.Total, SeedFacts.Total, 0));
        plan.Year.ShouldBe(2020);
        plan.ProductName.ShouldBeNull();
        plan.Document!.AppendixReference.ShouldBe("(Kèm theo Công văn số /STTTT-CNTT ngày tháng 12 năm 2020 của Sở Thông tin và Truyền thông)");
    }

    [Fact]
    public async Task The_tree_holds_the_22_agencies_the_district_group_12_districts_and_143_communes()
    {
        await using var db = await _database.Factory.CreateDbContextAsync(TestContext.Current.CancellationToken);
        var units = await db.Units.ToListAsync(TestContext.Current.CancellationToken);

        units.Count.ShouldBe(SeedFacts.Units);
        units.Count(u => u.Kind == UnitKind.ProvincialAgency).ShouldBe(22);
        units.Count(u => u.Kind == UnitKind.DistrictCommittee).ShouldBe(SeedFacts.Districts);
        units.Count(u => u.Kind == UnitKind.CommuneCommittee).ShouldBe(SeedFacts.Communes);
        units.Where(u => u.Kind == UnitKind.DistrictCommittee).OrderBy(u => u.Order).Select(u => u.Code)
            .ShouldBe(Enumerable.Range(866, 12).Select(c => c.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        units.ShouldAllBe(u => u.Name.IsNormalized(NormalizationForm.FormC));
        units.Single(u => u.Code == "30181").Name.ShouldBe("Xã Tân Khánh Trung");
    }

    [Fact]
    public async Task Agencies_and_the_district_group_hold_their_appendix_quantities_and_districts_start_at_zero()
    {
        await using var db = await _database.Factory.CreateDbContextAsync(TestContext.Current.CancellationToken);
        var figures = await (from n in db.Nodes join u in db.Units on n.UnitId equals u.Id select new { u.Name, u.Kind, n.Quantity, n.HandedOn })
            .ToListAsync(TestContext.Current.CancellationToken);

        figures.Single(f => f.Name == "Sở Nông nghiệp và Phát triển nông thôn").Quantity.ShouldBe(198);
        figures.Single(f => f.Name == "Văn phòng Ban An toàn giao thông").Quantity.ShouldBe(3);
        figures.Where(f => f.Kind == UnitKind.ProvincialAgency).Sum(f => f.Quantity).ShouldBe(SeedFacts.ProvincialUnits);
        figures.Single(f => f.Kind == UnitKind.DistrictGroup).ShouldBe(new { Name = "UBND 12 huyện, thành phố", Kind = UnitKind.DistrictGroup, Quantity = 3960, HandedOn = 0 });
        figures.Where(f => f.Kind is UnitKind.DistrictCommittee or UnitKind.CommuneCommittee).ShouldAllBe(f => f.Quantity == 0);
    }

    [Fact]
    public async Task Seeding_again_changes_nothing()
    {
        var seeder = new Plan2020Seeder(_database.Factory, TimeProvider.System);

        (await seeder.SeedAsync(TestContext.Current.CancellationToken)).ShouldBeFalse();

        await using var db = await _database.Factory.CreateDbContextAsync(TestContext.Current.CancellationToken);
        (await db.Plans.CountAsync(TestContext.Current.CancellationToken)).ShouldBe(1);
        (await db.Units.CountAsync(TestContext.Current.CancellationToken)).ShouldBe(SeedFacts.Units);
    }

    [Fact]
    public async Task Every_seeded_quantity_is_in_the_audit_trail()
    {
        await using var db = await _database.Factory.CreateDbContextAsync(TestContext.Current.CancellationToken);
        var seeded = await db.AuditEntries.Where(a => a.Action == AuditAction.Seeded).ToListAsync(TestContext.Current.CancellationToken);

        seeded.Count.ShouldBe(1 + SeedFacts.AppendixRows);
        seeded.Sum(a => a.NewValue ?? 0).ShouldBe(SeedFacts.Total * 2);
        seeded.ShouldAllBe(a => a.Actor == Plan2020Seeder.SystemActor && a.OldValue == 0);
        seeded.Select(a => a.ChangeSetId).Distinct().Count().ShouldBe(1);
    }
}
