using System.Net;
using System.Net.Http.Json;
using Shouldly;

namespace LicenseAllocation.Web.Tests.Api;

public sealed class LockedPlanApiTests(PublishedPortal published) : IClassFixture<PublishedPortal>
{
    private const string Units = "/api/v1/plans/1/units";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Task ShouldBeLockedAndUnchangedAsync(Func<HttpClient, Task<HttpResponseMessage>> write) =>
        ShouldBeRefusedAndUnchangedAsync(
            write,
            "decision-locked",
            "Quyết định phân bổ của Thành phố Cao Lãnh đã ban hành nên số liệu và danh sách đơn vị cấp này đã khóa, không thể sửa. Muốn thay đổi, đơn vị ban hành mở lại quyết định để điều chỉnh.");

    private async Task ShouldBeRefusedAndUnchangedAsync(Func<HttpClient, Task<HttpResponseMessage>> write, string code, string detail)
    {
        using var client = await published.Portal.CreateAdminClientAsync();
        var before = await client.GetStringAsync(Units, Ct);

        using var response = await write(client);

        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var problem = (await response.Content.ReadFromJsonAsync<ProblemJson>(Ct))!;
        problem.Code.ShouldBe(code);
        problem.Detail.ShouldBe(detail);
        (await client.GetStringAsync(Units, Ct)).ShouldBe(before);
    }

    [Fact]
    public Task Setting_a_quantity_is_409_decision_locked() =>
        ShouldBeLockedAndUnchangedAsync(c => c.PutAsJsonAsync($"{Units}/{published.Ward11}/quantity", new { quantity = 20, reason = "Giao cho phường" }, Ct));

    [Fact]
    public async Task A_batch_is_refused_with_each_frozen_unit_decision_locked()
    {
        using var client = await published.Portal.CreateAdminClientAsync();
        var before = await client.GetStringAsync(Units, Ct);

        using var response = await client.PutAsJsonAsync("/api/v1/plans/1/quantities", new
        {
            reason = "Nhập từ Excel",
            items = new[] { new { unitId = published.Ward11, quantity = 20 } },
        }, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var body = await response.Content.ReadAsStringAsync(Ct);
        body.ShouldContain("\"code\":\"batch-refused\"");
        body.ShouldContain("\"code\":\"decision-locked\"");
        (await client.GetStringAsync(Units, Ct)).ShouldBe(before);
    }

    [Fact]
    public Task Adding_a_unit_is_409_decision_locked() =>
        ShouldBeLockedAndUnchangedAsync(c => c.PostAsJsonAsync(Units, new { parentUnitId = published.CaoLanh, name = "Phòng Nội vụ", kind = "DistrictAgency" }, Ct));

    [Fact]
    public Task Renaming_a_unit_is_409_decision_locked() =>
        ShouldBeLockedAndUnchangedAsync(c => c.PatchAsJsonAsync($"{Units}/{published.Ward11}", new { name = "Phường 11 mới" }, Ct));

    [Fact]
    public Task Reordering_a_unit_is_409_decision_locked() =>
        ShouldBeLockedAndUnchangedAsync(c => c.PatchAsJsonAsync($"{Units}/{published.Ward11}", new { order = 1 }, Ct));

    [Fact]
    public Task Deactivating_a_unit_is_409_decision_locked() =>
        ShouldBeLockedAndUnchangedAsync(c => c.PatchAsJsonAsync($"{Units}/{published.Ward11}", new { active = false }, Ct));

    [Fact]
    public Task Adding_the_standard_agencies_is_409_decision_locked() =>
        ShouldBeLockedAndUnchangedAsync(c => c.PostAsync($"{Units}/{published.CaoLanh}/standard-agencies", content: null, Ct));

    [Fact]
    public Task Publishing_the_letter_again_is_409_plan_locked() =>
        ShouldBeRefusedAndUnchangedAsync(
            c => c.PostAsJsonAsync("/api/v1/plans/1/publish", new { documentNumber = "99/STTTT-CNTT", documentDate = "2021-02-01", signer = "Giám đốc" }, Ct),
            "plan-locked",
            "Kế hoạch đã ban hành, đã được thay thế hoặc đang có bản điều chỉnh nên phần này đã khóa, không thể sửa. Muốn thay đổi, hãy làm việc trên bản điều chỉnh mới nhất của kế hoạch.");

    [Fact]
    public Task Publishing_the_districts_decision_again_is_409_decision_locked() =>
        ShouldBeLockedAndUnchangedAsync(c => c.PostAsJsonAsync($"/api/v1/plans/1/decisions/{published.CaoLanh}/publish", new { documentNumber = "16/QĐ-UBND", documentDate = "2021-02-02", signer = "Chủ tịch" }, Ct));

    [Fact]
    public async Task The_levels_read_as_published_with_their_documents()
    {
        using var client = await published.Portal.CreateAdminClientAsync();

        var levels = (await client.GetFromJsonAsync<DecisionJson[]>("/api/v1/plans/1/decisions", Ct))!;

        levels.Length.ShouldBe(14);
        levels.Count(l => l.Status == "Published").ShouldBe(3);
        var caoLanh = levels.Single(l => l.IssuingUnitId == published.CaoLanh);
        (caoLanh.DocumentNumber, caoLanh.DocumentDate, caoLanh.IssuingBody, caoLanh.Version).ShouldBe(("15/QĐ-UBND", "2021-02-01", "UBND Thành phố Cao Lãnh", 1));
        var appendix = await client.GetByteArrayAsync($"/api/v1/plans/1/decisions/{published.CaoLanh}/appendix.xlsx", Ct);
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(appendix)).ShouldBe(caoLanh.AppendixSha256);
    }

    private sealed record DecisionJson(int IssuingUnitId, string Status, int Version, string? DocumentNumber, string? DocumentDate, string? IssuingBody, string? AppendixSha256);

    [Fact]
    public async Task The_refusal_is_explained_in_English_on_request()
    {
        using var client = await published.Portal.CreateAdminClientAsync();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-US");

        var response = await client.PutAsJsonAsync($"{Units}/{published.Ward11}/quantity", new { quantity = 20, reason = "Giao cho phường" }, Ct);

        (await response.Content.ReadFromJsonAsync<ProblemJson>(Ct))!.Detail.ShouldBe(
            "The allocation decision of Thành phố Cao Lãnh has been published, so the figures and units of this level are locked. To change them, the issuing unit opens the decision again for an amendment.");
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
