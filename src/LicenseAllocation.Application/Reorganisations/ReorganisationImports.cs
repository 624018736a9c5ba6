using System.Security.Cryptography;
using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Common;
using LicenseAllocation.Application.Data;
using LicenseAllocation.Application.Import;
using LicenseAllocation.Domain.Allocations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LicenseAllocation.Application.Reorganisations;

/// <summary>
/// Records a reorganisation the province administrator brings as a file — JSON of the shape of the shipped reference
/// files (<see cref="ReorganisationJson"/>) or the portal's workbook (<see cref="ReorganisationWorkbook"/>) — all or
/// nothing. The file passes the import's limits and defences first (<see cref="ImportOptions"/>, <see cref="XlsxPackageGuard"/>);
/// it is then checked against the units as they stood the day before the effective date (<see cref="ReorganisationCheck"/>),
/// and recorded by <see cref="ReorganisationRecorder"/>, the path of the shipped 2025 reorganisation, with its audit row
/// in the same transaction. A dry run checks and previews, and changes nothing. One import at a time per user.
/// </summary>
public sealed class ReorganisationImports(
    IDbContextFactory<AllocationDbContext> contextFactory,
    IOptions<ImportOptions> options,
    TimeProvider clock,
    UserOperations? operations = null)
{
    /// <summary>The most new units and links new ← old a file may hold: the 2025 reorganisation has 117 and 452.</summary>
    public const int MaxUnits = 2_000;
    public const int MaxLinks = 20_000;

    public async Task<Outcome<ReorganisationImportReport>> ImportAsync(Caller caller, byte[] file, bool dryRun, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(file);
        if (!AccessPolicy.CanManagePlans(caller))
        {
            return AllocationError.Forbidden();
        }

        using var lease = operations?.TryStart(caller.UserName, UserOperation.Import);
        if (operations is not null && lease is null)
        {
            return AllocationError.ImportInProgress();
        }

        var limits = options.Value;
        if (file.Length > limits.MaxFileBytes)
        {
            return Refused(ReorganisationIssue.OfFile(new ImportIssue(ImportErrorCode.FileTooLarge) { Actual = file.Length, Limit = limits.MaxFileBytes }));
        }

        var (reading, format) = Read(file, limits, cancellationToken);
        if (reading.Draft is not { } draft)
        {
            return new ReorganisationImportReport(null, reading.Issues, null);
        }

        if (draft.Units.Count > MaxUnits || draft.Units.Sum(u => u.FormedFrom.Count) > MaxLinks)
        {
            return Refused(new ReorganisationIssue(ReorganisationFileErrorCode.ReorganisationTooManyRows) { Limit = MaxUnits });
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = dryRun ? null : await db.Database.BeginTransactionAsync(cancellationToken);
        var check = await ReorganisationCheck.RunAsync(db, draft, VietnamTime.Today(clock), cancellationToken);
        IReadOnlyList<ReorganisationIssue> issues = [.. reading.Issues.Concat(check.Issues)
            .OrderBy(i => i.Sheet ?? string.Empty, StringComparer.Ordinal).ThenBy(i => i.Row ?? 0)];
        if (issues.Count > 0 || dryRun || check.Spec is not { } spec)
        {
            return new ReorganisationImportReport(check.Preview, issues, null);
        }

        Domain.Reorganisations.Reorganisation recorded;
        try
        {
            var source = $"nhập từ tệp {format}, SHA-256 {Convert.ToHexStringLower(SHA256.HashData(file))}";
            recorded = await ReorganisationRecorder.RecordAsync(db, spec, caller.UserName, clock.GetUtcNow().UtcDateTime, cancellationToken, source);
            await transaction!.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same reorganisation (name and date) recorded a moment earlier.
            return new ReorganisationImportReport(check.Preview, [new ReorganisationIssue(ReorganisationFileErrorCode.ReorganisationExists) { Found = spec.Name }], null);
        }

        return new ReorganisationImportReport(check.Preview, [], await ReorganisationQueries.DetailsAsync(db, recorded.Id, cancellationToken));
    }

    private static ReorganisationImportReport Refused(ReorganisationIssue issue) => new(null, [issue], null);

    private static (DraftReading Reading, string Format) Read(byte[] file, ImportOptions limits, CancellationToken ct)
    {
        if (ReorganisationJson.LooksLikeJson(file))
        {
            return (ReorganisationJson.Read(file), "JSON");
        }

        if (XlsxPackageGuard.Check(file, limits) is { } unsafeFile)
        {
            // Neither JSON nor a workbook: say so, rather than that it is not an .xlsx.
            return unsafeFile.Code == ImportErrorCode.NotXlsx && !file.AsSpan().StartsWith("PK"u8)
                ? (new DraftReading(null, [new ReorganisationIssue(ReorganisationFileErrorCode.ReorganisationFileUnreadable)]), "?")
                : (new DraftReading(null, [ReorganisationIssue.OfFile(unsafeFile)]), "Excel");
        }

        return (ReorganisationWorkbook.Read(file, limits, ct), "Excel");
    }
}
