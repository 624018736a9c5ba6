using System.Net;
using System.Net.Http.Json;
using Shouldly;

namespace LicenseAllocation.Web.Tests.Api;

public sealed class LockedPlanApiTests(PublishedPortal published) : IClassFixture<PublishedPortal>
{
    private const string Units = "/api/v1/plans/1/units";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task ShouldBeLockedAndUnchangedAsync(Func<HttpClient, Task<HttpResponseMessage>> write)
    {
        using var client = await published.Portal.CreateAdminClientAsync();
        var before = await client.GetStringAsync(Units, Ct);

        using var response = await write(client);

        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var problem = (await response.Content.ReadFromJsonAsync<ProblemJson>(Ct))!;
        problem.Code.ShouldBe("plan-locked");
        problem.Detail.ShouldBe("Kế hoạch đã ban hành nên số liệu và danh sách đơn vị đã khóa, không thể sửa. Muốn thay đổi, quản trị cấp tỉnh tạo bản điều chỉnh của kế hoạch.");
        (await client.GetStringAsync(Units, Ct)).ShouldBe(before);
    }

    [Fact]
    public Task Setting_a_quantity_is_409_plan_locked() =>
        ShouldBeLockedAndUnchangedAsync(c => c.PutAsJsonAsync($"{Units}/{published.Ward11}/quantity", new { quantity = 20, reason = "Giao cho phường" }, Ct));

    [Fact]
    public Task A_batch_is_409_plan_locked() =>
        ShouldBeLockedAndUnchangedAsync(c => c.PutAsJsonAsync("/api/v1/plans/1/quantities", new
        {
            reason = "Nhập từ Excel",
            items = new[] { new { unitId = published.Ward11, quantity = 20 } },
        }, Ct));

    [Fact]
    public Task Adding_a_unit_is_409_plan_locked() =>
        ShouldBeLockedAndUnchangedAsync(c => c.PostAsJsonAsync(Units, new { parentUnitId = published.CaoLanh, name = "Phòng Nội vụ", kind = "DistrictAgency" }, Ct));

    [Fact]
    public Task Renaming_a_unit_is_409_plan_locked() =>
        ShouldBeLockedAndUnchangedAsync(c => c.PatchAsJsonAsync($"{Units}/{published.Ward11}", new { name = "Phường 11 mới" }, Ct));

    [Fact]
    public Task Reordering_a_unit_is_409_plan_locked() =>
        ShouldBeLockedAndUnchangedAsync(c => c.PatchAsJsonAsync($"{Units}/{published.Ward11}", new { order = 1 }, Ct));

    [Fact]
    public Task Deactivating_a_unit_is_409_plan_locked() =>
        ShouldBeLockedAndUnchangedAsync(c => c.PatchAsJsonAsync($"{Units}/{published.Ward11}", new { active = false }, Ct));

    [Fact]
    public Task Adding_the_standard_agencies_is_409_plan_locked() =>
        ShouldBeLockedAndUnchangedAsync(c => c.PostAsync($"{Units}/{published.CaoLanh}/standard-agencies", content: null, Ct));

    [Fact]
    public Task Publishing_again_is_409_plan_locked() =>
        ShouldBeLockedAndUnchangedAsync(c => c.PostAsJsonAsync("/api/v1/plans/1/publish", new { documentNumber = "99/STTTT-CNTT", documentDate = "2021-02-01", signer = "Giám đốc" }, Ct));

    [Fact]
    public async Task The_refusal_is_explained_in_English_on_request()
    {
        using var client = await published.Portal.CreateAdminClientAsync();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-US");

        var response = await client.PutAsJsonAsync($"{Units}/{published.Ward11}/quantity", new { quantity = 20, reason = "Giao cho phường" }, Ct);

        (await response.Content.ReadFromJsonAsync<ProblemJson>(Ct))!.Detail.ShouldBe(
            "The plan has been published, so its figures and units are locked. To change them, a province administrator creates an amendment of the plan.");
    }

    [Fact]
    public async Task The_published_plan_reads_with_its_letter_and_appendix_hash()
    {
        using var client = await published.Portal.CreateAdminClientAsync();

        var plan = (await client.GetFromJsonAsync<PlanDetailJson>("/api/v1/plans/1", Ct))!;

        (plan.Status, plan.Version, plan.PublishedBy).ShouldBe(("Published", 1, "admin"));
        (plan.Document!.Number, plan.Document.Date, plan.Document.Signer).ShouldBe(("12/STTTT-CNTT", "2021-01-05", "Phó Giám đốc Nguyễn Văn An"));
        var appendix = await client.GetByteArrayAsync("/api/v1/plans/1/appendix.xlsx", Ct);
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(appendix)).ShouldBe(plan.AppendixSha256);
    }
}
