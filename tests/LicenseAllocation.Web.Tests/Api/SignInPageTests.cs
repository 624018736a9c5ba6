using System.Net;
using System.Text.RegularExpressions;
using Shouldly;

namespace LicenseAllocation.Web.Tests.Api;

/// <summary>The sign-in page is a plain form post; what it says when it refuses is in the reader's language.</summary>
public sealed partial class SignInPageTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("vi-VN", "Vui lòng nhập mật khẩu")]
    [InlineData("en-US", "Enter your password")]
    public async Task A_missing_password_is_asked_for(string culture, string expected)
    {
        using var browser = portal.CreateClient();

        var page = await PostAsync(browser, culture, "admin", string.Empty);

        page.ShouldContain(expected);
        page.ShouldNotContain("data-testid=\"login-error\"");
    }

    [Theory]
    [InlineData("vi-VN", "Tên đăng nhập hoặc mật khẩu không đúng, hoặc tài khoản đang bị khóa.")]
    [InlineData("en-US", "Wrong user name or password, or the account is locked.")]
    public async Task An_unknown_account_is_refused_without_saying_which_half_was_wrong(string culture, string expected)
    {
        using var browser = portal.CreateClient();

        var page = await PostAsync(browser, culture, "khong-co-tai-khoan-nay", "một mật khẩu bất kỳ");

        page.ShouldContain(expected);
    }

    private static async Task<string> PostAsync(HttpClient browser, string culture, string userName, string password)
    {
        var address = $"/account/login?culture={culture}";
        var form = await browser.GetStringAsync(address, Ct);
        var token = AntiforgeryField().Match(form).Groups[1].Value;
        token.ShouldNotBeNullOrEmpty();
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = token,
            ["Input.UserName"] = userName,
            ["Input.Password"] = password,
        });

        using var response = await browser.PostAsync(address, content, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
