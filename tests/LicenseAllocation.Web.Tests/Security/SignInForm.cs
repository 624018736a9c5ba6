using System.Net;
using System.Text.RegularExpressions;

namespace LicenseAllocation.Web.Tests.Security;

/// <summary>The sign-in form as a browser posts it: the antiforgery token of the page it was given, and the two fields.</summary>
internal static partial class SignInForm
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The antiforgery token of the sign-in page; the client keeps its cookie, so the token serves several posts.</summary>
    public static async Task<string> TokenAsync(HttpClient browser, string address = "/account/login")
    {
        var page = await browser.GetStringAsync(address, Ct);
        return AntiforgeryField().Match(page).Groups[1].Value;
    }

    public static async Task<HttpResponseMessage> PostAsync(HttpClient browser, string token, string userName, string password, string address = "/account/login")
    {
        using var content = Fields(token, userName, password);
        return await browser.PostAsync(address, content, Ct);
    }

    public static FormUrlEncodedContent Fields(string token, string userName, string password) => new(new Dictionary<string, string>
    {
        ["_handler"] = "login",
        ["__RequestVerificationToken"] = token,
        ["Input.UserName"] = userName,
        ["Input.Password"] = password,
    });

    public static bool SetsTheAuthCookie(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("LicenseAllocation.Auth=", StringComparison.Ordinal));

    public static async Task<string> PageTextAsync(HttpResponseMessage response) => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
