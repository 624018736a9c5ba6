using System.Diagnostics;
using System.Globalization;
using System.Text;
using Bunit;
using LicenseAllocation.Application;
using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Allocations;
using LicenseAllocation.Application.Identity;
using LicenseAllocation.Testing;
using LicenseAllocation.Web.Components.Allocation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MudBlazor.Services;

namespace LicenseAllocation.Benchmarks;

/// <summary>The plan page with the whole 2020 tree (179 nodes) expanded: server render cost and what a browser sees.</summary>
internal static class TreeRendering
{
    public static async Task<string> RunAsync(string repositoryRoot)
    {
        var server = await ServerRenderAsync();
        var browser = await BrowserAsync(repositoryRoot);
        return new StringBuilder("## Plan page with the full tree\n\n")
            .AppendLine("| Measure | Median | p95 |").AppendLine("| --- | ---: | ---: |")
            .AppendLine(CultureInfo.InvariantCulture, $"| Server render of the tree, 179 rows expanded and a window of them rendered (bUnit, 30 runs) | {Stats.Median(server):0.0} ms | {Stats.Percentile(server, 0.95):0.0} ms |")
            .AppendLine(CultureInfo.InvariantCulture, $"| Chromium: open /plans/1 until the tree is shown (10 runs) | {Stats.Median(browser.Load):0} ms | {Stats.Percentile(browser.Load, 0.95):0} ms |")
            .AppendLine(CultureInfo.InvariantCulture, $"| Chromium: click \"Mở rộng tất cả\" until all 179 rows are shown (10 runs) | {Stats.Median(browser.Expand):0} ms | {Stats.Percentile(browser.Expand, 0.95):0} ms |")
            .AppendLine().ToString();
    }

    private static async Task<List<double>> ServerRenderAsync()
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("vi-VN");
        await using var database = await SqliteTestDatabase.CreateAsync();
        await using var context = new BunitContext();
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        context.Services.AddMudServices();
        context.Services.AddLocalization();
        context.Services.AddSingleton(database.Factory);
        context.Services.AddLicenseAllocationApplication();
        context.SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", isInteractive: true));
        var admin = new Caller("bench", PortalRole.ProvinceAdmin);
        var rows = (await context.Services.GetRequiredService<AllocationQueries>().GetTreeAsync(admin, 1)).Value!;
        context.Render<MudBlazor.MudPopoverProvider>();

        var timings = new List<double>();
        for (var run = 0; run < 35; run++)
        {
            var started = Stopwatch.GetTimestamp();
            var tree = context.Render<AllocationTree>(p => p.Add(t => t.PlanId, 1).Add(t => t.Caller, admin));
            tree.WaitForState(() => tree.Instance.State is { Items.Count: > 0 });
            tree.Find("[data-testid='expand-all']").Click();
            tree.WaitForState(() => tree.Instance.State!.Items.Count == rows.Count);
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            // Only a window of the rows is rendered; every row is in the list the window moves over.
            if (tree.Instance.State!.Items.Count != rows.Count)
            {
                throw new InvalidOperationException("The tree did not expand fully.");
            }

            if (run >= 5)
            {
                timings.Add(elapsed);
            }
        }

        return timings;
    }

    private static async Task<(List<double> Load, List<double> Expand)> BrowserAsync(string repositoryRoot)
    {
        var directory = Directory.CreateTempSubdirectory("license-allocation-render-").FullName;
        try
        {
            await using var portal = PortalProcess.Start(repositoryRoot, directory);
            await portal.WaitHealthyAsync();
            using var playwright = await Playwright.CreateAsync();
            await using var browser = await playwright.Chromium.LaunchAsync(new()
            {
                ExecutablePath = "/usr/bin/chromium",
                Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
            });
            var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1366, Height = 900 } });
            await page.GotoAsync($"{portal.BaseUrl}/account/login");
            await page.FillAsync("[data-testid=login-username]", "admin");
            await page.FillAsync("[data-testid=login-password]", PortalProcess.AdminPassword);
            await page.ClickAsync("[data-testid=login-submit]");
            await page.WaitForURLAsync($"{portal.BaseUrl}/");

            var load = new List<double>();
            var expand = new List<double>();
            for (var run = 0; run < 12; run++)
            {
                var started = Stopwatch.GetTimestamp();
                await page.GotoAsync($"{portal.BaseUrl}/plans/1");
                await page.Locator("[data-testid=row-1]").WaitForAsync();
                var loaded = Stopwatch.GetElapsedTime(started).TotalMilliseconds;

                started = Stopwatch.GetTimestamp();
                await page.ClickAsync("[data-testid=expand-all]");
                await page.WaitForFunctionAsync("() => document.querySelectorAll(\"tr[data-testid^='row-']\").length === 179");
                var expanded = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                if (run >= 2)
                {
                    load.Add(loaded);
                    expand.Add(expanded);
                }
            }

            return (load, expand);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
