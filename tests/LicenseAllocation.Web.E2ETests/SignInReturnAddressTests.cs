using System.Net;
using System.Text.RegularExpressions;
using Shouldly;

namespace LicenseAllocation.Web.E2ETests;

/// <summary>
/// On Kestrel, which refuses to send a header with letters outside ASCII: signing in with a return address in
/// Vietnamese letters redirects there instead of failing with a 500 after the password was accepted.
/// </summary>
public sealed partial class SignInReturnAddressTests : IAsyncLifetime
{
    private readonly PortalServer _server = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    [Theory]
    [InlineData("/plans/1?tim=Cao Lãnh")]
    [InlineData("/Đồng-Tháp")]
    public async Task Signing_in_with_a_return_address_in_Vietnamese_letters_redirects_there(string returnUrl)
    {
        using var handler = new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() };
        using var browser = new HttpClient(handler) { BaseAddress = _server.BaseAddress };
        // As a browser that sends the letters as they are (UTF-8) in the address.
        var address = "/account/login?ReturnUrl=" + returnUrl;
        var page = await browser.GetStringAsync(address, Ct);
        var token = AntiforgeryField().Match(page).Groups[1].Value;
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = token,
            ["Input.UserName"] = PortalServer.AdminUserName,
            ["Input.Password"] = PortalServer.AdminPassword,
        });

        var response = await browser.PostAsync(address, form, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        Uri.UnescapeDataString(response.Headers.Location!.AbsolutePath + response.Headers.Location.Query).ShouldEndWith(returnUrl);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
