using System.Globalization;
using System.Security.Cryptography;
using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Auditing;
using LicenseAllocation.Application.Common;
using LicenseAllocation.Application.Data;
using LicenseAllocation.Domain.Allocations;
using LicenseAllocation.Domain.Auditing;
using LicenseAllocation.Domain.Deployments;
using LicenseAllocation.Domain.Units;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LicenseAllocation.Application.Deployments;

/// <summary>A console report to import against a plan, read with the mapping of that name, taken on that day.</summary>
public sealed record DeploymentImportRequest(int PlanId, byte[] File, string? Mapping, DateOnly? TakenOn);

/// <summary>What the import read (and, unless a dry run, kept as snapshot <see cref="SnapshotId"/>).</summary>
public sealed record DeploymentImportReport(int? SnapshotId, int Devices, int Duplicates, IReadOnlyList<DeploymentIssue> Refused, IReadOnlyList<GroupCount> UnmappedGroups);

/// <summary>
/// Imports a console report as an immutable, dated snapshot of a plan: read (<see cref="ConsoleReportReader"/>),
/// each device judged under the configuration of the day (managed product active, another product, a version below
/// the minimum, not seen for longer than the stale limit before the report was taken), then written with its summary
/// in the audit trail, in one transaction. A snapshot records what ran, not the plan's figures, so a published plan
/// takes snapshots too. The administrator imports; one import at a time per user.
/// </summary>
public sealed class DeploymentImports(
    IDbContextFactory<AllocationDbContext> contextFactory,
    IOptions<DeploymentOptions> options,
    TimeProvider clock,
    UserOperations? operations = null)
{
    public async Task<DeploymentResult<DeploymentImportReport>> ImportAsync(Caller caller, DeploymentImportRequest request, bool dryRun, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
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
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var plan = await db.Plans.AsNoTracking().Where(p => p.Id == request.PlanId).Select(p => new { p.Id, p.ProductName }).SingleOrDefaultAsync(ct);
        if (plan is null)
        {
            return AllocationError.NotFound();
        }

        if (request.TakenOn is not { } takenOn)
        {
            return new DeploymentIssue(DeploymentErrorCode.TakenOnRequired);
        }

        if (takenOn > VietnamTime.Today(clock))
        {
            return new DeploymentIssue(DeploymentErrorCode.TakenOnInFuture);
        }

        if (await DeploymentMappings.FindAsync(db, request.Mapping, ct) is not { } mapping)
        {
            return new DeploymentIssue(DeploymentErrorCode.MappingNotFound) { Found = request.Mapping };
        }

        var report = ConsoleReportReader.Read(request.File, mapping, limits, ct);
        if (report.FileIssue is { } unreadable)
        {
            return unreadable;
        }

        var groups = await DeploymentGroups.OnAsync(db, takenOn, ct);
        var unmapped = report.Groups().Where(g => !groups.ContainsKey(g.Group)).ToList();
        if (dryRun)
        {
            return new DeploymentResult<DeploymentImportReport>(new DeploymentImportReport(null, report.Devices.Count, report.Duplicates, report.Refused, unmapped));
        }

        var judge = new DeviceJudge(limits, plan.ProductName, takenOn);
        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var snapshot = new DeploymentSnapshot(plan.Id, takenOn, now, caller.UserName, mapping.Name, report.Devices.Count, report.Duplicates, report.Refused.Count,
            Convert.ToHexStringLower(SHA256.HashData(request.File)));
        db.DeploymentSnapshots.Add(snapshot);
        await db.SaveChangesAsync(ct);
        await DeviceRows.InsertAsync(db, report.Devices.Select(d => judge.Judge(snapshot.Id, d)), ct);

        var installed = report.Devices.Count(d => judge.IsInstalled(d));
        await AuditTrail.AppendAsync(db, AuditEntry.Event(plan.Id, null, caller.UserName, now, AuditAction.DeploymentImported,
            string.Create(CultureInfo.InvariantCulture, $"Báo cáo cài đặt ngày {takenOn:dd/MM/yyyy} ({mapping.Name}): {report.Devices.Count} thiết bị, {installed} đang chạy sản phẩm, {report.Duplicates} dòng trùng được gộp, {report.Refused.Count} dòng bị từ chối, {unmapped.Count} nhóm chưa gắn đơn vị; SHA-256 {snapshot.Sha256}"),
            Guid.NewGuid()), ct);
        await BandNotices.TellAsync(db, plan.Id, snapshot, caller.UserName, now, ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new DeploymentResult<DeploymentImportReport>(new DeploymentImportReport(snapshot.Id, report.Devices.Count, report.Duplicates, report.Refused, unmapped));
    }

    /// <summary>Judges a device under the configuration of the day.</summary>
    private sealed class DeviceJudge(DeploymentOptions options, string? planProduct, DateOnly takenOn)
    {
        private readonly string[] _keywords = [.. (options.ProductKeywords.Count > 0 ? options.ProductKeywords : planProduct is { Length: > 0 } p ? [p] : [])
            .Select(SearchText.Fold).Where(k => k.Length > 0)];

        private readonly Version? _minimum = Version.TryParse(options.MinimumVersion, out var v) ? v : null;

        private readonly DateTime _staleBefore = VietnamTime.StartOfDayUtc(takenOn).AddDays(-options.StaleAfterDays);

        public bool IsManagedProduct(ConsoleDevice d)
        {
            if (d.Product.Length == 0)
            {
                return false;
            }

            var folded = SearchText.Fold(d.Product);
            return _keywords.Length == 0 || _keywords.Any(k => folded.Contains(k, StringComparison.Ordinal));
        }

        public bool IsInstalled(ConsoleDevice d) => d.Active && IsManagedProduct(d);

        public DeploymentDevice Judge(int snapshotId, ConsoleDevice d)
        {
            var managed = IsManagedProduct(d);
            var outdated = managed && _minimum is not null && d.Version is { } text && ParseVersion(text) is { } version && version < _minimum;
            // A device whose last-seen time the report did not give is not judged stale: unknown is counted apart.
            var stale = d.LastSeenUtc is { } seen && seen < _staleBefore;
            return new DeploymentDevice(snapshotId, Cut(d.DeviceId), Cut(d.Name), Cut(d.Group), Cut(d.Product), d.Version is null ? null : Cut(d.Version), d.LastSeenUtc,
                d.Active && managed, d.Product.Length > 0 && !managed, outdated, stale);
        }

        private static Version? ParseVersion(string text)
        {
            var digits = new string([.. text.TakeWhile(c => char.IsAsciiDigit(c) || c == '.')]).Trim('.');
            return Version.TryParse(digits.Contains('.', StringComparison.Ordinal) ? digits : digits + ".0", out var v) ? v : null;
        }

        private static string Cut(string text) => text.Length <= DeploymentDevice.MaxTextLength ? text : text[..DeploymentDevice.MaxTextLength];
    }
}
