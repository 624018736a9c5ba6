using System.Net;
using System.Net.Http.Json;
using Shouldly;

namespace LicenseAllocation.Web.Tests.Api;

/// <summary>
/// Needs, purchases, coverage and the split through the API. Each test works on a copy of the 2020 plan of its own, so
/// that the product it announces and the figures it states touch no other test.
/// </summary>
public sealed class NeedApiTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const int OfficeOfTheCommittee = 2; // VP. UBND tỉnh, 65

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<int> CopyAsync(HttpClient client)
    {
        var response = await client.PostAsJsonAsync("/api/v1/plans/1/copies", new { name = $"Kế hoạch thử {Guid.NewGuid():N}", year = 2021 }, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        return (await response.Content.ReadFromJsonAsync<PlanDetailJson>(Ct))!.Id;
    }

    private static async Task<ProblemJson> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        response.StatusCode.ShouldBe(status);
        return (await response.Content.ReadFromJsonAsync<ProblemJson>(Ct))!;
    }

    private static object Purchase(string product = "Bkav Endpoint", int quantity = 5) => new
    {
        productName = product,
        vendor = "Bkav",
        quantity,
        contractNumber = "15/2021/HĐ",
        contractDate = "2021-02-20",
        termStart = "2021-03-01",
        termEnd = "2022-02-28",
        licenceKey = "ABCD-EFGH-1234",
    };

    [Fact]
    public async Task A_need_is_answered_with_the_units_coverage_and_an_absurd_one_with_invalid_need()
    {
        using var client = await portal.CreateAdminClientAsync();
        var planId = await CopyAsync(client);

        var response = await client.PutAsJsonAsync($"/api/v1/plans/{planId}/units/{OfficeOfTheCommittee}/need", new { computers = 80 }, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var item = (await response.Content.ReadFromJsonAsync<CoverageItemJson>(Ct))!;
        (item.Need, item.Allocated, item.Covered, item.Shortfall, item.CoveragePercent, item.Status).ShouldBe((80, 65, 65, 15, 81.3m, "shortfall"));
        (await ProblemAsync(await client.PutAsJsonAsync($"/api/v1/plans/{planId}/units/{OfficeOfTheCommittee}/need", new { computers = -4 }, Ct), HttpStatusCode.BadRequest))
            .Code.ShouldBe("invalid-need");
        (await ProblemAsync(await client.PutAsJsonAsync($"/api/v1/plans/{planId}/units/{OfficeOfTheCommittee}/need", new { computers = "12" }, Ct), HttpStatusCode.BadRequest))
            .Code.ShouldBe("invalid-need");

        var coverage = (await client.GetFromJsonAsync<CoverageJson>($"/api/v1/plans/{planId}/coverage", Ct))!;
        coverage.Items[0].Subtree.Need.ShouldBe(80);
        coverage.Items[0].Subtree.Allocated.ShouldBe(5137);
    }

    [Fact]
    public async Task The_api_refuses_a_purchase_before_the_product_is_announced_and_of_another_product_after()
    {
        using var client = await portal.CreateAdminClientAsync();
        var planId = await CopyAsync(client);
        var path = $"/api/v1/plans/{planId}/units/{OfficeOfTheCommittee}/purchases";

        (await ProblemAsync(await client.PostAsJsonAsync(path, Purchase(), Ct), HttpStatusCode.Conflict)).Code.ShouldBe("product-not-announced");
        (await client.PutAsJsonAsync($"/api/v1/plans/{planId}/product", new { productName = "Bkav Endpoint", vendor = "Bkav" }, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ProblemAsync(await client.PostAsJsonAsync(path, Purchase("Kaspersky"), Ct), HttpStatusCode.Conflict)).Code.ShouldBe("different-product");
        (await ProblemAsync(await client.PostAsJsonAsync(path, Purchase(quantity: 0), Ct), HttpStatusCode.BadRequest)).Code.ShouldBe("invalid-purchase");

        var created = await client.PostAsJsonAsync(path, Purchase("bkav  ENDPOINT"), Ct);
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var purchase = (await created.Content.ReadFromJsonAsync<PurchaseJson>(Ct))!;
        purchase.LicenceKey.ShouldBe("ABCD-EFGH-1234", "the administrator sees the key in full");
        (await client.GetFromJsonAsync<CoverageJson>($"/api/v1/plans/{planId}/coverage?unitId={OfficeOfTheCommittee}", Ct))!.Items.Single().SelfPurchased.ShouldBe(5);

        var cancel = await client.PostAsJsonAsync($"/api/v1/purchases/{purchase.Id}/cancel", new { reason = "Nhập nhầm" }, Ct);
        cancel.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ProblemAsync(await client.PostAsJsonAsync($"/api/v1/purchases/{purchase.Id}/cancel", new { reason = "Lần nữa" }, Ct), HttpStatusCode.Conflict))
            .Code.ShouldBe("purchase-cancelled");
        (await client.GetFromJsonAsync<PurchaseJson[]>(path, Ct))!.Single().Cancelled.ShouldBeTrue();
    }

    [Fact]
    public async Task The_3960_of_the_district_group_are_split_evenly_when_no_need_is_stated()
    {
        using var client = await portal.CreateAdminClientAsync();
        var planId = await CopyAsync(client);
        var coverage = (await client.GetFromJsonAsync<CoverageJson>($"/api/v1/plans/{planId}/coverage", Ct))!;
        var group = coverage.Items.Single(i => i.Name == "UBND 12 huyện, thành phố").UnitId;

        var response = await client.PostAsJsonAsync($"/api/v1/plans/{planId}/units/{group}/split-suggestion", new { basis = "shortfall" }, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var split = (await response.Content.ReadFromJsonAsync<SplitJson>(Ct))!;
        (split.Amount, split.Basis, split.UsedBasis).ShouldBe((3960, "shortfall", "even"));
        split.Items.Length.ShouldBe(12);
        split.Items.ShouldAllBe(i => i.Suggested == 330);
    }

    private sealed record FiguresJson(int Need, int Allocated, int SelfPurchased, int Covered, int Shortfall, int Surplus, decimal? CoveragePercent, string Status);

    private sealed record CoverageItemJson(
        int UnitId, string Name, int Need, int Allocated, int SelfPurchased, int Covered, int Shortfall, decimal? CoveragePercent, string Status, FiguresJson Subtree);

    private sealed record CoverageJson(int PlanId, int? UnitId, CoverageItemJson[] Items);

    private sealed record PurchaseJson(long Id, string ProductName, int Quantity, string? LicenceKey, bool Cancelled);

    private sealed record SplitItemJson(int UnitId, string Name, int Current, int Suggested, decimal Exact);

    private sealed record SplitJson(int Amount, string Basis, string UsedBasis, SplitItemJson[] Items);
}
