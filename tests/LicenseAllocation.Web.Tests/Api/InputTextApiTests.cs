using System.Net;
using System.Net.Http.Json;
using System.Text;
using Shouldly;

namespace LicenseAllocation.Web.Tests.Api;

/// <summary>The one text rule as every path applies it: a quantity's reason, a unit's name, an account, an import's reason.</summary>
public sealed class InputTextApiTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_zero_width_space_is_no_reason_for_a_change()
    {
        using var admin = await portal.CreateAdminClientAsync();

        var response = await admin.PutAsJsonAsync("/api/v1/plans/1/units/2/quantity", new { quantity = 60, reason = "\u200B" }, Ct);

        await ShouldBeRefusedAsync(response, HttpStatusCode.BadRequest, "invalid-characters");
    }

    [Theory]
    [InlineData("Phòng\u0000Nội vụ", "invalid-characters")]
    [InlineData("Phòng \u202Eụv iộN", "invalid-characters")]
    [InlineData("\u200B\u200D", "invalid-characters")]
    [InlineData("Phòng Nội \u0412ụ", "mixed-script")]
    public async Task A_unit_name_with_hidden_or_look_alike_characters_is_refused(string name, string code)
    {
        using var admin = await portal.CreateAdminClientAsync();
        var caoLanh = await UnitIdAsync(admin, "866");

        var response = await admin.PostAsJsonAsync("/api/v1/plans/1/units", new { parentUnitId = caoLanh, name, kind = "DistrictAgency" }, Ct);

        await ShouldBeRefusedAsync(response, HttpStatusCode.BadRequest, code);
    }

    [Fact]
    public async Task A_sibling_spelled_in_NFD_or_another_case_is_the_same_name()
    {
        using var admin = await portal.CreateAdminClientAsync();
        var saDec = await UnitIdAsync(admin, "867");
        (await admin.PostAsJsonAsync("/api/v1/plans/1/units", new { parentUnitId = saDec, name = "Phòng Văn hóa và Thông tin", kind = "DistrictAgency" }, Ct))
            .StatusCode.ShouldBe(HttpStatusCode.Created);

        var nfd = await admin.PostAsJsonAsync(
            "/api/v1/plans/1/units", new { parentUnitId = saDec, name = "Phòng Văn hóa và Thông tin".Normalize(NormalizationForm.FormD), kind = "DistrictAgency" }, Ct);
        var upper = await admin.PostAsJsonAsync("/api/v1/plans/1/units", new { parentUnitId = saDec, name = "PHÒNG VĂN HÓA VÀ THÔNG TIN", kind = "DistrictAgency" }, Ct);

        await ShouldBeRefusedAsync(nfd, HttpStatusCode.Conflict, "duplicate-name");
        await ShouldBeRefusedAsync(upper, HttpStatusCode.Conflict, "duplicate-name");
    }

    [Theory]
    [InlineData("long", "mật khẩu đủ dài và riêng", "invalid-user-name")]
    [InlineData("nguoi-dung-moi", "aaaaaaaaaaaa", "common-password")]
    [InlineData("nguoi-dung-moi", "password1234", "common-password")]
    [InlineData("nguoi-dung-moi", "123456789012", "common-password")]
    [InlineData("nguoi-dung-moi", "nguoi-dung-moi", "password-like-user-name")]
    [InlineData("nguoi-dung-moi", "Nguoi-Dung-Moi123", "password-like-user-name")]
    public async Task Accounts_refuse_long_user_names_and_guessable_passwords(string userName, string password, string code)
    {
        using var admin = await portal.CreateAdminClientAsync();
        var name = userName == "long" ? new string('a', 10_000) : userName;

        var response = await admin.PostAsJsonAsync("/api/v1/users", new { userName = name, password, role = "Auditor" }, Ct);

        await ShouldBeRefusedAsync(response, HttpStatusCode.BadRequest, code);
    }

    [Fact]
    public async Task A_long_passphrase_of_the_users_own_is_accepted_and_reset_is_checked_too()
    {
        using var admin = await portal.CreateAdminClientAsync();
        var created = await admin.PostAsJsonAsync("/api/v1/users", new { userName = "kiem-tra-vien-2", password = "sông Tiền mùa nước nổi", role = "Auditor" }, Ct);
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var user = (await created.Content.ReadFromJsonAsync<UserJson>(Ct))!;

        var reset = await admin.PostAsJsonAsync($"/api/v1/users/{user.Id}/password", new { password = "kiem-tra-vien-2" }, Ct);

        await ShouldBeRefusedAsync(reset, HttpStatusCode.BadRequest, "password-like-user-name");
    }

    private static async Task ShouldBeRefusedAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        response.StatusCode.ShouldBe(status);
        (await response.Content.ReadFromJsonAsync<ProblemJson>(Ct))!.Code.ShouldBe(code);
    }

    private static async Task<int> UnitIdAsync(HttpClient client, string code) =>
        (await client.GetFromJsonAsync<UnitJson[]>("/api/v1/plans/1/units", Ct))!.Single(u => u.Code == code).UnitId;
}
