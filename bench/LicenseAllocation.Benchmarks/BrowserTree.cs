using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using LicenseAllocation.Application.Data;
using LicenseAllocation.Application.Seeding;
using LicenseAllocation.Migrations.Sqlite;
using LicenseAllocation.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace LicenseAllocation.Benchmarks;

/// <summary>
/// The plan page in Chromium against the published portal: the 2020 plan and a generated national-size plan of 20,000
/// units with one district of 1,000 children. Page opening, expand all, search, opening the large district, scrolling
/// the whole tree (long tasks), inline edits, and the server's memory per open circuit. A measure whose control is not on
/// the build being measured (say, the search box before it existed) is reported "n/a" instead of failing the run.
/// </summary>
internal static class BrowserTree
{
    public const int Units = 20_000;
    public const int LargeDistrictChildren = 1_000;
    private const int Circuits = 20;
    private static readonly int WarmUpOpens = int.TryParse(Environment.GetEnvironmentVariable("BENCH_WARMUP_OPENS"), out var opens) ? opens : 40;
    private const int Edits = 20;
    private const string Row = "tr[data-testid^='row-']";
    private const string SearchBox = "input[data-testid='tree-search'], [data-testid='tree-search'] input";
    private static readonly TimeSpan ExpandAllLimit = TimeSpan.FromSeconds(60);

    // Long tasks (main thread busy > 50 ms) as the page sees them, from the first script on.
    private const string LongTaskObserver = """
        window.__longTasks = [];
        try {
          new PerformanceObserver(list => { for (const e of list.getEntries()) window.__longTasks.push(e.duration); })
            .observe({ type: 'longtask', buffered: true });
        } catch (e) { }
        """;

    // Interactive: a tree row is shown and the expand-all button is enabled (it is disabled while the page is static HTML).
    private const string Interactive = """
        () => {
          const button = document.querySelector("[data-testid='expand-all']");
          return !!document.querySelector("[data-testid='allocation-tree'] tr[data-testid^='row-']")
            && !!button && !button.disabled && !button.classList.contains('mud-disabled');
        }
        """;

    private const string LayoutInteractive = "() => !!document.querySelector(\".mud-layout[data-interactive='true']\")";

    // Clicks a control and waits, frame by frame, until the rows are there: either the expected number of rows is in the
    // DOM (a tree that renders every open row), or, for a tree that renders only what is in view, the tree reports the
    // expected number of open lines (data-row-count), the row that must appear is there and the DOM has been quiet for
    // 100 ms ("line count"), or the row that must appear is there and the DOM has been quiet for 300 ms ("settled"); the
    // time reported is then the last change's. Every change counts, attributes included: a window of rows may answer a
    // click with no new element or text at all. Expanding all on a plan whose first screen is the province's agencies
    // (leaves) draws the same units again, and only the line count and the spacer's height change; a wait that looked
    // for new elements alone never ended there unless something else happened to change after the click.
    private const string ClickAndWait = """
        async ({ click, expectedRows, mustShow, timeoutMs }) => {
          const target = document.querySelector(click);
          if (!target) return { ms: -1, how: 'missing', rows: 0, longMax: 0 };
          let last = 0, changes = 0;
          const observer = new MutationObserver(list => { last = performance.now(); changes += list.length; });
          observer.observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true });
          window.__longTasks.length = 0;
          const started = performance.now();
          target.click();
          const result = await new Promise(resolve => {
            const tick = () => {
              const now = performance.now();
              const rows = document.querySelectorAll("tr[data-testid^='row-']").length;
              const shown = !mustShow || !!document.querySelector(mustShow);
              if (expectedRows > 0 && rows >= expectedRows) return resolve({ ms: now - started, how: 'all rows', rows });
              const lines = Number(document.querySelector("[data-testid='allocation-tree']")?.getAttribute('data-row-count') ?? 0);
              if (expectedRows > 0 && lines >= expectedRows && last > started && now - last >= 100 && shown)
                return resolve({ ms: last - started, how: 'line count', rows, lines });
              if (last > started && now - last >= 300 && shown)
                return resolve({ ms: last - started, how: 'settled', rows, lines });
              if (now - started > timeoutMs)
                return resolve({ ms: -1, how: `timeout (${lines} lines, ${rows} rows, ${changes} changes, must-show row ${shown ? 'there' : 'missing'})`, rows, lines });
              requestAnimationFrame(tick);
            };
            requestAnimationFrame(tick);
          });
          observer.disconnect();
          await new Promise(r => setTimeout(r, 100));
          result.longMax = window.__longTasks.length ? Math.max(...window.__longTasks) : 0;
          return result;
        }
        """;

    // One inline edit, driven from inside the page so the figure is the portal's and not the driver's: click edit, type
    // the quantity and the reason, press Enter (or click Save), until the editor is gone and the row shows the new figure.
    private const string EditOnce = """
        async ({ unitId, quantity, expected, reason, useEnter, timeoutMs }) => {
          const q = s => document.querySelector(s);
          const frame = () => new Promise(r => requestAnimationFrame(r));
          const started = performance.now();
          const waitFor = async fn => { for (;;) { const v = fn(); if (v) return v; if (performance.now() - started > timeoutMs) return null; await frame(); } };
          const type = (el, value) => {
            el.focus();
            Object.getOwnPropertyDescriptor(Object.getPrototypeOf(el), 'value').set.call(el, value);
            el.dispatchEvent(new Event('input', { bubbles: true }));
          };
          const edit = q(`button[data-testid='edit-${unitId}']`);
          if (!edit) return { ms: -1, how: 'no edit button' };
          edit.click();
          const quantityInput = await waitFor(() => q("input[data-testid='quantity-input'], [data-testid='quantity-input'] input"));
          const reasonInput = await waitFor(() => q("input[data-testid='reason-input'], textarea[data-testid='reason-input'], [data-testid='reason-input'] input, [data-testid='reason-input'] textarea"));
          if (!quantityInput || !reasonInput) return { ms: -1, how: 'no editor' };
          const editorMs = performance.now() - started;
          type(quantityInput, String(quantity));
          type(reasonInput, reason);
          const savedAt = performance.now();
          if (useEnter) {
            for (const kind of ['keydown', 'keypress', 'keyup'])
              reasonInput.dispatchEvent(new KeyboardEvent(kind, { key: 'Enter', code: 'Enter', keyCode: 13, which: 13, bubbles: true }));
          } else {
            q("[data-testid='save-quantity']").click();
          }
          const shown = await waitFor(() => {
            if (q("[data-testid='quantity-input']")) return false;
            const row = q(`tr[data-testid='row-${unitId}']`);
            return row && [...row.querySelectorAll('td')].some(td => td.textContent.trim() === expected);
          });
          const now = performance.now();
          return shown ? { ms: now - started, editorMs, saveMs: now - savedAt, how: useEnter ? 'Enter' : 'Save button' } : { ms: -1, how: 'timeout' };
        }
        """;

    // What the page shows when an edit did not finish: whether the editor is still open and what its fields hold, the save
    // button's state, a refusal, the reconnect dialog, Blazor's error bar, the last snackbar, and whether the layout is
    // interactive (it carries data-interactive='true' once the circuit is up).
    private const string PageState = """
        () => {
          const q = s => document.querySelector(s);
          const value = s => q(s)?.value;
          const visible = el => !!el && getComputedStyle(el).display !== 'none' && getComputedStyle(el).visibility !== 'hidden';
          const save = q("[data-testid='save-quantity']");
          const reconnect = q('#components-reconnect-modal, .components-reconnect-show, .components-reconnect-failed, .components-reconnect-rejected');
          const parts = [
            `editor ${q("[data-testid='quantity-editor']") ? `open under ${q("[data-testid='editor-row']")?.previousElementSibling?.getAttribute('data-testid') ?? 'no row'}` : 'closed'}`,
            `quantity field ${JSON.stringify(value("[data-testid='quantity-input'] input, input[data-testid='quantity-input']") ?? null)}`,
            `reason field ${JSON.stringify(value("[data-testid='reason-input'] input, input[data-testid='reason-input'], [data-testid='reason-input'] textarea") ?? null)}`,
            `save button ${save ? (save.disabled || save.classList.contains('mud-disabled') ? 'disabled' : 'enabled') : 'missing'}`,
            `busy spinner ${q('.tree-toolbar .mud-progress-circular') ? 'shown' : 'not shown'}`,
            `refusal ${JSON.stringify(q("[data-testid='refusal-message'], [data-testid='tree-refusal']")?.textContent.trim() ?? null)}`,
            `reconnect dialog ${reconnect && (visible(reconnect) || reconnect.className.includes('show')) ? `shown (${reconnect.className || reconnect.id}: ${reconnect.textContent.trim().slice(0, 120)})` : 'not shown'}`,
            `error bar ${visible(q('#blazor-error-ui')) ? 'shown' : 'not shown'}`,
            `snackbar ${JSON.stringify([...document.querySelectorAll('.mud-snackbar')].map(e => e.textContent.trim()).join(' | ') || null)}`,
            `layout interactive ${q(".mud-layout[data-interactive='true']") ? 'yes' : 'no'}`,
          ];
          return parts.join('; ');
        }
        """;

    private const string Cancel = """
        () => {
          const cancel = document.querySelector("[data-testid='cancel-edit']");
          if (cancel) cancel.click();
          else { const input = document.querySelector("[data-testid='reason-input'] input, input[data-testid='reason-input']");
                 if (input) input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', code: 'Escape', bubbles: true })); }
        }
        """;

    // The search as the page sees it: from the input event that carries the text (the driver's typing, however long the
    // driver takes to get it there) to the frame where the unit's row is in the DOM.
    private const string WatchSearch = """
        ({ box, target }) => {
          const watch = window.__search = { input: -1, shown: -1 };
          const input = e => { if (watch.input < 0 && e.target.matches?.(box)) watch.input = performance.now(); };
          document.addEventListener('input', input, true);
          const tick = () => {
            if (watch.input >= 0 && document.querySelector(target)) { watch.shown = performance.now(); document.removeEventListener('input', input, true); return; }
            requestAnimationFrame(tick);
          };
          requestAnimationFrame(tick);
        }
        """;

    private const string SearchInPage = """
        () => { const w = window.__search; return w && w.input >= 0 && w.shown >= 0 ? w.shown - w.input : -1; }
        """;

    // Scrolls the tree's scroll container (or the page, when the tree has none) to the bottom, 80 % of a view per step
    // (or 1/400 of the whole height when that is more, so at most about 400 steps) and two frames between steps,
    // collecting the long tasks seen meanwhile.
    private const string ScrollThrough = """
        async ({ lastName, maxMs }) => {
          const box = document.querySelector("[data-testid='tree-scroll']");
          const scroller = box ?? document.scrollingElement;
          const frame = () => new Promise(r => requestAnimationFrame(r));
          scroller.scrollTop = 0;
          await frame(); await frame();
          window.__longTasks.length = 0;
          const started = performance.now();
          let steps = 0, atBottom = 0;
          while (performance.now() - started < maxMs && atBottom < 3) {
            scroller.scrollTop += Math.max(200, Math.floor(scroller.clientHeight * 0.8), Math.ceil(scroller.scrollHeight / 400));
            steps++;
            await frame(); await frame();
            atBottom = scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 2 ? atBottom + 1 : 0;
          }
          const ms = performance.now() - started;
          await new Promise(r => setTimeout(r, 1000));
          const tasks = window.__longTasks.slice();
          return { container: box ? 'tree-scroll' : 'page', steps, ms, reachedBottom: atBottom >= 3,
                   lastShown: !!document.querySelector(`tr[data-unit-name="${lastName}"]`), count: tasks.length,
                   max: tasks.length ? Math.max(...tasks) : 0 };
        }
        """;

    /// <summary>The measures <c>--only</c> takes, comma-separated; the others are reported "not measured in this run".</summary>
    public static readonly IReadOnlyList<string> MeasureNames = ["2020", "open", "search", "district", "edit", "expand", "memory"];

    public static async Task<string> RunAsync(string repositoryRoot, string? title, IReadOnlySet<string>? only = null)
    {
        PortalProcess.WebDll(repositoryRoot);
        var commit = Commit(repositoryRoot);
        var directory = Directory.CreateTempSubdirectory("license-allocation-browser-").FullName;
        try
        {
            Console.WriteLine("Preparing the database: the 2020 plan and a generated plan of 20,000 units…");
            var facts = await PrepareDatabaseAsync(Path.Combine(directory, "portal.db"));
            var results = new Results { Only = only };

            using var playwright = await Playwright.CreateAsync();
            await using var browser = await playwright.Chromium.LaunchAsync(new()
            {
                ExecutablePath = "/usr/bin/chromium",
                Headless = true,
                Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
            });

            await using (var portal = PortalProcess.Start(repositoryRoot, directory))
            {
                if (portal.LogPath is { } log)
                {
                    Console.WriteLine($"The portal's log: {log}");
                }

                await portal.WaitHealthyAsync();
                var state = await SignInAsync(browser, portal.BaseUrl);
                await Plan2020Async(browser, state, portal.BaseUrl, facts, results);
                await LargePlanAsync(browser, state, portal.BaseUrl, facts, results);
            }

            foreach (var (planId, key) in results.Measures("memory") ? new[] { (facts.Plan2020, "2020"), (facts.LargePlan, "20k") } : [])
            {
                Console.WriteLine($"Memory per circuit, plan {planId}…");
                await using var portal = PortalProcess.Start(repositoryRoot, directory);
                await portal.WaitHealthyAsync();
                results.Memory[key] = await MemoryPerCircuitAsync(browser, portal, planId);
            }

            return Report(title ?? $"Browser: the plan tree at commit {commit}", commit, facts, results);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task Plan2020Async(IBrowser browser, string state, string baseUrl, Facts facts, Results results)
    {
        if (!results.Measures("2020"))
        {
            return;
        }

        Console.WriteLine("2020 plan: open and expand all…");
        await using var context = await NewContextAsync(browser, state);
        var page = await context.NewPageAsync();
        for (var run = 0; run < 12; run++)
        {
            var opened = await OpenAsync(page, $"{baseUrl}/plans/{facts.Plan2020}");
            var expanded = await ClickAndWaitAsync(page, "[data-testid='expand-all']", facts.Rows2020, Row, ExpandAllLimit);
            if (run >= 2)
            {
                results.Open2020.Add(opened);
                results.Expand2020.Add(expanded);
            }
        }
    }

    private static async Task LargePlanAsync(IBrowser browser, string state, string baseUrl, Facts facts, Results results)
    {
        await using var context = await NewContextAsync(browser, state);
        var page = await context.NewPageAsync();
        var url = $"{baseUrl}/plans/{facts.LargePlan}";

        Console.WriteLine("20,000 units: open…");
        for (var run = 0; run < (results.Measures("open") ? 6 : 1); run++)
        {
            var opened = await OpenAsync(page, url);
            if (run >= 1)
            {
                results.OpenLarge.Add(opened);
            }
        }

        Console.WriteLine("20,000 units: search…");
        var search = results.Measures("search");
        if (search && await page.Locator(SearchBox).CountAsync() == 0)
        {
            results.NotApplicable["search"] = "no search box (`tree-search`) on this build";
        }
        else if (search)
        {
            var target = $"tr[data-unit-name=\"{facts.DeepUnitName}\"]";
            for (var run = 0; run < 6; run++)
            {
                // A fresh page each time: clearing the box would bring back the path to the last unit found.
                await OpenAsync(page, url);
                await page.Locator(target).WaitForAsync(new() { State = WaitForSelectorState.Detached, Timeout = 10_000 });
                await page.EvaluateAsync(WatchSearch, new { box = SearchBox, target });
                var started = Stopwatch.GetTimestamp();
                await page.Locator(SearchBox).First.FillAsync(facts.DeepUnitName);
                await page.Locator(target).WaitForAsync(new() { Timeout = 30_000 });
                var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                var inPage = await page.EvaluateAsync<double>(SearchInPage);
                if (run >= 1)
                {
                    results.Search.Add(elapsed);
                    if (inPage >= 0)
                    {
                        results.SearchInPage.Add(inPage);
                    }
                }

                await page.Locator(SearchBox).First.FillAsync(string.Empty);
            }
        }

        Console.WriteLine("20,000 units: open the district of 1,000 children…");
        if (results.Measures("district"))
        {
            await LargeDistrictAsync(page, url, facts, results);
        }

        Console.WriteLine("20,000 units: inline edits…");
        if (results.Measures("edit"))
        {
            await OpenAsync(page, url);
            await EditsAsync(page, facts, results);
        }

        Console.WriteLine("20,000 units: expand all, then scroll to the bottom…");
        if (!results.Measures("expand"))
        {
            results.NotApplicable["scroll"] = results.NotApplicable["expand"];
            return;
        }

        // Each run on a freshly opened page; the last one's expanded tree is then scrolled.
        for (var run = 0; run < 6; run++)
        {
            await OpenAsync(page, url);
            var all = await ClickAndWaitAsync(page, "[data-testid='expand-all']", Units, $"tr[data-unit-name=\"{facts.RootName}\"]", ExpandAllLimit);
            if (all.Ms < 0)
            {
                results.ExpandLargeTimeout = all;
                results.NotApplicable["scroll"] = $"expand all did not finish within {ExpandAllLimit.TotalSeconds:0} s";
                return;
            }

            if (run >= 1)
            {
                results.ExpandLarge.Add(all);
            }
        }

        var scroll = await page.EvaluateAsync<JsonElement>(ScrollThrough, new { lastName = facts.LastUnitName, maxMs = 90_000 });
        results.Scroll = new ScrollResult(
            scroll.GetProperty("container").GetString()!, scroll.GetProperty("steps").GetInt32(), scroll.GetProperty("ms").GetDouble(),
            scroll.GetProperty("reachedBottom").GetBoolean(), scroll.GetProperty("lastShown").GetBoolean(),
            scroll.GetProperty("count").GetInt32(), scroll.GetProperty("max").GetDouble());
    }

    private static async Task LargeDistrictAsync(IPage page, string url, Facts facts, Results results)
    {
        await OpenAsync(page, url);
        var groupToggle = $"button[data-testid='toggle-{facts.GroupUnitId}']";
        var districtToggle = $"button[data-testid='toggle-{facts.LargeDistrictUnitId}']";
        var firstChild = $"tr[data-unit-name=\"{facts.LargeDistrictFirstChild}\"]";
        // The district group comes after the province's agencies: in a virtualized tree its row is only rendered once
        // it is scrolled into view, as a reader would scroll to it.
        await page.EvaluateAsync("() => { const s = document.querySelector(\"[data-testid='tree-scroll']\"); if (s) s.scrollTop = s.scrollHeight; }");
        try
        {
            await page.Locator(groupToggle).WaitForAsync(new() { Timeout = 5_000 });
        }
        catch (TimeoutException)
        {
            // Reported as n/a below.
        }

        if (await page.Locator(groupToggle).CountAsync() == 0)
        {
            results.NotApplicable["district"] = "no toggle for the district group on this build";
        }
        else
        {
            await page.Locator(groupToggle).ClickAsync();
            await page.Locator(districtToggle).WaitForAsync(new() { Timeout = 60_000 });
            for (var run = 0; run < 6; run++)
            {
                var before = await page.Locator(Row).CountAsync();
                var opened = await ClickAndWaitAsync(page, districtToggle, before + LargeDistrictChildren, firstChild, TimeSpan.FromSeconds(30));
                if (run >= 1)
                {
                    results.LargeDistrict.Add(opened);
                }

                await page.Locator(districtToggle).ClickAsync();
                await page.Locator(firstChild).WaitForAsync(new() { State = WaitForSelectorState.Detached, Timeout = 30_000 });
            }
        }
    }

    private static async Task EditsAsync(IPage page, Facts facts, Results results)
    {
        // A provincial agency directly under the province (shown when the page opens), moved between its quantity and
        // one less, so every edit is accepted.
        var unitId = facts.EditUnitId;
        var original = facts.EditUnitQuantity;
        if (await page.Locator($"button[data-testid='edit-{unitId}']").CountAsync() == 0)
        {
            results.NotApplicable["edit"] = $"no edit button (`edit-{unitId}`) on this build";
            return;
        }

        var useEnter = true;
        for (var edit = 0; edit <= Edits; edit++)
        {
            var quantity = edit % 2 == 0 ? original - 1 : original;
            var outcome = await EditAsync(page, unitId, quantity, edit, useEnter, TimeSpan.FromSeconds(edit == 0 ? 5 : 30));
            if (outcome.Ms < 0 && edit == 0 && useEnter)
            {
                // Enter does not save on this build: finish with the Save button and use it from now on.
                var afterEnter = await page.EvaluateAsync<string>(PageState);
                Console.WriteLine($"  edit 0 was not shown 5 s after Enter ({outcome.How}); the page: {afterEnter}. Clicking Save.");
                useEnter = false;
                await page.EvaluateAsync("() => document.querySelector(\"[data-testid='save-quantity']\")?.click()");
                try
                {
                    await page.Locator("[data-testid='quantity-input']").WaitForAsync(new() { State = WaitForSelectorState.Detached, Timeout = 30_000 });
                }
                catch (TimeoutException)
                {
                    var afterSave = await page.EvaluateAsync<string>(PageState);
                    Console.WriteLine($"  edit 0 still not saved 30 s after the Save button; the page: {afterSave}");
                    results.NotApplicable["edit"] = $"edit 0 did not save with Enter nor with the Save button within 35 s (after Enter: {afterEnter}; after Save: {afterSave})";
                    await page.EvaluateAsync(Cancel);
                    return;
                }

                continue;
            }

            if (outcome.Ms < 0)
            {
                var shown = await page.EvaluateAsync<string>(PageState);
                Console.WriteLine($"  edit {edit} did not show its figure ({outcome.How}); the page: {shown}");
                await page.EvaluateAsync(Cancel);
                results.NotApplicable["edit"] = $"edit {edit} did not show its figure ({outcome.How}; the page: {shown})";
                return;
            }

            if (edit == 0)
            {
                Console.WriteLine($"  edit 0 (warm-up) shown after {outcome.Ms:0} ms ({outcome.How}; editor open after {outcome.EditorMs:0} ms)");
            }
            else
            {
                results.Edits.Add(outcome.Ms);
                results.EditorOpens.Add(outcome.EditorMs);
                results.Saves.Add(outcome.SaveMs);
            }
        }

        results.EditHow = useEnter ? "Enter" : "Save button (Enter does not save on this build)";
    }

    private static async Task<(double Ms, double EditorMs, double SaveMs, string How)> EditAsync(IPage page, int unitId, int quantity, int edit, bool useEnter, TimeSpan timeout)
    {
        var result = await page.EvaluateAsync<JsonElement>(EditOnce, new
        {
            unitId,
            quantity,
            expected = quantity.ToString("N0", CultureInfo.GetCultureInfo("vi-VN")),
            reason = $"Đo thời gian sửa số lượng, lần {edit}",
            useEnter,
            timeoutMs = timeout.TotalMilliseconds,
        });
        var ms = result.GetProperty("ms").GetDouble();
        return ms < 0
            ? (ms, 0, 0, result.GetProperty("how").GetString()!)
            : (ms, result.GetProperty("editorMs").GetDouble(), result.GetProperty("saveMs").GetDouble(), result.GetProperty("how").GetString()!);
    }

    /// <summary>
    /// Only the memory per circuit of one page of the 2020 plan (<c>{plan}</c> in the path stands for its id; <c>{large}</c>
    /// for the 20,000-unit plan's), on a portal
    /// started with extra environment variables: the quick loop for finding what a circuit costs.
    /// </summary>
    public static async Task<string> MemoryOnlyAsync(string repositoryRoot, string path, IReadOnlyDictionary<string, string> environment)
    {
        PortalProcess.WebDll(repositoryRoot);
        var directory = Directory.CreateTempSubdirectory("license-allocation-memory-").FullName;
        try
        {
            // {large} stands for the 20,000-unit plan, which takes a while to generate; {plan} for the 2020 plan.
            var file = Path.Combine(directory, "portal.db");
            var large = path.Contains("{large}", StringComparison.Ordinal);
            var plan2020 = large ? (await PrepareDatabaseAsync(file)).LargePlan : await Prepare2020Async(file);
            using var playwright = await Playwright.CreateAsync();
            await using var browser = await playwright.Chromium.LaunchAsync(new()
            {
                ExecutablePath = "/usr/bin/chromium",
                Headless = true,
                Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
            });
            await using var portal = PortalProcess.Start(repositoryRoot, directory, environment);
            await portal.WaitHealthyAsync();
            var m = await MemoryPerCircuitAsync(browser, portal, path.Replace(large ? "{large}" : "{plan}", plan2020.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal));
            var settings = string.Join(", ", environment.Select(e => $"{e.Key}={e.Value}"));
            return $"{path} [{settings}]: {Mb(m.PerCircuitCollected)} after a forced GC, {Mb(m.PerCircuitSteady)} steady "
                + $"(VmRSS {Mb(m.CollectedBefore)} → {Mb(m.CollectedAfter)} after GC, over {Circuits} circuits)";
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>The benchmark's database, kept in <paramref name="folder"/>; returns its facts (the plans' ids, the units it uses).</summary>
    public static async Task<string> PrepareOnlyAsync(string folder)
    {
        Directory.CreateDirectory(folder);
        var facts = await PrepareDatabaseAsync(Path.Combine(folder, "portal.db"));
        SqliteConnection.ClearAllPools();
        return facts.ToString();
    }

    private static Task<Memory> MemoryPerCircuitAsync(IBrowser browser, PortalProcess portal, int planId) =>
        MemoryPerCircuitAsync(browser, portal, $"/plans/{planId}");

    private static async Task<Memory> MemoryPerCircuitAsync(IBrowser browser, PortalProcess portal, string path)
    {
        var state = await SignInAsync(browser, portal.BaseUrl);
        var url = portal.BaseUrl + path;
        var contexts = new List<IBrowserContext>();
        try
        {
            // Warm-up: the page opened WarmUpOpens times in one tab (each open ends the previous circuit), the last kept open,
            // so the baseline has the page's code paths compiled at their final tier, its caches and the plan's first load,
            // and what the 20 circuits add is what they hold rather than code the runtime compiles once.
            var warmUp = await NewContextAsync(browser, state);
            contexts.Add(warmUp);
            var warmUpPage = await warmUp.NewPageAsync();
            for (var open = 0; open < WarmUpOpens; open++)
            {
                await OpenAsync(warmUpPage, url);
            }

            var steadyBefore = await SteadyResidentAsync(portal);
            var gcOk = await InducedGc.CollectAsync(portal.ProcessId);
            var collectedBefore = await SteadyResidentAsync(portal);
            await HeapDumpAsync(portal, "before");

            for (var circuit = 0; circuit < Circuits; circuit++)
            {
                var context = await NewContextAsync(browser, state);
                contexts.Add(context);
                await OpenAsync(await context.NewPageAsync(), url);
            }

            var steadyAfter = await SteadyResidentAsync(portal);
            gcOk &= await InducedGc.CollectAsync(portal.ProcessId);
            var collectedAfter = await SteadyResidentAsync(portal);
            await HeapDumpAsync(portal, "after");
            return new Memory((steadyAfter - steadyBefore) / (double)Circuits, gcOk ? (collectedAfter - collectedBefore) / (double)Circuits : double.NaN,
                steadyBefore, steadyAfter, collectedBefore, collectedAfter);
        }
        finally
        {
            foreach (var context in contexts)
            {
                await context.CloseAsync();
            }
        }
    }

    /// <summary>With BENCH_GCDUMP set to a folder, a heap dump of the portal there (dotnet-gcdump on PATH), to see what a circuit holds.</summary>
    private static async Task HeapDumpAsync(PortalProcess portal, string name)
    {
        if (Environment.GetEnvironmentVariable("BENCH_GCDUMP") is not { Length: > 0 } folder)
        {
            return;
        }

        File.Copy($"/proc/{portal.ProcessId}/smaps", Path.Combine(folder, name + ".smaps"), overwrite: true);
        File.Copy($"/proc/{portal.ProcessId}/status", Path.Combine(folder, name + ".status"), overwrite: true);
        using var dump = Process.Start("dotnet-gcdump", ["collect", "-p", portal.ProcessId.ToString(CultureInfo.InvariantCulture), "-o", Path.Combine(folder, name + ".gcdump")])!;
        await dump.WaitForExitAsync();
    }

    /// <summary>VmRSS sampled every 250 ms until it has moved less than 0.5 MB over 2 s (at most 15 s).</summary>
    private static async Task<long> SteadyResidentAsync(PortalProcess portal)
    {
        var samples = new List<long>();
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(15))
        {
            samples.Add(portal.ResidentBytes());
            var window = samples.TakeLast(9).ToArray();
            if (window.Length == 9 && window.Max() - window.Min() < 512 * 1024)
            {
                break;
            }

            await Task.Delay(250);
        }

        return samples[^1];
    }

    private static async Task<double> OpenAsync(IPage page, string url)
    {
        var started = Stopwatch.GetTimestamp();
        await page.GotoAsync(url, new() { WaitUntil = WaitUntilState.Commit, Timeout = 120_000 });
        await page.WaitForFunctionAsync(url.Contains("/plans/", StringComparison.Ordinal) ? Interactive : LayoutInteractive, null, new() { Timeout = 120_000 });
        return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    }

    private static async Task<Timed> ClickAndWaitAsync(IPage page, string click, int expectedRows, string? mustShow, TimeSpan timeout)
    {
        var result = await page.EvaluateAsync<JsonElement>(ClickAndWait, new { click, expectedRows, mustShow, timeoutMs = timeout.TotalMilliseconds });
        return new Timed(result.GetProperty("ms").GetDouble(), result.GetProperty("how").GetString()!, result.GetProperty("rows").GetInt32(),
            result.TryGetProperty("longMax", out var longMax) ? longMax.GetDouble() : 0);
    }

    private static async Task<IBrowserContext> NewContextAsync(IBrowser browser, string? state)
    {
        var context = await browser.NewContextAsync(new()
        {
            Locale = "vi-VN",
            ViewportSize = new() { Width = 1366, Height = 900 },
            StorageState = state,
        });
        await context.AddInitScriptAsync(LongTaskObserver);
        return context;
    }

    private static async Task<string> SignInAsync(IBrowser browser, string baseUrl)
    {
        await using var context = await NewContextAsync(browser, null);
        var page = await context.NewPageAsync();
        await page.GotoAsync($"{baseUrl}/account/login");
        await page.FillAsync("[data-testid=login-username]", "admin");
        await page.FillAsync("[data-testid=login-password]", PortalProcess.AdminPassword);
        await page.ClickAsync("[data-testid=login-submit]");
        await page.WaitForURLAsync($"{baseUrl}/");
        return await context.StorageStateAsync();
    }

    private static async Task<int> Prepare2020Async(string file)
    {
        var builder = new DbContextOptionsBuilder<AllocationDbContext>();
        SqliteDatabase.Configure(builder, new SqliteConnectionStringBuilder { DataSource = file, DefaultTimeout = 60, Pooling = false }.ToString());
        var factory = new TestContextFactory(builder.Options);
        await using (var db = factory.CreateDbContext())
        {
            await db.Database.MigrateAsync();
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        }

        await new Plan2020Seeder(factory, TimeProvider.System).SeedAsync();
        await using var context = factory.CreateDbContext();
        return await context.Plans.Where(p => p.Year == Plan2020Seeder.PlanYear && p.Name == Plan2020Seeder.PlanName).Select(p => p.Id).SingleAsync();
    }

    private static async Task<Facts> PrepareDatabaseAsync(string file)
    {
        var connectionString = new SqliteConnectionStringBuilder { DataSource = file, DefaultTimeout = 60, Pooling = false }.ToString();
        var builder = new DbContextOptionsBuilder<AllocationDbContext>();
        SqliteDatabase.Configure(builder, connectionString);
        var factory = new TestContextFactory(builder.Options);
        await using (var db = factory.CreateDbContext())
        {
            await db.Database.MigrateAsync();
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        }

        // The same seed the portal runs on first start (it then finds it there and leaves it).
        await new Plan2020Seeder(factory, TimeProvider.System).SeedAsync();
        var largePlan = await SyntheticPlan.CreateAsync(factory, Units, LargeDistrictChildren);

        await using var context = factory.CreateDbContext();
        var plan2020 = await context.Plans.Where(p => p.Year == Plan2020Seeder.PlanYear && p.Name == Plan2020Seeder.PlanName).Select(p => p.Id).SingleAsync();
        var rows2020 = await context.Nodes.CountAsync(n => n.PlanId == plan2020);
        var largeUnits = context.Nodes.Where(n => n.PlanId == largePlan).Join(context.Units, n => n.UnitId, u => u.Id, (n, u) => new { u.Id, u.Name, u.ParentId, u.Order, n.Quantity });
        var root = await largeUnits.SingleAsync(u => u.ParentId == null);
        var group = await largeUnits.SingleAsync(u => u.Name == "UBND các huyện");
        var district = await largeUnits.SingleAsync(u => u.Name == "Huyện số 1");
        var firstChild = await largeUnits.Where(u => u.ParentId == district.Id).OrderBy(u => u.Order).FirstAsync();
        var lastDistrict = await largeUnits.Where(u => u.ParentId == group.Id).OrderByDescending(u => u.Order).FirstAsync();
        var deep = await largeUnits.Where(u => u.ParentId == lastDistrict.Id).OrderByDescending(u => u.Order).FirstAsync();
        var edited = await largeUnits.SingleAsync(u => u.Name == "Sở số 1");
        var children = await largeUnits.CountAsync(u => u.ParentId == district.Id);
        if (children != LargeDistrictChildren || await largeUnits.CountAsync() != Units || edited.Quantity < 1)
        {
            throw new InvalidOperationException("The generated plan does not have the expected shape.");
        }

        return new Facts(plan2020, rows2020, largePlan, root.Name, group.Id, district.Id, firstChild.Name, deep.Name, deep.Name, edited.Id, edited.Quantity,
            await largeUnits.CountAsync(u => u.ParentId == group.Id), lastDistrict.Name);
    }

    private static string Commit(string repositoryRoot)
    {
        string Git(params string[] arguments)
        {
            var info = new ProcessStartInfo("git", ["-C", repositoryRoot, .. arguments]) { RedirectStandardOutput = true, RedirectStandardError = true };
            using var git = Process.Start(info)!;
            var output = git.StandardOutput.ReadToEnd().Trim();
            git.WaitForExit();
            return output;
        }

        var hash = Git("rev-parse", "--short", "HEAD");
        return Git("status", "--porcelain", "--", "src").Length > 0 ? $"{hash} + uncommitted changes in src/" : hash;
    }

    private static string Report(string title, string commit, Facts facts, Results r)
    {
        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"## {title}").AppendLine();
        report.AppendLine(CultureInfo.InvariantCulture, $"Measured on {DateTime.UtcNow:dd/MM/yyyy HH:mm} (UTC), portal built from commit {commit}, on {RuntimeInformation.OSDescription}, {Environment.ProcessorCount} logical cores ({MachineInfo.CpuModel()}), {MachineInfo.MemoryGiB():0.#} GiB, {RuntimeInformation.FrameworkDescription}, Chromium (Debian, headless) through Playwright, locale vi-VN, window 1366×900.")
            .AppendLine()
            .AppendLine("Command: `dotnet publish -c Release src/LicenseAllocation.Web -o artifacts/portal && dotnet run -c Release --project bench/LicenseAllocation.Benchmarks -- --browser --title \"…\" --write docs/benchmarks.md`.")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"The published portal (Release, Production) runs as its own process over a SQLite file holding the 2020 plan ({facts.Rows2020} units) and a generated plan of {Units:N0} units (`SyntheticPlan` with one district, \"Huyện số 1\", of {LargeDistrictChildren:N0} children; {facts.Districts} districts in all).")
            .AppendLine("The CPU is shared with other builds, so figures are noisy: times are medians (with the 95th percentile or the slowest run), after warm-up runs that are not counted.")
            .AppendLine("Times are taken inside the page (`performance.now()`) from the click to the frame where the rows are in the DOM, except opening the page and searching, which are timed by the driver.")
            .AppendLine()
            .AppendLine("| Measure | Target | Result | Notes |").AppendLine("| --- | ---: | ---: | --- |");

        void Line(string measure, string target, string result, string notes = "") =>
            report.AppendLine(CultureInfo.InvariantCulture, $"| {measure} | {target} | {result} | {notes} |");
        string Why(string key) => r.NotApplicable.GetValueOrDefault(key, "not measured");
        string Na(string key) => $"n/a | {Why(key)}";

        if (r.Expand2020.Count > 0)
        {
            Line("2020 plan: open `/plans/{id}` until the tree is shown and interactive", "", Times(r.Open2020.ToList()), "10 runs; interactive = a row shown and expand-all enabled");
            Line("2020 plan: click expand all until every row is shown", "", TimedList(r.Expand2020), $"10 runs; {Criteria(r.Expand2020, facts.Rows2020)}");
        }
        else
        {
            Line("2020 plan: open and expand all", "", "n/a", Why("2020"));
        }

        Line($"{Units:N0} units: open the plan page until interactive", "< 1 s", Times(r.OpenLarge.ToList()), r.OpenLarge.Count > 0 ? "5 runs" : Why("open"));
        report.AppendLine(r.Search.Count > 0
            ? $"| {Units:N0} units: search \"{facts.DeepUnitName}\" (last commune of the last district) until its row shows | < 300 ms | {Times(r.Search)} | 5 runs, typing to the row (debounce included), timed by the driver on a page just opened; of which from the input event to the row, in the page, {Times(r.SearchInPage)} |"
            : $"| {Units:N0} units: search a unit deep in the tree | < 300 ms | {Na("search")} |");
        report.AppendLine(r.LargeDistrict.Count > 0
            ? $"| {Units:N0} units: open the district of {LargeDistrictChildren:N0} children | < 300 ms | {TimedList(r.LargeDistrict)} | 5 runs, district group already open; {Criteria(r.LargeDistrict, 0)} |"
            : $"| {Units:N0} units: open the district of {LargeDistrictChildren:N0} children | < 300 ms | {Na("district")} |");
        const string expandAll = "click expand all until the tree holds every line and the rows in view are drawn";
        report.AppendLine(r switch
        {
            { ExpandLargeTimeout: { } late } => $"| {Units:N0} units: {expandAll} | | did not finish within {ExpandAllLimit.TotalSeconds:0} s | after {r.ExpandLarge.Count} runs that did; {late.How} |",
            { ExpandLarge.Count: > 0 } => $"| {Units:N0} units: {expandAll} | | {TimedList(r.ExpandLarge)} | {r.ExpandLarge.Count} runs, each on a freshly opened page; {Criteria(r.ExpandLarge, Units)}; the province's row shown; longest task {r.ExpandLarge.Max(t => t.LongMax):0} ms |",
            _ => $"| {Units:N0} units: {expandAll} | | {Na("expand")} |",
        });
        report.AppendLine(r.Scroll is { } s
            ? $"| {Units:N0} units: scroll the expanded tree to the bottom, longest task | no task > 200 ms | {s.Max:0} ms, {s.Count} long tasks | {(s.Container == "tree-scroll" ? "`tree-scroll` container" : "the page (no `tree-scroll` container on this build)")}, {s.Steps} steps in {s.Ms / 1000:0.0} s; {(s.ReachedBottom ? "reached the bottom" : "did not reach the bottom")}, last unit {(s.LastShown ? "shown" : "NOT shown")} |"
            : $"| {Units:N0} units: scroll the expanded tree to the bottom, longest task | no task > 200 ms | {Na("scroll")} |");
        report.AppendLine(r.Edits.Count > 0
            ? $"| {Units:N0} units: inline edit round trip (edit, quantity, reason, save, until the new figure shows) | p95 < 100 ms | {Times(r.Edits)} | {Edits} edits after one warm-up; saved with {r.EditHow}; of which opening the editor {Times(r.EditorOpens)}, from the key that saves to the figure {Times(r.Saves)} |"
            : $"| {Units:N0} units: inline edit round trip | p95 < 100 ms | {Na("edit")} |");
        foreach (var (key, label, target) in new[] { ("2020", $"2020 plan ({facts.Rows2020} units)", "< 1 MB"), ("20k", $"{Units:N0} units", "< 5 MB") })
        {
            if (!r.Memory.TryGetValue(key, out var m))
            {
                Line($"Server memory per circuit, {label}, plan page open", target, "n/a", Why("memory"));
                continue;
            }

            Line($"Server memory per circuit, {label}, plan page open", target,
                $"{Mb(m.PerCircuitCollected)} after a forced GC; {Mb(m.PerCircuitSteady)} steady",
                $"portal VmRSS {Mb(m.CollectedBefore)} → {Mb(m.CollectedAfter)} (after GC), {Mb(m.SteadyBefore)} → {Mb(m.SteadyAfter)} (steady), over {Circuits} circuits");
        }

        report.AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"Memory: a fresh portal process per plan; one warm-up page is opened and kept open, then the portal's resident set (`VmRSS` from `/proc/<pid>/status`) is read once it has moved less than 0.5 MB over 2 s, or after 15 s (*steady*), and again after a full blocking GC induced from outside through the runtime's diagnostics port (an EventPipe session with the GCHeapCollect keyword, as `dotnet-gcdump` does; *after a forced GC*). Then {Circuits} more pages are opened, each in its own browser context (so its own circuit), each at the plan page until interactive with the tree in its initial state, and kept open; the same two readings are taken. Per circuit = (after − before) / {Circuits}. Server GC keeps memory it has collected, so the steady figure is an upper bound and the forced-GC figure is closer to what a circuit really holds.")
            .AppendLine()
            .AppendLine("Long tasks are the page's `PerformanceObserver('longtask')` entries (main thread busy over 50 ms) during the scroll; the scroll moves 80 % of a view per step (at least 1/400 of the scroll height, so at most about 400 steps) with two frames between steps until the bottom is reached or 90 s have passed.")
            .AppendLine(CultureInfo.InvariantCulture, $"Expand all on the {Units:N0}-unit plan: the first screen of the expanded tree shows the same units as before the click (the province and its first agencies, which have no children), so in view the click changes only the tree's line count and the height of the spacer below the rows; the time is to the last change in the page once the tree holds all {Units:N0} lines and the province's row is drawn.")
            .AppendLine("A measure whose control does not exist on the build measured is reported n/a.")
            .AppendLine();
        return report.ToString();
    }

    private static string Criteria(List<Timed> runs, int total) =>
        runs.All(t => t.How == "all rows")
            ? total > 0 ? $"all {total:N0} rows in the DOM" : "all the children in the DOM"
            : $"{string.Join(", ", runs.GroupBy(t => t.How).Select(g => $"{g.Count()} {g.Key}"))} (line count = the tree reports the lines expected, the row that must show is there and the DOM quiet for 100 ms; settled = that row there and the DOM quiet for 300 ms; quiet = no element, text or attribute changed; time to the last change); {runs.Max(t => t.Rows):N0} rows in the DOM at most";

    private static string TimedList(List<Timed> runs) =>
        runs.Any(t => t.Ms < 0) ? $"{runs.Count(t => t.Ms < 0)} of {runs.Count} runs timed out" : Times([.. runs.Select(t => t.Ms)]);

    private static string Times(List<double> values) =>
        values.Count == 0 ? "n/a" : string.Create(CultureInfo.InvariantCulture, $"median {Stats.Median(values):0} ms, p95 {Stats.Percentile(values, 0.95):0} ms");

    private static string Mb(double bytes) => double.IsNaN(bytes) ? "n/a" : string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024 * 1024):0.00} MB");

    private sealed record Facts(int Plan2020, int Rows2020, int LargePlan, string RootName, int GroupUnitId, int LargeDistrictUnitId, string LargeDistrictFirstChild,
        string DeepUnitName, string LastUnitName, int EditUnitId, int EditUnitQuantity, int Districts, string LastDistrictName);

    private sealed record Timed(double Ms, string How, int Rows, double LongMax);

    private sealed record ScrollResult(string Container, int Steps, double Ms, bool ReachedBottom, bool LastShown, int Count, double Max);

    private sealed record Memory(double PerCircuitSteady, double PerCircuitCollected, long SteadyBefore, long SteadyAfter, long CollectedBefore, long CollectedAfter);

    private sealed class Results
    {
        public List<double> Open2020 { get; } = [];
        public List<Timed> Expand2020 { get; } = [];
        public List<double> OpenLarge { get; } = [];
        public List<double> Search { get; } = [];

        public List<double> SearchInPage { get; } = [];
        public List<Timed> LargeDistrict { get; } = [];
        public List<double> Edits { get; } = [];

        public List<double> EditorOpens { get; } = [];

        public List<double> Saves { get; } = [];
        public string EditHow { get; set; } = "";
        public List<Timed> ExpandLarge { get; } = [];

        public Timed? ExpandLargeTimeout { get; set; }
        public ScrollResult? Scroll { get; set; }
        public Dictionary<string, string> NotApplicable { get; } = [];
        public Dictionary<string, Memory> Memory { get; } = [];

        /// <summary>The measures to take; null for all.</summary>
        public IReadOnlySet<string>? Only { get; init; }

        /// <summary>Whether <paramref name="measure"/> is taken in this run; one that is not is noted as such for the report.</summary>
        public bool Measures(string measure)
        {
            if (Only is null || Only.Contains(measure))
            {
                return true;
            }

            NotApplicable[measure] = $"not measured in this run (--only {string.Join(',', Only)})";
            return false;
        }
    }
}
