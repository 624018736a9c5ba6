using Microsoft.Playwright;

namespace LicenseAllocation.Web.E2ETests;

/// <summary>
/// The portal on Kestrel and a headless Chromium pointed at it. The browser is Debian's (<c>/usr/bin/chromium</c>, or
/// <c>E2E_CHROMIUM</c>); Playwright never downloads one.
/// </summary>
public sealed class PortalBrowser : IAsyncLifetime
{
    public const string ChromiumVariable = "E2E_CHROMIUM";
    public const string DefaultChromium = "/usr/bin/chromium";

    // Root in CI needs --no-sandbox; the rest keeps Chromium off the network it has no business with.
    private static readonly string[] _chromiumArgs =
    [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
    ];

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public PortalServer Server { get; } = new();

    public async ValueTask InitializeAsync()
    {
        _playwright = await Playwright.CreateAsync();
        _browser = await LaunchChromiumAsync(_playwright);
    }

    /// <summary>Debian's Chromium, headless, with the arguments of these tests: for a test that brings its own portal.</summary>
    public static async Task<IBrowser> LaunchChromiumAsync(IPlaywright playwright)
    {
        ArgumentNullException.ThrowIfNull(playwright);
        var chromium = Environment.GetEnvironmentVariable(ChromiumVariable) is { Length: > 0 } configured ? configured : DefaultChromium;
        if (!File.Exists(chromium))
        {
            throw new InvalidOperationException(
                $"Chromium was not found at {chromium}. Install it (apt-get install chromium) or set {ChromiumVariable} to its path.");
        }

        // A two-core CI machine renders a Blazor circuit more slowly than a laptop.
        Assertions.SetDefaultExpectTimeout(15_000);
        return await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = _chromiumArgs,
        });
    }

    /// <summary>The options of every context of these tests: <paramref name="baseAddress"/>, a 1366×900 window, Vietnamese, Hồ Chí Minh time.</summary>
    public static BrowserNewContextOptions ContextOptions(Uri baseAddress) => new()
    {
        BaseURL = baseAddress?.ToString(),
        ViewportSize = new ViewportSize { Width = 1366, Height = 900 },
        Locale = "vi-VN",
        TimezoneId = "Asia/Ho_Chi_Minh",
    };

    /// <summary>A fresh browser context (no cookies) with the portal as its base address and a 1366×900 window.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var context = await _browser!.NewContextAsync(ContextOptions(Server.BaseAddress));
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    /// <summary>The sign-in page is a plain form post; it sets the cookie and sends the browser to the plan list.</summary>
    public async Task SignInAsync(IPage page, string userName, string password)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync("/account/login");
        await page.GetByTestId("login-username").FillAsync(userName);
        await page.GetByTestId("login-password").FillAsync(password);
        await page.GetByTestId("login-submit").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Uri(Server.BaseAddress, "/").ToString());
        await Assertions.Expect(page.GetByTestId("signed-in-user")).ToHaveTextAsync(userName);
    }

    /// <summary>
    /// Waits until the page's circuit has taken over from the prerendered HTML: a value typed before that would be
    /// lost when the interactive render replaces the field, and a click would do nothing.
    /// </summary>
    public static Task UntilInteractiveAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        return Assertions.Expect(page.Locator(".mud-layout[data-interactive='true']")).ToHaveCountAsync(1);
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await Server.DisposeAsync();
    }
}
