using System.Net.Http.Json;
using LicenseAllocation.Migrations.Sqlite;
using LicenseAllocation.Testing;
using LicenseAllocation.Web.Cli;
using LicenseAllocation.Application.Data;
using Microsoft.EntityFrameworkCore;
using Shouldly;

namespace LicenseAllocation.Web.Tests.Cli;

/// <summary>
/// <c>backup &lt;file&gt;</c> with the portal's configuration: a SQLite copy taken while the portal serves edits, which
/// restores to the same figures and an audit trail that <c>verify-audit</c> passes; other providers are pointed to
/// their own tools.
/// </summary>
public sealed class BackupCommandTests : IDisposable
{
    private const string AdminPassword = "sao lưu thử nghiệm 2020";

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "license-allocation-backup", Guid.NewGuid().ToString("N"));

    public BackupCommandTests() => Directory.CreateDirectory(_directory);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_backup_taken_while_the_portal_serves_edits_restores_to_a_database_that_verifies_with_the_same_figures()
    {
        var database = Path.Combine(_directory, "portal.db");
        var settings = PortalProcess.SqliteSettings(_directory, AdminPassword);
        var backup = Path.Combine(_directory, "sao-luu", "portal-backup.db");
        await using (var portal = await PortalProcess.StartAsync(settings, Ct))
        {
            using var client = await portal.SignedInClientAsync("admin", AdminPassword, Ct);
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
            var edits = Task.Run(() => EditUntilStoppedAsync(client, stop.Token), Ct);

            var (code, output) = await PortalProcess.RunToExitAsync(settings, [BackupCommand.Verb, backup], Ct);

            await stop.CancelAsync();
            (await edits).ShouldBeGreaterThan(0);
            code.ShouldBe(BackupCommand.Done, output);
            output.ShouldContain($"Đã sao lưu cơ sở dữ liệu SQLite {database} vào {backup}");
            output.ShouldContain($"Backed up the SQLite database {database} to {backup}");
        }

        // Restored: the copy put in place of a database, as an operator would.
        var restored = Path.Combine(_directory, "restored.db");
        File.Copy(backup, restored);
        using var verify = new StringWriter();
        (await VerifyAuditCommand.RunAsync(
                ["--Database:Provider=Sqlite", $"--ConnectionStrings:Default=Data Source={restored}", $"--Audit:SealKeyPath={settings["Audit:SealKeyPath"]}"], verify, TextWriter.Null, Ct))
            .ShouldBe(VerifyAuditCommand.Intact, verify.ToString());
        var copy = await StoredPlan.LoadAsync(Factory(restored), Ct);
        var replayed = copy.Replay();
        copy.Nodes.ShouldAllBe(n => replayed[n.UnitId].Quantity == n.Quantity);
        copy.Audit.Count.ShouldBeGreaterThan(SeedFacts.AppendixRows);
    }

    [Fact]
    public async Task A_backup_of_a_quiet_database_holds_exactly_its_figures_and_its_audit_chain_head()
    {
        await using var database = await SqliteTestDatabase.CreateAsync();
        var backup = Path.Combine(_directory, "quiet.db");

        var (code, _, error) = await RunAsync(backup, database.ConnectionString);

        code.ShouldBe(BackupCommand.Done, error);
        var original = await StoredPlan.LoadAsync(database.Factory, Ct);
        var copy = await StoredPlan.LoadAsync(Factory(backup), Ct);
        copy.Nodes.ShouldBe(original.Nodes);
        (await AuditChainCheck.ShouldBeIntactAsync(Factory(backup), Ct)).HeadHash
            .ShouldBe((await AuditChainCheck.ShouldBeIntactAsync(database.Factory, Ct)).HeadHash);
    }

    [Fact]
    public async Task An_existing_file_is_never_overwritten()
    {
        await using var database = await SqliteTestDatabase.CreateAsync();
        var backup = Path.Combine(_directory, "earlier.db");
        await File.WriteAllTextAsync(backup, "bản sao lưu cũ", Ct);

        var (code, _, error) = await RunAsync(backup, database.ConnectionString);

        code.ShouldBe(BackupCommand.Failed);
        error.ShouldContain($"Đã có tệp {backup}");
        (await File.ReadAllTextAsync(backup, Ct)).ShouldBe("bản sao lưu cũ");
    }

    [Fact]
    public async Task A_PostgreSQL_portal_is_told_to_use_pg_dump_and_the_command_exits_3()
    {
        var (code, output, error) = await RunAsync(
            Path.Combine(_directory, "pg.dump"), "Host=db.so-tttt.vn;Port=5433;Database=phan_bo;Username=portal;Password=bi-mat", "PostgreSql");

        code.ShouldBe(BackupCommand.UseServerTools);
        output.ShouldBeEmpty();
        error.ShouldContain($"pg_dump --host=db.so-tttt.vn --port=5433 --username=portal --format=custom --file={Path.Combine(_directory, "pg.dump")} phan_bo");
        error.ShouldContain("is backed up with PostgreSQL's own tools");
        error.ShouldNotContain("bi-mat");
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private static async Task<(int Code, string Output, string Error)> RunAsync(string file, string connectionString, string provider = "Sqlite")
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await BackupCommand.RunAsync([file, $"--Database:Provider={provider}", $"--ConnectionStrings:Default={connectionString}"], output, error, Ct);
        return (code, output.ToString(), error.ToString());
    }

    /// <summary>Moves the office of the People's Committee (65) between 65 and 64 until stopped; returns how many edits were accepted.</summary>
    private static async Task<int> EditUntilStoppedAsync(HttpClient client, CancellationToken stop)
    {
        var accepted = 0;
        for (var i = 0; !stop.IsCancellationRequested; i++)
        {
            try
            {
                using var response = await client.PutAsJsonAsync("/api/v1/plans/1/units/2/quantity", new { quantity = 65 - (i % 2), reason = "Sửa trong khi sao lưu" }, stop);
                response.EnsureSuccessStatusCode();
                accepted++;
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                break;
            }
        }

        return accepted;
    }

    private static TestContextFactory Factory(string file)
    {
        var options = new DbContextOptionsBuilder<AllocationDbContext>();
        SqliteDatabase.Configure(options, $"Data Source={file};Pooling=False");
        return new TestContextFactory(options.Options);
    }
}
