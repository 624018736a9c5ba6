using System.Net;
using System.Net.Http.Json;
using LicenseAllocation.Application.Data;
using LicenseAllocation.Domain.Units;
using LicenseAllocation.Migrations.PostgreSql;
using LicenseAllocation.Migrations.Sqlite;
using LicenseAllocation.Testing;
using LicenseAllocation.Web.Tests.Api;
using Microsoft.EntityFrameworkCore;
using Shouldly;

namespace LicenseAllocation.Web.Tests.Hosting;

/// <summary>
/// The real portal process killed (<c>kill -9</c>) in the middle of the operations that write the most at once: an
/// Excel import, a bulk edit, a publication and a copy of a plan. After a restart each has happened whole or not at
/// all, the figures are the replay of the audit trail, the trail's chain verifies, and the next edit is accepted. The
/// same tests run on SQLite (<see cref="SqliteKilledPortalTests"/>) and on PostgreSQL (<see cref="PostgresKilledPortalTests"/>).
/// </summary>
public abstract class KilledPortalTests : IAsyncLifetime
{
    protected const string AdminPassword = "tiến trình bị dừng đột ngột";

    protected string Folder { get; } = Path.Combine(Path.GetTempPath(), "license-allocation-kill", Guid.NewGuid().ToString("N"));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The portal's settings: its database, keys and administrator password.</summary>
    protected abstract Dictionary<string, string> Settings { get; }

    /// <summary>A context factory over the portal's database, to read what it stored.</summary>
    protected abstract TestContextFactory Factory();

    public virtual ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(Folder);
        return ValueTask.CompletedTask;
    }

    public virtual ValueTask DisposeAsync()
    {
        Directory.Delete(Folder, recursive: true);
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task An_Excel_import_killed_midway_is_applied_whole_or_not_at_all()
    {
        int caoLanh;
        byte[] file;
        Dictionary<string, int> wanted;
        await using (var portal = await PortalProcess.StartAsync(Settings, Ct))
        {
            using var admin = await portal.SignedInClientAsync("admin", AdminPassword, Ct);
            var units = await UnitsAsync(admin);
            caoLanh = units.Single(u => u.Code == "866").UnitId;
            (await admin.PutAsJsonAsync($"/api/v1/plans/1/units/{caoLanh}/quantity", new { quantity = 300, reason = "Giao cho thành phố" }, Ct)).EnsureSuccessStatusCode();
            wanted = units.Where(u => u.ParentUnitId == caoLanh).ToDictionary(u => u.Name, _ => 7);
            file = WorkbookFiles.WithQuantities(await admin.GetByteArrayAsync($"/api/v1/plans/1/units/{caoLanh}/template.xlsx", Ct), wanted);

            await KillDuringAsync(portal, admin.PostAsync(
                new Uri("/api/v1/plans/1/imports", UriKind.Relative),
                new MultipartFormDataContent { { new ByteArrayContent(file), "file", "mau.xlsx" }, { new StringContent("Nhập theo mẫu"), "reason" } },
                Ct));
        }

        await ShouldBeWholeAfterRestartAsync(async admin =>
        {
            var children = (await UnitsAsync(admin)).Where(u => u.ParentUnitId == caoLanh).ToList();
            children.Select(u => u.Quantity).Distinct().ShouldHaveSingleItem($"the import is half applied: {string.Join(", ", children.Select(c => c.Quantity))}");
        });
    }

    [Fact]
    public async Task A_bulk_edit_killed_midway_is_applied_whole_or_not_at_all()
    {
        await using (var portal = await PortalProcess.StartAsync(Settings, Ct))
        {
            using var admin = await portal.SignedInClientAsync("admin", AdminPassword, Ct);
            var items = (await UnitsAsync(admin)).Where(u => u.Kind != nameof(UnitKind.Province) && u.Quantity > u.HandedOn)
                .Select(u => new { unitId = u.UnitId, quantity = u.Quantity - 1 }).ToList();
            items.Count.ShouldBeGreaterThan(20);

            await KillDuringAsync(portal, admin.PutAsJsonAsync("/api/v1/plans/1/quantities", new { reason = "Giảm mỗi đơn vị một bản quyền", items }, Ct));
        }

        await ShouldBeWholeAfterRestartAsync(async admin =>
        {
            var changeSets = (await StoredPlan.LoadAsync(Factory(), Ct)).Audit
                .Where(a => a.Reason == "Giảm mỗi đơn vị một bản quyền").Select(a => a.ChangeSetId).Distinct().Count();
            changeSets.ShouldBeLessThanOrEqualTo(1);
            await Task.CompletedTask;
        });
    }

    [Fact]
    public async Task A_publication_killed_midway_leaves_a_draft_or_a_published_plan_with_its_appendix()
    {
        await using (var portal = await PortalProcess.StartAsync(Settings, Ct))
        {
            using var admin = await portal.SignedInClientAsync("admin", AdminPassword, Ct);
            await KillDuringAsync(portal, admin.PostAsJsonAsync(
                "/api/v1/plans/1/publish", new { documentNumber = "12/STTTT-CNTT", documentDate = "2021-01-05", signer = "Giám đốc" }, Ct));
        }

        await ShouldBeWholeAfterRestartAsync(async admin =>
        {
            var plan = (await admin.GetFromJsonAsync<PlanDetailJson>("/api/v1/plans/1", Ct))!;
            if (plan.Status == "Published")
            {
                plan.AppendixSha256.ShouldNotBeNull();
                (await admin.GetAsync(new Uri("/api/v1/plans/1/appendix.xlsx", UriKind.Relative), Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
            }
            else
            {
                plan.Status.ShouldBe("Draft");
                plan.AppendixSha256.ShouldBeNull();
            }
        }, editPlan: plan => plan.Status == "Draft" ? 1 : null);
    }

    [Fact]
    public async Task A_copy_of_a_plan_killed_midway_exists_with_every_unit_or_not_at_all()
    {
        int units;
        await using (var portal = await PortalProcess.StartAsync(Settings, Ct))
        {
            using var admin = await portal.SignedInClientAsync("admin", AdminPassword, Ct);
            units = (await UnitsAsync(admin)).Length;
            await KillDuringAsync(portal, admin.PostAsJsonAsync("/api/v1/plans/1/copies", new { name = "Kế hoạch năm 2021", year = 2021 }, Ct));
        }

        await ShouldBeWholeAfterRestartAsync(async admin =>
        {
            var copies = (await admin.GetFromJsonAsync<PlanJson[]>("/api/v1/plans", Ct))!.Where(p => p.Year == 2021).ToList();
            copies.Count.ShouldBeLessThanOrEqualTo(1);
            foreach (var copy in copies)
            {
                (await admin.GetFromJsonAsync<UnitJson[]>($"/api/v1/plans/{copy.Id}/units", Ct))!.Length.ShouldBe(units);
            }
        });
    }

    /// <summary>Sends the request, lets the portal work on it for a moment and kills the process, answered or not.</summary>
    private static async Task KillDuringAsync(PortalProcess portal, Task<HttpResponseMessage> request)
    {
        await Task.WhenAny(request, Task.Delay(TimeSpan.FromMilliseconds(150), Ct));
        var answered = request.IsCompleted;
        portal.Kill();
        TestContext.Current.TestOutputHelper?.WriteLine(answered ? "answered before the kill" : "killed while the request was in progress");
        try
        {
            (await request).Dispose();
        }
        catch (HttpRequestException)
        {
            // The connection died with the process: the usual case.
        }
    }

    /// <summary>
    /// Restarts the portal on the same files and checks the operation with <paramref name="whole"/>; then the chain, the
    /// figures against the trail, and one more edit (on plan 1 unless <paramref name="editPlan"/> says another, or none).
    /// </summary>
    private async Task ShouldBeWholeAfterRestartAsync(Func<HttpClient, Task> whole, Func<PlanDetailJson, int?>? editPlan = null)
    {
        await using var portal = await PortalProcess.StartAsync(Settings, Ct);
        using var admin = await portal.SignedInClientAsync("admin", AdminPassword, Ct);

        await whole(admin);

        var verdict = (await admin.GetFromJsonAsync<AuditVerdictJson>("/api/v1/audit/verify", Ct))!;
        verdict.Valid.ShouldBeTrue(verdict.Message);
        var stored = await StoredPlan.LoadAsync(Factory(), Ct);
        var replayed = stored.Replay();
        foreach (var node in stored.Nodes)
        {
            replayed[node.UnitId].Quantity.ShouldBe(node.Quantity, $"unit {node.UnitId}");
            node.HandedOn.ShouldBe(stored.Nodes.Where(n => n.ParentUnitId == node.UnitId).Sum(n => n.Quantity), $"unit {node.UnitId}");
        }

        var plan = (await admin.GetFromJsonAsync<PlanDetailJson>("/api/v1/plans/1", Ct))!;
        var planId = editPlan is null ? 1 : editPlan(plan);
        if (planId is { } id)
        {
            var unit = (await admin.GetFromJsonAsync<UnitJson[]>($"/api/v1/plans/{id}/units", Ct))!.First(u => u.Kind != nameof(UnitKind.Province) && u.Quantity > u.HandedOn);
            using var edit = await admin.PutAsJsonAsync($"/api/v1/plans/{id}/units/{unit.UnitId}/quantity", new { quantity = unit.Quantity - 1, reason = "Sửa sau khi khởi động lại" }, Ct);
            edit.StatusCode.ShouldBe(HttpStatusCode.OK, await edit.Content.ReadAsStringAsync(Ct));
        }
        else
        {
            // Published: the next edit goes to an amendment.
            using var amendment = await admin.PostAsync(new Uri("/api/v1/plans/1/amendments", UriKind.Relative), null, Ct);
            amendment.StatusCode.ShouldBe(HttpStatusCode.Created, await amendment.Content.ReadAsStringAsync(Ct));
        }
    }

    private static async Task<UnitJson[]> UnitsAsync(HttpClient admin) => (await admin.GetFromJsonAsync<UnitJson[]>("/api/v1/plans/1/units", Ct))!;
}

/// <summary><see cref="KilledPortalTests"/> over a SQLite file: the WAL discards an uncommitted tail.</summary>
public sealed class SqliteKilledPortalTests : KilledPortalTests
{
    protected override Dictionary<string, string> Settings => PortalProcess.SqliteSettings(Folder, AdminPassword);

    protected override TestContextFactory Factory()
    {
        var options = new DbContextOptionsBuilder<AllocationDbContext>();
        SqliteDatabase.Configure(options, $"Data Source={Path.Combine(Folder, "portal.db")};Pooling=False");
        return new TestContextFactory(options.Options);
    }

    public override ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        return base.DisposeAsync();
    }
}

/// <summary><see cref="KilledPortalTests"/> over PostgreSQL: the server rolls back the transaction of a connection that died.</summary>
public sealed class PostgresKilledPortalTests(PostgresCluster cluster) : KilledPortalTests
{
    private string _connectionString = string.Empty;

    protected override Dictionary<string, string> Settings => new()
    {
        ["Database:Provider"] = "PostgreSql",
        ["ConnectionStrings:Default"] = _connectionString,
        ["DataProtection:KeysPath"] = Path.Combine(Folder, "keys"),
        ["Audit:SealKeyPath"] = Path.Combine(Folder, "audit-seal.keys"),
        ["Bootstrap:AdminPassword"] = AdminPassword,
    };

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        _connectionString = await cluster.CreateDatabaseAsync(TestContext.Current.CancellationToken);
    }

    public override async ValueTask DisposeAsync()
    {
        await cluster.DropDatabaseAsync(_connectionString);
        await base.DisposeAsync();
    }

    protected override TestContextFactory Factory()
    {
        var options = new DbContextOptionsBuilder<AllocationDbContext>();
        PostgreSqlDatabase.Configure(options, _connectionString);
        return new TestContextFactory(options.Options);
    }
}
