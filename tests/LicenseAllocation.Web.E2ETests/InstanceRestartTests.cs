using System.Diagnostics;
using LicenseAllocation.Testing;
using Microsoft.Playwright;
using Shouldly;
using static Microsoft.Playwright.Assertions;

namespace LicenseAllocation.Web.E2ETests;

/// <summary>
/// What a reader sees when the instance that holds their page goes away, in the deployment of docs/deploy for two
/// instances: PostgreSQL, two portal processes with their keys in the database, Debian's nginx in front with the sticky
/// upstream of the shipped configuration, and a real browser signed in through it. The instance that serves the
/// page's circuit is killed; the circuit cannot come back (it lived in that process), so the page must reload itself
/// and be served, still signed in, by the other instance, where the next edit goes through to the database.
/// </summary>
public sealed class InstanceRestartTests(PostgresCluster cluster) : IClassFixture<PostgresCluster>, IAsyncLifetime
{
    private const string AdminPassword = "hai phiên bản sau một nginx";
    private const int ProvincialPeopleCommitteeOffice = 2; // VP. UBND tỉnh, 65 in the 2020 plan
    private const string Reason = "Giảm sau khi phiên bản kia khởi động lại";

    // Every reconnection state blazor.web.js raises, and the dialog's text as the first one shows, kept in the tab's
    // session storage so that they outlive the reload.
    private const string RecordReconnectStates = """
        document.addEventListener('components-reconnect-state-changed', e => {
            const states = JSON.parse(sessionStorage.getItem('reconnect-states') ?? '[]');
            states.push(e.detail.state);
            sessionStorage.setItem('reconnect-states', JSON.stringify(states));
            if (e.detail.state === 'show') {
                setTimeout(() => sessionStorage.setItem('reconnect-text', e.target.innerText.trim()), 0);
            }
        }, true);
        """;

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "la-restart", Guid.NewGuid().ToString("N")[..12]);
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _playwright = await Playwright.CreateAsync();
        _browser = await PortalBrowser.LaunchChromiumAsync(_playwright);
    }

    [Fact]
    public async Task A_page_whose_instance_is_killed_reloads_itself_on_the_other_instance_still_signed_in_and_edits_there()
    {
        var connectionString = await cluster.CreateDatabaseAsync(Ct);
        await using var first = await PortalProcess.StartAsync(Settings(connectionString, "first"), Ct);
        await using var second = await PortalProcess.StartAsync(Settings(connectionString, "second"), Ct);
        await using var nginx = await NginxProxy.StartAsync([first.BaseAddress, second.BaseAddress], Path.Combine(_directory, "nginx"), Ct);
        var instances = new Dictionary<string, PortalProcess> { [first.BaseAddress.Authority] = first, [second.BaseAddress.Authority] = second };

        var context = await _browser!.NewContextAsync(PortalBrowser.ContextOptions(nginx.BaseAddress));
        context.SetDefaultTimeout(15_000);
        await context.AddInitScriptAsync(RecordReconnectStates);
        var page = await context.NewPageAsync();
        var scriptErrors = new List<string>();
        page.PageError += (_, error) => scriptErrors.Add(error);

        await SignInAsync(page);
        await page.GotoAsync("/plans/1");
        await PortalBrowser.UntilInteractiveAsync(page);
        await Expect(page.GetByTestId("plan-total")).ToHaveTextAsync("5.137");
        var holder = instances[CircuitInstance(nginx)];
        var survivor = instances.Values.Single(p => p != holder);

        var reloaded = new TaskCompletionSource();
        page.Load += (_, _) => reloaded.TrySetResult();
        var sinceKill = Stopwatch.StartNew();
        holder.Kill();

        // Nobody touches the page: it must come back by itself, from the instance that is still up.
        await reloaded.Task.WaitAsync(TimeSpan.FromSeconds(45), Ct);
        var reloadedAfter = sinceKill.Elapsed;
        await PortalBrowser.UntilInteractiveAsync(page);
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"reloaded {reloadedAfter.TotalMilliseconds:F0} ms after the kill, live again after {sinceKill.Elapsed.TotalMilliseconds:F0} ms");
        page.Url.ShouldEndWith("/plans/1");
        await Expect(page.GetByTestId("signed-in-user")).ToHaveTextAsync("admin");
        await Expect(page.GetByTestId("plan-total")).ToHaveTextAsync("5.137");
        nginx.Requests().Last(r => r.Method == "GET" && r.Path == "/plans/1").Upstream.ShouldBe(survivor.BaseAddress.Authority);
        CircuitInstance(nginx).ShouldBe(survivor.BaseAddress.Authority);

        // On the way the reader was told the portal was reconnecting, and the survivor refused the unknown circuit.
        var states = await page.EvaluateAsync<string[]>("() => JSON.parse(sessionStorage.getItem('reconnect-states') ?? '[]')");
        states.ShouldContain("show");
        states.ShouldContain("rejected");
        (await page.EvaluateAsync<string?>("() => sessionStorage.getItem('reconnect-text')")).ShouldBe("Đang kết nối lại…");

        // The page works on the survivor: an inline edit is saved and is in the database.
        await page.GetByTestId($"edit-{ProvincialPeopleCommitteeOffice}").ClickAsync();
        var editor = page.GetByTestId("editor-row");
        await Expect(editor).ToBeVisibleAsync();
        await editor.Locator("input[data-testid=quantity-input], [data-testid=quantity-input] input").FillAsync("60");
        await editor.Locator("input[data-testid=reason-input], [data-testid=reason-input] input").FillAsync(Reason);
        await editor.GetByTestId("save-quantity").ClickAsync();
        await Expect(page.GetByTestId("editor-row")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId($"quantity-{ProvincialPeopleCommitteeOffice}")).ToHaveTextAsync("60");

        var stored = await StoredPlan.LoadAsync(SharedDatabaseInstances.ContextFactory(connectionString), 1, Ct);
        stored[ProvincialPeopleCommitteeOffice].Quantity.ShouldBe(60);
        stored.Audit.ShouldContain(a => a.Reason == Reason);
        survivor.HasExited.ShouldBeFalse();
        scriptErrors.ShouldBeEmpty();

        await context.DisposeAsync();
        await cluster.DropDatabaseAsync(connectionString, Ct);
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    /// <summary>The sign-in form through the proxy; it sets the cookie and sends the browser to the plan list.</summary>
    private static async Task SignInAsync(IPage page)
    {
        await page.GotoAsync("/account/login");
        await page.GetByTestId("login-username").FillAsync("admin");
        await page.GetByTestId("login-password").FillAsync(AdminPassword);
        await page.GetByTestId("login-submit").ClickAsync();
        await Expect(page.GetByTestId("signed-in-user")).ToHaveTextAsync("admin");
    }

    /// <summary>
    /// The instance that opened the page's circuit, by the access log: the circuit's WebSocket is logged only when it
    /// closes, but the negotiation that precedes it is logged at once, and the sticky upstream sends both to one instance.
    /// </summary>
    private static string CircuitInstance(NginxProxy nginx) =>
        nginx.Requests().Last(r => r.Method == "POST" && r.Path == "/_blazor/negotiate" && r.Status == 200).Upstream;

    private Dictionary<string, string> Settings(string connectionString, string instance) =>
        new SharedDatabaseInstances(_directory, AdminPassword).Settings(connectionString, instance, new Dictionary<string, string>
        {
            ["ForwardedHeaders:KnownProxies:0"] = "127.0.0.1",
            // The browser needs blazor.web.js, MudBlazor's files and the reconnection module: run from the build output
            // (not a published folder with its wwwroot) the portal finds them through the static web assets manifest,
            // which ASP.NET Core reads in Development only.
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
        });
}
