using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Shouldly;

namespace LicenseAllocation.Web.Tests.Api;

public sealed class PlanApiTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_health_endpoint_answers_when_the_database_does()
    {
        using var client = portal.CreateClient();

        (await client.GetAsync("/healthz", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_seeded_plan_is_listed_with_its_total_and_allocation()
    {
        using var client = await portal.CreateAdminClientAsync();

        var plans = await client.GetFromJsonAsync<PlanJson[]>("/api/v1/plans", Ct);

        var plan = plans.ShouldHaveSingleItem();
        (plan.Year, plan.TotalLicenses, plan.Allocated, plan.Status).ShouldBe((2020, 5137, 5137, "Draft"));
    }

    [Fact]
    public async Task Units_come_in_tree_order_with_their_figures()
    {
        using var client = await portal.CreateAdminClientAsync();

        var units = (await client.GetFromJsonAsync<UnitJson[]>("/api/v1/plans/1/units", Ct))!;

        units.Length.ShouldBe(179);
        units[0].ShouldBe(new UnitJson(1, null, "87", "Tỉnh Đồng Tháp", "Province", 5137, 5137, 0, 1));
        units[1].Name.ShouldBe("VP. UBND tỉnh");
        var group = units.Single(u => u.Kind == "DistrictGroup");
        (group.Quantity, group.HandedOn, group.Remaining).ShouldBe((3960, 0, 3960));
        var caoLanh = Array.FindIndex(units, u => u.Code == "866");
        units[caoLanh + 1].ShouldSatisfyAllConditions(u => u.Code.ShouldBe("29863"), u => u.Kind.ShouldBe("CommuneCommittee"));
        var seen = new HashSet<int>();
        foreach (var unit in units)
        {
            // Tree order: every parent comes before its children.
            (unit.ParentUnitId is null || seen.Contains(unit.ParentUnitId.Value)).ShouldBeTrue();
            seen.Add(unit.UnitId);
        }
    }

    [Fact]
    public async Task An_unknown_plan_is_404_with_a_code()
    {
        using var client = await portal.CreateAdminClientAsync();

        var response = await client.GetAsync("/api/v1/plans/999/units", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.Content.ReadFromJsonAsync<ProblemJson>(Ct))!.Code.ShouldBe("not-found");
    }

    [Fact]
    public async Task The_openapi_document_describes_the_v1_routes()
    {
        using var client = portal.CreateClient();

        using var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json", Ct));

        var paths = document.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        paths.ShouldContain("/api/v1/auth/token");
        paths.ShouldContain("/api/v1/plans");
        paths.ShouldContain("/api/v1/plans/{planId}/units");
        paths.ShouldContain("/api/v1/plans/{planId}/units/{unitId}/quantity");
    }
}
