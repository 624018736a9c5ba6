using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using LicenseAllocation.Testing;
using LicenseAllocation.Web.Tests.Api;
using Microsoft.EntityFrameworkCore;
using Shouldly;

namespace LicenseAllocation.Web.Tests.Hosting;

/// <summary>
/// The deployment of docs/deploy for a province that outgrew one process: PostgreSQL, two portal processes with their
/// keys in the database, and Debian's nginx in front with the sticky upstream of the shipped configuration. A browser
/// signs in through the proxy; officials on other addresses (so that <c>ip_hash</c> spreads them over both instances)
/// edit the communes of one district in a race; the instance that served the browser is killed mid-race. Afterwards the
/// district never handed on more than it holds, every node is the replay of the trail, the trail verifies, and the
/// browser's session goes on, served by the surviving instance.
/// </summary>
public sealed partial class TwoInstancesBehindNginxTests(PostgresCluster cluster) : IDisposable
{
    private const string AdminPassword = "hai phiên bản sau một nginx";
    private const int Editors = 8;
    private const string Reason = "Điều chỉnh qua hai phiên bản";

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "la-two", Guid.NewGuid().ToString("N")[..12]);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Edits_through_nginx_on_two_instances_survive_one_being_killed_mid_race()
    {
        var connectionString = await cluster.CreateDatabaseAsync(Ct);
        await using var first = await PortalProcess.StartAsync(Settings(connectionString, "first"), Ct);
        await using var second = await PortalProcess.StartAsync(Settings(connectionString, "second"), Ct);
        await using var nginx = await NginxProxy.StartAsync([first.BaseAddress, second.BaseAddress], Path.Combine(_directory, "nginx"), Ct);
        var instances = new Dictionary<string, PortalProcess> { [first.BaseAddress.Authority] = first, [second.BaseAddress.Authority] = second };

        // The browser, on 127.0.0.1, signs in through the proxy with the sign-in form and its cookie.
        var cookies = new CookieContainer();
        using var browser = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = nginx.BaseAddress };
        await SignInAsync(browser);
        var browserInstance = instances[nginx.Requests().Last(r => r.Method == "POST" && r.Path == "/account/login").Upstream];

        // A token for the officials' API calls, and the district whose communes they edit.
        using var admin = Client(nginx.BaseAddress, IPAddress.Loopback);
        admin.DefaultRequestHeaders.Authorization = await TokenAsync(admin);
        var units = (await admin.GetFromJsonAsync<UnitJson[]>("/api/v1/plans/1/units", Ct))!;
        var caoLanh = units.Single(u => u.Code == "866").UnitId;
        (await admin.PutAsJsonAsync($"/api/v1/plans/1/units/{caoLanh}/quantity", new { quantity = 200, reason = "Giao cho thành phố" }, Ct)).EnsureSuccessStatusCode();
        var communes = units.Where(u => u.ParentUnitId == caoLanh).Select(u => u.UnitId).ToArray();

        // Client addresses in different /24 networks (ip_hash hashes the first three octets), half on each instance.
        var editors = await AddressesOnEachInstanceAsync(nginx, admin.DefaultRequestHeaders.Authorization!, instances.Keys);

        var accepted = new ConcurrentDictionary<string, int>();
        var refused = 0;
        var cut = 0;
        using var stopRace = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var race = editors.Select((address, i) => Task.Run(async () =>
        {
            using var client = Client(nginx.BaseAddress, address);
            client.DefaultRequestHeaders.Authorization = admin.DefaultRequestHeaders.Authorization;
            var random = new Random(i);
            while (!stopRace.IsCancellationRequested)
            {
                var unit = communes[random.Next(communes.Length)];
                try
                {
                    using var response = await client.PutAsJsonAsync(
                        $"/api/v1/plans/1/units/{unit}/quantity", new { quantity = random.Next(0, 40), reason = Reason }, Ct);
                    switch (response.StatusCode)
                    {
                        case HttpStatusCode.OK:
                            accepted.AddOrUpdate(address.ToString(), 1, (_, n) => n + 1);
                            break;
                        case HttpStatusCode.Conflict:
                            Interlocked.Increment(ref refused);
                            break;
                        case HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout:
                            // The request was on the instance that died: nginx does not replay a PUT on the other one.
                            Interlocked.Increment(ref cut);
                            break;
                        default:
                            throw new InvalidOperationException($"{response.StatusCode}: {await response.Content.ReadAsStringAsync(Ct)}");
                    }
                }
                catch (HttpRequestException)
                {
                    Interlocked.Increment(ref cut);
                }
            }
        }, Ct)).ToList();

        await Task.Delay(TimeSpan.FromSeconds(2), Ct);
        browserInstance.Kill();
        var survivor = instances.Values.Single(p => p != browserInstance);
        var acceptedAtKill = accepted.Values.Sum();
        await Task.Delay(TimeSpan.FromSeconds(3), Ct);
        await stopRace.CancelAsync();
        await Task.WhenAll(race);

        var servedBy = nginx.Requests().Where(r => r.Method == "PUT" && r.Status == 200).GroupBy(r => r.Upstream).ToDictionary(g => g.Key, g => g.Count());
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"accepted {accepted.Values.Sum()} ({acceptedAtKill} before the kill), refused {refused}, cut {cut}; per instance: "
            + string.Join(", ", servedBy.Select(s => $"{s.Key} {s.Value}")));
        servedBy.Count.ShouldBe(2, "both instances took edits");
        accepted.Values.Sum().ShouldBeGreaterThan(acceptedAtKill, "edits went on after one instance was killed");

        // The district handed on no more than it holds, and every node is the replay of the trail.
        var stored = await StoredPlan.LoadAsync(SharedDatabaseInstances.ContextFactory(connectionString), Ct);
        var replayed = stored.Replay();
        foreach (var node in stored.Nodes)
        {
            replayed[node.UnitId].Quantity.ShouldBe(node.Quantity, $"unit {node.UnitId}");
            node.HandedOn.ShouldBe(stored.Nodes.Where(n => n.ParentUnitId == node.UnitId).Sum(n => n.Quantity), $"unit {node.UnitId}");
            node.HandedOn.ShouldBeLessThanOrEqualTo(node.Quantity, $"unit {node.UnitId}");
        }

        // Every accepted edit that changed a figure is in the trail (one that set the figure it found writes none); an edit
        // may also have committed on the killed instance without its answer reaching the client, at most one per editor.
        stored.Audit.Count(a => a.Reason == Reason).ShouldBeInRange(1, accepted.Values.Sum() + Editors);

        using var check = Client(nginx.BaseAddress, IPAddress.Loopback);
        check.DefaultRequestHeaders.Authorization = admin.DefaultRequestHeaders.Authorization;
        var verdict = (await check.GetFromJsonAsync<AuditVerdictJson>("/api/v1/audit/verify", Ct))!;
        verdict.Valid.ShouldBeTrue(verdict.Message);

        // The browser's cookie, issued by the killed instance, is read by the survivor; nginx moved it there.
        using (var page = await browser.GetAsync(new Uri("/plans/1", UriKind.Relative), Ct))
        {
            page.StatusCode.ShouldBe(HttpStatusCode.OK, "the session goes on on the surviving instance");
        }

        nginx.Requests().Last(r => r.Path == "/plans/1").Upstream.ShouldBe(survivor.BaseAddress.Authority);
        survivor.HasExited.ShouldBeFalse();
        await cluster.DropDatabaseAsync(connectionString, Ct);
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private static async Task SignInAsync(HttpClient browser)
    {
        var form = await browser.GetStringAsync(new Uri("/account/login", UriKind.Relative), Ct);
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = AntiforgeryField().Match(form).Groups[1].Value,
            ["Input.UserName"] = "admin",
            ["Input.Password"] = AdminPassword,
        });
        using var signIn = await browser.PostAsync(new Uri("/account/login", UriKind.Relative), content, Ct);
        signIn.StatusCode.ShouldBe(HttpStatusCode.Redirect, await signIn.Content.ReadAsStringAsync(Ct));
        using var page = await browser.GetAsync(new Uri("/plans/1", UriKind.Relative), Ct);
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private static async Task<AuthenticationHeaderValue> TokenAsync(HttpClient client)
    {
        using var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = "admin", password = AdminPassword }, Ct);
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<TokenJson>(Ct))!;
        return new AuthenticationHeaderValue("Bearer", token.AccessToken);
    }

    /// <summary>Tries addresses 127.0.N.1 until <see cref="Editors"/>/2 of them land on each instance (by the access log).</summary>
    private static async Task<List<IPAddress>> AddressesOnEachInstanceAsync(NginxProxy nginx, AuthenticationHeaderValue token, IEnumerable<string> upstreams)
    {
        var chosen = upstreams.ToDictionary(u => u, _ => new List<IPAddress>());
        for (var n = 1; n < 120 && chosen.Values.Any(c => c.Count < Editors / 2); n++)
        {
            var address = IPAddress.Parse(string.Create(CultureInfo.InvariantCulture, $"127.0.{n}.1"));
            using var client = Client(nginx.BaseAddress, address);
            client.DefaultRequestHeaders.Authorization = token;
            (await client.GetAsync(new Uri("/api/v1/plans", UriKind.Relative), Ct)).EnsureSuccessStatusCode();
            var upstream = nginx.Requests().Last(r => r.Client == address.ToString()).Upstream;
            if (chosen[upstream].Count < Editors / 2)
            {
                chosen[upstream].Add(address);
            }
        }

        chosen.Values.ShouldAllBe(c => c.Count == Editors / 2, "ip_hash sends some of 120 networks to each instance");
        return [.. chosen.Values.SelectMany(c => c)];
    }

    /// <summary>A client whose connections leave from <paramref name="local"/>, so that nginx sees it as that address.</summary>
    private static HttpClient Client(Uri baseAddress, IPAddress local)
    {
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                try
                {
                    socket.Bind(new IPEndPoint(local, 0));
                    await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        return new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
    }


    private Dictionary<string, string> Settings(string connectionString, string instance) =>
        new SharedDatabaseInstances(_directory, AdminPassword).Settings(connectionString, instance, new Dictionary<string, string>
        {
            ["ForwardedHeaders:KnownProxies:0"] = "127.0.0.1",
            ["RateLimits:WritesPerUser:PermitLimit"] = "100000",
            ["RateLimits:SignInPerIp:PermitLimit"] = "1000",
        });

    private sealed record TokenJson(string AccessToken);

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
