using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Auditing;
using LicenseAllocation.Application.Data;
using LicenseAllocation.Domain.Allocations;
using LicenseAllocation.Domain.Auditing;
using LicenseAllocation.Domain.Deployments;
using LicenseAllocation.Domain.Text;
using Microsoft.EntityFrameworkCore;

namespace LicenseAllocation.Application.Deployments;

/// <summary>The column mappings: the presets shipped with the portal and those the administrator saved.</summary>
public sealed class DeploymentMappings(IDbContextFactory<AllocationDbContext> contextFactory, TimeProvider clock)
{
    public async Task<DeploymentResult<IReadOnlyList<ConsoleMapping>>> ListAsync(Caller caller, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!AccessPolicy.SeesWholeTree(caller))
        {
            return AllocationError.Forbidden();
        }

        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var saved = await db.DeploymentColumnMappings.AsNoTracking().OrderBy(m => m.Name).ToListAsync(ct);
        return new DeploymentResult<IReadOnlyList<ConsoleMapping>>([.. ConsoleMapping.Presets, .. saved.Select(ToMapping)]);
    }

    /// <summary>The mapping of that name (a preset first), or null.</summary>
    internal static async Task<ConsoleMapping?> FindAsync(AllocationDbContext db, string? name, CancellationToken ct)
    {
        var wanted = InputText.Normalize(name) ?? string.Empty;
        if (ConsoleMapping.Presets.FirstOrDefault(p => InputText.SameName(p.Name, wanted)) is { } preset)
        {
            return preset;
        }

        var saved = await db.DeploymentColumnMappings.AsNoTracking().Where(m => m.Name == wanted).SingleOrDefaultAsync(ct);
        return saved is null ? null : ToMapping(saved);
    }

    /// <summary>Saves (or replaces) the mapping <paramref name="name"/>; the presets keep their names.</summary>
    public async Task<DeploymentResult<ConsoleMapping>> SaveAsync(Caller caller, string name, ConsoleColumns columns, string? delimiter, string? encoding, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!AccessPolicy.CanManagePlans(caller))
        {
            return AllocationError.Forbidden();
        }

        var mapping = Check(name, columns, delimiter, encoding);
        if (mapping.Issue is not null)
        {
            return mapping.Issue;
        }

        var valid = mapping.Value!;
        if (ConsoleMapping.Presets.Any(p => InputText.SameName(p.Name, valid.Name)))
        {
            return new DeploymentIssue(DeploymentErrorCode.MappingBuiltIn) { Found = valid.Name };
        }

        await using var db = await contextFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var row = await db.DeploymentColumnMappings.SingleOrDefaultAsync(m => m.Name == valid.Name, ct);
        if (row is null)
        {
            row = new DeploymentColumnMapping(valid.Name);
            db.DeploymentColumnMappings.Add(row);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        (row.DeviceId, row.DeviceName, row.Group, row.Product) = (valid.Columns.DeviceId, valid.Columns.DeviceName, valid.Columns.Group, valid.Columns.Product);
        (row.Version, row.LastSeen, row.Active) = (valid.Columns.Version, valid.Columns.LastSeen, valid.Columns.Active);
        (row.Delimiter, row.Encoding, row.UpdatedBy, row.UpdatedAtUtc) = (valid.Delimiter?.ToString(), valid.Encoding, caller.UserName, now);
        await AuditTrail.AppendAsync(db, AuditEntry.Event(null, null, caller.UserName, now, AuditAction.DeploymentMappingSaved,
            $"Mẫu ánh xạ cột “{valid.Name}”: mã thiết bị “{valid.Columns.DeviceId}”, tên “{valid.Columns.DeviceName}”, nhóm “{valid.Columns.Group}”, sản phẩm “{valid.Columns.Product}”", Guid.NewGuid()), ct);
        await transaction.CommitAsync(ct);
        return new DeploymentResult<ConsoleMapping>(valid);
    }

    /// <summary>
    /// Gives the saved mapping <paramref name="name"/> the name <paramref name="newName"/>; the presets keep theirs, and
    /// no two mappings share a name. Snapshots keep the name they were read with (it is their record of the import).
    /// </summary>
    public async Task<DeploymentResult<ConsoleMapping>> RenameAsync(Caller caller, string name, string newName, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!AccessPolicy.CanManagePlans(caller))
        {
            return AllocationError.Forbidden();
        }

        var (from, to) = (InputText.Normalize(name) ?? string.Empty, InputText.Normalize(newName));
        if (string.IsNullOrEmpty(to) || to.Length > DeploymentColumnMapping.MaxNameLength || InputText.Check(to) is not null)
        {
            return new DeploymentIssue(DeploymentErrorCode.MappingInvalid) { Limit = DeploymentColumnMapping.MaxHeaderLength };
        }

        if (ConsoleMapping.Presets.FirstOrDefault(p => InputText.SameName(p.Name, from) || InputText.SameName(p.Name, to)) is { } preset)
        {
            return new DeploymentIssue(DeploymentErrorCode.MappingBuiltIn) { Found = preset.Name };
        }

        await using var db = await contextFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var row = await db.DeploymentColumnMappings.SingleOrDefaultAsync(m => m.Name == from, ct);
        if (row is null)
        {
            return new DeploymentIssue(DeploymentErrorCode.MappingNotFound) { Found = from };
        }

        if (to != from && await db.DeploymentColumnMappings.AnyAsync(m => m.Name == to, ct))
        {
            return new DeploymentIssue(DeploymentErrorCode.MappingNameTaken) { Found = to };
        }

        var now = clock.GetUtcNow().UtcDateTime;
        row.Rename(to);
        (row.UpdatedBy, row.UpdatedAtUtc) = (caller.UserName, now);
        await AuditTrail.AppendAsync(db, AuditEntry.Event(null, null, caller.UserName, now, AuditAction.DeploymentMappingRenamed,
            $"Mẫu ánh xạ cột “{from}” đổi tên thành “{to}”", Guid.NewGuid()), ct);
        await transaction.CommitAsync(ct);
        return new DeploymentResult<ConsoleMapping>(ToMapping(row));
    }

    /// <summary>Deletes the saved mapping <paramref name="name"/>; a preset cannot be deleted. Snapshots read with it keep its name.</summary>
    public async Task<DeploymentResult<bool>> DeleteAsync(Caller caller, string name, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!AccessPolicy.CanManagePlans(caller))
        {
            return AllocationError.Forbidden();
        }

        var wanted = InputText.Normalize(name) ?? string.Empty;
        if (ConsoleMapping.Presets.FirstOrDefault(p => InputText.SameName(p.Name, wanted)) is { } preset)
        {
            return new DeploymentIssue(DeploymentErrorCode.MappingBuiltIn) { Found = preset.Name };
        }

        await using var db = await contextFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var row = await db.DeploymentColumnMappings.SingleOrDefaultAsync(m => m.Name == wanted, ct);
        if (row is null)
        {
            return new DeploymentIssue(DeploymentErrorCode.MappingNotFound) { Found = wanted };
        }

        db.DeploymentColumnMappings.Remove(row);
        await AuditTrail.AppendAsync(db, AuditEntry.Event(null, null, caller.UserName, clock.GetUtcNow().UtcDateTime, AuditAction.DeploymentMappingDeleted,
            $"Xoá mẫu ánh xạ cột “{wanted}”", Guid.NewGuid()), ct);
        await transaction.CommitAsync(ct);
        return new DeploymentResult<bool>(true);
    }

    private static DeploymentResult<ConsoleMapping> Check(string name, ConsoleColumns columns, string? delimiter, string? encoding)
    {
        var invalid = new DeploymentIssue(DeploymentErrorCode.MappingInvalid) { Limit = DeploymentColumnMapping.MaxHeaderLength };
        string? Header(string? value, bool required)
        {
            var text = InputText.Normalize(value);
            return string.IsNullOrEmpty(text) ? (required ? "" : null) : text;
        }

        var cleanName = InputText.Normalize(name);
        if (columns is null || string.IsNullOrEmpty(cleanName) || cleanName.Length > DeploymentColumnMapping.MaxNameLength || InputText.Check(cleanName) is not null)
        {
            return invalid;
        }

        var clean = new ConsoleColumns(Header(columns.DeviceId, true)!, Header(columns.DeviceName, true)!, Header(columns.Group, true)!, Header(columns.Product, true)!,
            Header(columns.Version, false), Header(columns.LastSeen, false), Header(columns.Active, false));
        string?[] all = [clean.DeviceId, clean.DeviceName, clean.Group, clean.Product, clean.Version, clean.LastSeen, clean.Active];
        if (all.Take(4).Any(string.IsNullOrEmpty) || all.Any(h => h is { Length: > DeploymentColumnMapping.MaxHeaderLength } || InputText.Check(h) is not null))
        {
            return invalid;
        }

        char? separator = delimiter switch
        {
            null or "" => null,
            "," or ";" or "\t" => delimiter[0],
            "tab" => '\t',
            _ => '\0',
        };
        var encodingName = string.IsNullOrWhiteSpace(encoding) ? null : encoding.Trim().ToLowerInvariant();
        return separator == '\0' || (encodingName is not null && !ConsoleMapping.Encodings.Contains(encodingName))
            ? invalid
            : new DeploymentResult<ConsoleMapping>(new ConsoleMapping(cleanName, clean, separator, encodingName));
    }

    private static ConsoleMapping ToMapping(DeploymentColumnMapping m) =>
        new(m.Name, new ConsoleColumns(m.DeviceId, m.DeviceName, m.Group, m.Product, m.Version, m.LastSeen, m.Active), m.Delimiter is { Length: 1 } d ? d[0] : null, m.Encoding);
}
