using System.Text.Json;
using LicenseAllocation.Application.Allocations;
using LicenseAllocation.Application.Appendix;
using LicenseAllocation.Testing;
using Shouldly;

namespace LicenseAllocation.Application.Tests.Appendix;

public sealed class AppendixQueryTests : IAsyncLifetime
{
    private SqliteTestDatabase _database = default!;

    public async ValueTask InitializeAsync() => _database = await SqliteTestDatabase.CreateAsync();

    public async ValueTask DisposeAsync() => await _database.DisposeAsync();

    private async Task<AppendixDocument> AppendixAsync()
    {
        var planId = await SeededPlan.PlanIdAsync(_database.Factory);
        return (await new AppendixQuery(_database.Factory).GetAsync(SeededPlan.Admin, planId, TestContext.Current.CancellationToken)).Value!;
    }

    [Fact]
    public async Task The_seeded_plan_gives_the_23_rows_of_the_letter_in_order()
    {
        using var stream = typeof(AppendixDocument).Assembly.GetManifestResourceStream("Seeding.appendix-2020.json")!;
        using var letter = await JsonDocument.ParseAsync(stream, cancellationToken: TestContext.Current.CancellationToken);
        var expected = letter.RootElement.GetProperty("rows").EnumerateArray()
            .Select(r => new AppendixRow(r.GetProperty("stt").GetInt32(), r.GetProperty("name").GetString()!, r.GetProperty("quantity").GetInt32()))
            .ToList();

        var appendix = await AppendixAsync();

        appendix.Rows.ShouldBe(expected);
        appendix.Total.ShouldBe(SeedFacts.Total);
        appendix.IssuerSuperior.ShouldBe("UBND TỈNH ĐỒNG THÁP");
        appendix.Reference.ShouldBe("(Kèm theo Công văn số /STTTT-CNTT ngày tháng 12 năm 2020 của Sở Thông tin và Truyền thông)");
    }

    [Fact]
    public async Task The_district_row_stops_announcing_a_detailed_split_once_the_districts_hold_all_of_it()
    {
        var planId = await SeededPlan.PlanIdAsync(_database.Factory);
        var service = new QuantityService(_database.Factory, TimeProvider.System);
        var districts = new List<int>();
        for (var code = 866; code <= 877; code++)
        {
            districts.Add(await SeededPlan.UnitIdByCodeAsync(_database.Factory, code.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        foreach (var district in districts)
        {
            (await service.ChangeAsync(SeededPlan.Admin, new ChangeQuantity(planId, district, 330, "Phân bổ cho cấp huyện"), TestContext.Current.CancellationToken))
                .Succeeded.ShouldBeTrue();
        }

        var row = (await AppendixAsync()).Rows[^1];
        row.ShouldBe(new AppendixRow(23, "UBND 12 huyện, thành phố", 3960));
    }
}
