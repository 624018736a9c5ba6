using System.Globalization;
using LicenseAllocation.Application;
using LicenseAllocation.Application.Auditing;
using LicenseAllocation.Application.Data;
using LicenseAllocation.Web.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace LicenseAllocation.Web.Cli;

/// <summary>
/// <c>verify-audit</c>: checks the audit chain of the database the portal is configured for (the same
/// <c>Database:Provider</c> and <c>ConnectionStrings:Default</c>, from the same appsettings, environment variables and
/// command-line options) without starting the web server, and without writing to the database or creating a seal key.
/// With the portal's seal keys (<c>Audit:SealKey</c>, <c>Audit:SealKeyPath</c> or <c>data/audit-seal.keys</c>) it also
/// checks the keyed seals; <c>--expect-head &lt;sequence&gt;:&lt;hash&gt;</c> (a head recorded earlier) asks whether the chain
/// still holds it. Prints the verdict in Vietnamese; exits 0 when the chain is intact, 2 when it is broken, 1 when it
/// could not be checked.
/// </summary>
internal static class VerifyAuditCommand
{
    public const string Verb = "verify-audit";
    public const int Intact = 0;
    public const int Failed = 1;
    public const int Broken = 2;

    public const string ExpectHeadOption = "--expect-head";

    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>Runs the check; <paramref name="args"/> are the options after the verb, e.g. <c>--ConnectionStrings:Default="Data Source=..."</c>.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        try
        {
            if (!TryTakeCheckpoint(ref args, out var checkpoint))
            {
                await error.WriteLineAsync($"Không kiểm tra được nhật ký: {ExpectHeadOption} phải có dạng <vị trí>:<mã băm> (mã băm 64 ký tự thập lục phân), như trang nhật ký hiển thị đầu chuỗi.");
                return Failed;
            }

            // The web builder reads configuration exactly as the portal does; it is never built into a server.
            var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args });
            var services = new ServiceCollection();
            services.AddLogging();
            services.AddPortalDatabase(builder.Configuration, builder.Environment.ContentRootPath, createSealKey: false);
            services.AddLicenseAllocationApplication();
            await using var provider = services.BuildServiceProvider();

            var settings = provider.GetRequiredService<DatabaseSettings>();
            var factory = provider.GetRequiredService<IDbContextFactory<AllocationDbContext>>();
            if (await CannotCheckAsync(settings, factory, cancellationToken) is { } reason)
            {
                await error.WriteLineAsync("Không kiểm tra được nhật ký: " + reason);
                return Failed;
            }

            var verdict = await provider.GetRequiredService<AuditChainVerifier>().VerifyAsync(checkpoint, cancellationToken);
            await output.WriteLineAsync($"Kiểm tra nhật ký thay đổi — {await DescribeDatabaseAsync(settings, factory, cancellationToken)}");
            await output.WriteLineAsync(AuditVerdictText.Describe(verdict, Vietnamese));
            await output.WriteLineAsync($"Mã băm cuối chuỗi: {verdict.HeadHash}");
            await output.WriteLineAsync($"Đầu chuỗi để ghi vào hồ sơ: {verdict.Head}");
            if (verdict.Valid)
            {
                await output.WriteLineAsync("Kết quả: HỢP LỆ.");
                return Intact;
            }

            await output.WriteLineAsync(verdict switch
            {
                { FirstBrokenId: { } id } => $"Kết quả: KHÔNG HỢP LỆ — dòng hỏng đầu tiên: số {id}, vị trí {verdict.FirstBrokenSequence} trong chuỗi.",
                { Problem: AuditChainProblem.CheckpointLost } => $"Kết quả: KHÔNG HỢP LỆ — chuỗi không còn chứa mốc {verdict.Checkpoint}.",
                _ => $"Kết quả: KHÔNG HỢP LỆ — thiếu các dòng cuối, từ vị trí {verdict.FirstBrokenSequence} trong chuỗi.",
            });
            return Broken;
        }
#pragma warning disable CA1031 // Any failure to check is reported with exit code 1, as the verb promises; the message says what it was.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            await error.WriteLineAsync("Không kiểm tra được nhật ký: " + exception.Message);
            return Failed;
        }
    }

    /// <summary>Takes <c>--expect-head value</c> or <c>--expect-head=value</c> out of the options; false when its value is not a checkpoint.</summary>
    private static bool TryTakeCheckpoint(ref string[] args, out AuditCheckpoint? checkpoint)
    {
        checkpoint = null;
        var rest = new List<string>(args.Length);
        for (var i = 0; i < args.Length; i++)
        {
            string? value = null;
            if (args[i] == ExpectHeadOption)
            {
                value = i + 1 < args.Length ? args[++i] : string.Empty;
            }
            else if (args[i].StartsWith(ExpectHeadOption + "=", StringComparison.Ordinal))
            {
                value = args[i][(ExpectHeadOption.Length + 1)..];
            }
            else
            {
                rest.Add(args[i]);
                continue;
            }

            if (!AuditCheckpoint.TryParse(value, out checkpoint))
            {
                return false;
            }
        }

        args = [.. rest];
        return true;
    }

    /// <summary>Why the database cannot be checked as it is, or null. Nothing here writes to it.</summary>
    private static async Task<string?> CannotCheckAsync(DatabaseSettings settings, IDbContextFactory<AllocationDbContext> factory, CancellationToken cancellationToken)
    {
        // Opening a missing SQLite file would create an empty one: say so instead.
        if (settings.Provider == DatabaseProvider.Sqlite && new SqliteConnectionStringBuilder(settings.ConnectionString).DataSource is var file
            && !file.StartsWith(':') && !File.Exists(file))
        {
            return $"không tìm thấy tệp cơ sở dữ liệu {file}. Kiểm tra cấu hình ConnectionStrings:Default.";
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        if (!await db.Database.CanConnectAsync(cancellationToken))
        {
            return $"không kết nối được cơ sở dữ liệu ({settings.Provider}). Kiểm tra cấu hình Database:Provider và ConnectionStrings:Default.";
        }

        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).Count();
        if (pending > 0)
        {
            return $"cơ sở dữ liệu chưa ở lược đồ hiện tại (còn {pending} bản cập nhật lược đồ chưa áp dụng). Khởi động cổng thông tin một lần để cập nhật, rồi kiểm tra lại.";
        }

        if (await db.AuditEntries.AnyAsync(a => a.Sequence <= 0, cancellationToken))
        {
            return "có dòng nhật ký ghi trước khi có chuỗi mã băm và chưa được niêm phong. Khởi động cổng thông tin một lần để niêm phong, rồi kiểm tra lại.";
        }

        return null;
    }

    /// <summary>Which database was checked, without the connection string's password.</summary>
    private static async Task<string> DescribeDatabaseAsync(DatabaseSettings settings, IDbContextFactory<AllocationDbContext> factory, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var connection = db.Database.GetDbConnection();
        return settings.Provider == DatabaseProvider.Sqlite
            ? $"cơ sở dữ liệu SQLite {connection.DataSource}"
            : $"cơ sở dữ liệu {settings.Provider} {connection.Database} trên {connection.DataSource}";
    }
}
