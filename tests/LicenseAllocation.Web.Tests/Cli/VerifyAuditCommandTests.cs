using System.Diagnostics;
using System.Text;
using LicenseAllocation.Application.Data;
using LicenseAllocation.Testing;
using LicenseAllocation.Web.Cli;
using Microsoft.EntityFrameworkCore;
using Shouldly;

namespace LicenseAllocation.Web.Tests.Cli;

/// <summary>
/// <c>verify-audit</c> on databases the tests prepare: run through its entry method with the portal's configuration
/// keys as options, and once as the built portal started as a process, configured by environment variables.
/// </summary>
public sealed class VerifyAuditCommandTests(PostgresCluster cluster)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_intact_database_exits_0_with_the_verdict_in_Vietnamese()
    {
        await using var database = await SqliteTestDatabase.CreateAsync();

        var (code, output, error) = await RunAsync("Sqlite", database.ConnectionString);

        code.ShouldBe(VerifyAuditCommand.Intact, error);
        output.ShouldContain($"Nhật ký toàn vẹn: đã kiểm tra {SeedFacts.AppendixRows + 1} dòng");
        output.ShouldContain("Kết quả: HỢP LỆ.");
        output.ShouldContain("Mã băm cuối chuỗi: ");
        error.ShouldBeEmpty();
    }

    [Fact]
    public async Task An_edited_row_exits_2_naming_the_row_and_what_is_wrong()
    {
        await using var database = await SqliteTestDatabase.CreateAsync();
        var victim = await TamperAsync(database.Factory);

        var (code, output, _) = await RunAsync("Sqlite", database.ConnectionString);

        code.ShouldBe(VerifyAuditCommand.Broken);
        output.ShouldContain($"dòng nhật ký số {victim} (vị trí 5 trong chuỗi) đã bị sửa sau khi ghi");
        output.ShouldContain($"Kết quả: KHÔNG HỢP LỆ — dòng hỏng đầu tiên: số {victim}, vị trí 5 trong chuỗi.");
    }

    [Fact]
    public async Task Rows_deleted_at_the_end_exit_2()
    {
        await using var database = await SqliteTestDatabase.CreateAsync();
        await using (var db = await database.Factory.CreateDbContextAsync(Ct))
        {
            var last = await db.AuditEntries.MaxAsync(a => a.Sequence, Ct);
            await db.AuditEntries.Where(a => a.Sequence == last).ExecuteDeleteAsync(Ct);
        }

        var (code, output, _) = await RunAsync("Sqlite", database.ConnectionString);

        code.ShouldBe(VerifyAuditCommand.Broken);
        output.ShouldContain($"thiếu các dòng cuối, từ vị trí {SeedFacts.AppendixRows + 1}");
    }

    [Fact]
    public async Task A_missing_database_file_exits_1_and_is_not_created()
    {
        var file = Path.Combine(Path.GetTempPath(), "license-allocation-tests", Guid.NewGuid().ToString("N"), "khong-co.db");

        var (code, output, error) = await RunAsync("Sqlite", $"Data Source={file}");

        code.ShouldBe(VerifyAuditCommand.Failed);
        output.ShouldBeEmpty();
        error.ShouldContain($"không tìm thấy tệp cơ sở dữ liệu {file}");
        File.Exists(file).ShouldBeFalse();
    }

    [Fact]
    public async Task A_database_that_does_not_answer_exits_1()
    {
        var (code, _, error) = await RunAsync("PostgreSql", "Host=127.0.0.1;Port=1;Database=khong-co;Username=x;Password=y;Timeout=2");

        code.ShouldBe(VerifyAuditCommand.Failed);
        error.ShouldStartWith("Không kiểm tra được nhật ký: ");
    }

    [Fact]
    public async Task A_PostgreSQL_database_is_checked_through_the_same_configuration()
    {
        await using var database = await PostgresTestDatabase.CreateAsync(cluster, cancellationToken: Ct);

        (await RunAsync("PostgreSql", database.ConnectionString)).Code.ShouldBe(VerifyAuditCommand.Intact);
        var victim = await TamperAsync(database.Factory);
        var (code, output, _) = await RunAsync("PostgreSql", database.ConnectionString);

        code.ShouldBe(VerifyAuditCommand.Broken);
        output.ShouldContain($"dòng hỏng đầu tiên: số {victim}");
    }

    [Fact]
    public async Task The_built_portal_runs_the_verb_and_exits_without_starting_a_server()
    {
        await using var database = await SqliteTestDatabase.CreateAsync();
        var portal = Path.Combine(AppContext.BaseDirectory, "LicenseAllocation.Web.dll");

        var intact = await RunProcessAsync(portal, database.ConnectionString);
        await TamperAsync(database.Factory);
        var broken = await RunProcessAsync(portal, database.ConnectionString);

        intact.Code.ShouldBe(0, intact.Output);
        intact.Output.ShouldContain("Kết quả: HỢP LỆ.");
        intact.Output.ShouldNotContain("Now listening");
        broken.Code.ShouldBe(2, broken.Output);
        broken.Output.ShouldContain("Kết quả: KHÔNG HỢP LỆ");
    }

    [Fact]
    public async Task With_the_seal_key_a_chain_re_sealed_without_it_exits_2_and_a_lost_checkpoint_is_named()
    {
        await using var database = await SqliteTestDatabase.CreateAsync();
        string recorded;
        await using (var db = await database.Factory.CreateDbContextAsync(Ct))
        {
            var head = await db.AuditChainHeads.SingleAsync(Ct);
            recorded = $"{head.Sequence}:{head.LastHash}";
        }

        await AuditForgery.RewriteFromAsync(database.Factory, 5, "Lý do đã bị sửa", Ct);

        var unkeyed = await RunAsync("Sqlite", database.ConnectionString);
        var keyed = await RunAsync("Sqlite", database.ConnectionString, $"--Audit:SealKey={TestSealKeys.CurrentBase64}", VerifyAuditCommand.ExpectHeadOption, recorded);
        var badCheckpoint = await RunAsync("Sqlite", database.ConnectionString, $"{VerifyAuditCommand.ExpectHeadOption}=5:abc");

        unkeyed.Code.ShouldBe(VerifyAuditCommand.Intact, "without the key only the unkeyed chain can be checked");
        unkeyed.Output.ShouldContain("Dấu niêm phong bằng khóa chưa được kiểm tra");
        keyed.Code.ShouldBe(VerifyAuditCommand.Broken, keyed.Error);
        keyed.Output.ShouldContain("(vị trí 5 trong chuỗi) không mang dấu niêm phong bằng khóa hợp lệ");
        keyed.Output.ShouldContain($"Chuỗi KHÔNG còn chứa mốc đã ghi {recorded}.");
        badCheckpoint.Code.ShouldBe(VerifyAuditCommand.Failed);
        badCheckpoint.Error.ShouldContain(VerifyAuditCommand.ExpectHeadOption);
    }

    private static async Task<(int Code, string Output, string Error)> RunAsync(string provider, string connectionString, params string[] options)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        // Without a key in the options, a key file nobody wrote, whatever an earlier portal left in the working folder.
        string[] keys = options.Any(o => o.StartsWith("--Audit:SealKey=", StringComparison.Ordinal))
            ? []
            : [$"--Audit:SealKeyPath={Path.Combine(Path.GetTempPath(), $"no-seal-keys-{Guid.NewGuid():N}")}"];
        var code = await VerifyAuditCommand.RunAsync(
            [$"--Database:Provider={provider}", $"--ConnectionStrings:Default={connectionString}", .. keys, .. options], output, error, Ct);
        return (code, output.ToString(), error.ToString());
    }

    private static async Task<(int Code, string Output)> RunProcessAsync(string portal, string connectionString)
    {
        var start = new ProcessStartInfo("dotnet", [portal, VerifyAuditCommand.Verb])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            WorkingDirectory = Path.GetTempPath(),
        };
        start.Environment["Database__Provider"] = "Sqlite";
        start.Environment["ConnectionStrings__Default"] = connectionString;
        start.Environment["Audit__SealKeyPath"] = Path.Combine(Path.GetTempPath(), $"no-seal-keys-{Guid.NewGuid():N}");
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(Ct);
        var error = process.StandardError.ReadToEndAsync(Ct);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromMinutes(1));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await error);
    }

    /// <summary>Changes the figure of the fifth row of the chain directly in the database; returns that row's id.</summary>
    private static async Task<long> TamperAsync(IDbContextFactory<AllocationDbContext> factory)
    {
        await using var db = await factory.CreateDbContextAsync(Ct);
        var row = await db.AuditEntries.Where(a => a.Sequence == 5).Select(a => a.Id).SingleAsync(Ct);
        (await db.AuditEntries.Where(a => a.Id == row).ExecuteUpdateAsync(s => s.SetProperty(a => a.NewValue, a => a.NewValue + 1), Ct)).ShouldBe(1);
        return row;
    }
}
