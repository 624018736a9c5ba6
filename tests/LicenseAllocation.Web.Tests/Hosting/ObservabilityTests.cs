using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LicenseAllocation.Application.Common;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Shouldly;

namespace LicenseAllocation.Web.Tests.Hosting;

/// <summary>The portal's meter counts what officials did and were refused; the log file gets one JSON event per line.</summary>
[Collection(Security.ConsoleCapture.Name)]
public sealed class ObservabilityTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "license-allocation-logs", Guid.NewGuid().ToString("N"));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_meter_counts_an_accepted_and_a_refused_edit_by_code_a_workbook_and_a_failed_sign_in()
    {
        using var portal = new PortalFactory();
        using var client = await portal.CreateAdminClientAsync();
        var counts = new ConcurrentDictionary<string, long>();
        using var listener = Listen(portal, counts);

        (await client.PutAsJsonAsync("/api/v1/plans/1/units/2/quantity", new { quantity = 60, reason = "Chuyển bớt về dự phòng" }, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.PutAsJsonAsync("/api/v1/plans/1/units/3/quantity", new { quantity = 1000, reason = "Tăng thêm" }, Ct)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await client.GetAsync(new Uri("/api/v1/plans/1/appendix.xlsx", UriKind.Relative), Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = "admin", password = "sai mật khẩu rồi" }, Ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        counts.GetValueOrDefault("licenseallocation.edits path=unit outcome=accepted code=none").ShouldBe(1);
        counts.GetValueOrDefault("licenseallocation.edits path=unit outcome=refused code=exceeds-parent").ShouldBe(1);
        counts.GetValueOrDefault("licenseallocation.exports workbook=DownloadAppendix").ShouldBe(1);
        counts.GetValueOrDefault("licenseallocation.sign_in_failures channel=api reason=invalid-credentials").ShouldBe(1);
    }

    [Fact]
    public async Task With_a_log_file_path_every_line_of_the_file_is_a_JSON_event()
    {
        var pattern = Path.Combine(_directory, "portal-.json");
        using (var portal = new PortalFactory { Settings = new Dictionary<string, string?> { ["Logging:File:Path"] = pattern } })
        {
            using var client = portal.CreateClient();
            (await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = "khong-co", password = "sai" }, Ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }

        var file = Directory.GetFiles(_directory, "portal-*.json").ShouldHaveSingleItem();
        var lines = (await File.ReadAllLinesAsync(file, Ct)).Where(l => l.Length > 0).ToList();
        lines.ShouldNotBeEmpty();
        var events = lines.Select(line => JsonDocument.Parse(line).RootElement).ToList();
        events.Where(e => e.ValueKind != JsonValueKind.Object || !e.TryGetProperty("@t", out var _1) || !e.TryGetProperty("@mt", out var _2)).ShouldBeEmpty();
        events.ShouldContain(e => e.GetProperty("@mt").GetString() == "Sign-in ({Channel}) refused for {UserName}: unknown user or no password"
            && e.GetProperty("Channel").GetString() == "API" && e.GetProperty("UserName").GetString() == "khong-co");
    }

    [Fact]
    public async Task Two_portals_in_one_process_each_write_their_own_events_into_their_own_file()
    {
        var first = Path.Combine(_directory, "a", "portal-.json");
        var second = Path.Combine(_directory, "b", "portal-.json");
        using (var a = new PortalFactory { Settings = new Dictionary<string, string?> { ["Logging:File:Path"] = first } })
        using (var b = new PortalFactory { Settings = new Dictionary<string, string?> { ["Logging:File:Path"] = second } })
        {
            using var clientA = a.CreateClient();
            using var clientB = b.CreateClient();
            await clientA.PostAsJsonAsync("/api/v1/auth/token", new { userName = "nguoi-cua-a", password = "sai" }, Ct);
            await clientB.PostAsJsonAsync("/api/v1/auth/token", new { userName = "nguoi-cua-b", password = "sai" }, Ct);
        }

        var linesA = await File.ReadAllTextAsync(Directory.GetFiles(Path.GetDirectoryName(first)!).ShouldHaveSingleItem(), Ct);
        var linesB = await File.ReadAllTextAsync(Directory.GetFiles(Path.GetDirectoryName(second)!).ShouldHaveSingleItem(), Ct);
        linesA.ShouldContain("nguoi-cua-a");
        linesA.ShouldNotContain("nguoi-cua-b");
        linesB.ShouldContain("nguoi-cua-b");
        linesB.ShouldNotContain("nguoi-cua-a");
    }

    [Fact]
    public async Task With_an_OpenTelemetry_endpoint_the_portal_exports_metrics_and_traces_and_serves_while_the_collector_is_away()
    {
        using var portal = new PortalFactory { Settings = new Dictionary<string, string?> { ["OpenTelemetry:Endpoint"] = "http://127.0.0.1:9" } };
        using var client = portal.CreateClient();

        (await client.GetAsync(new Uri("/healthz/ready", UriKind.Relative), Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        portal.Services.GetService<MeterProvider>().ShouldNotBeNull();
        portal.Services.GetService<TracerProvider>().ShouldNotBeNull();
    }

    [Fact]
    public void Without_an_endpoint_nothing_is_collected()
    {
        using var portal = new PortalFactory();
        _ = portal.Services;

        portal.Services.GetService<MeterProvider>().ShouldBeNull();
        portal.Services.GetService<TracerProvider>().ShouldBeNull();
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    /// <summary>Listens to this portal's own meter only (other tests' portals run in the same process), keyed "instrument tag=value…".</summary>
    private static MeterListener Listen(PortalFactory portal, ConcurrentDictionary<string, long> counts)
    {
        var scope = portal.Services.GetRequiredService<IMeterFactory>();
        _ = portal.Services.GetRequiredService<PortalMetrics>();
        var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == PortalMetrics.MeterName && ReferenceEquals(instrument.Meter.Scope, scope))
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            var key = string.Join(' ', [instrument.Name, .. tags.ToArray().Select(t => $"{t.Key}={t.Value}")]);
            counts.AddOrUpdate(key, value, (_, sum) => sum + value);
        });
        listener.Start();
        return listener;
    }
}
