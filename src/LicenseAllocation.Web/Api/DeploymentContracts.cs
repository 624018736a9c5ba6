using System.Globalization;
using LicenseAllocation.Application.Deployments;
using LicenseAllocation.Domain.Deployments;

namespace LicenseAllocation.Web.Api;

/// <summary><c>{"deviceId","deviceName","group","product","version"?,"lastSeen"?,"active"?}</c>: each the header text of its column.</summary>
public sealed record MappingColumnsDto(string DeviceId, string DeviceName, string Group, string Product, string? Version = null, string? LastSeen = null, string? Active = null)
{
    internal static MappingColumnsDto From(ConsoleColumns c) => new(c.DeviceId, c.DeviceName, c.Group, c.Product, c.Version, c.LastSeen, c.Active);

    internal ConsoleColumns ToColumns() => new(DeviceId, DeviceName, Group, Product, Version, LastSeen, Active);
}

/// <summary>A column mapping: <c>{"name","columns","delimiter","encoding","builtIn"}</c>.</summary>
public sealed record MappingDto(string Name, MappingColumnsDto Columns, string? Delimiter, string? Encoding, bool BuiltIn)
{
    internal static MappingDto From(ConsoleMapping m) => new(m.Name, MappingColumnsDto.From(m.Columns), m.Delimiter?.ToString(), m.Encoding, m.BuiltIn);
}

/// <summary>The body of <c>PUT /deployments/mappings/{name}</c>.</summary>
public sealed record MappingRequest(MappingColumnsDto? Columns, string? Delimiter, string? Encoding);

/// <summary>A saved mapping's new name: <c>{"name"}</c>.</summary>
public sealed record RenameMappingRequest(string? Name);

/// <summary>A row refused: <c>{"row","code","reason"}</c>.</summary>
public sealed record RefusedRowDto(int? Row, string Code, string Reason)
{
    internal static RefusedRowDto From(DeploymentIssue issue) => new(issue.Row, issue.ApiCode, DeploymentMessages.Describe(issue, CultureInfo.CurrentUICulture));
}

/// <summary>A group and its devices.</summary>
public sealed record GroupCountDto(string Group, int Devices);

/// <summary>The 201 (or, on a dry run, 200) answer of an import.</summary>
public sealed record DeploymentImportResponse(int? SnapshotId, int Devices, int Duplicates, IReadOnlyList<RefusedRowDto> Refused, IReadOnlyList<GroupCountDto> UnmappedGroups)
{
    internal static DeploymentImportResponse From(DeploymentImportReport r) =>
        new(r.SnapshotId, r.Devices, r.Duplicates, [.. r.Refused.Select(RefusedRowDto.From)], [.. r.UnmappedGroups.Select(g => new GroupCountDto(g.Group, g.Devices))]);
}

/// <summary>A group's mapping: <c>{"group","unitId","unitName","validFrom","suggestedUnitId","suggestedUnitName","devices"}</c>.</summary>
public sealed record GroupDto(string Group, int? UnitId, string? UnitName, DateOnly? ValidFrom, int? SuggestedUnitId, string? SuggestedUnitName, int Devices);

/// <summary>The body of <c>PUT /deployments/groups</c>.</summary>
public sealed record GroupsRequest(IReadOnlyList<GroupItemDto>? Items, DateOnly? ValidFrom);

public sealed record GroupItemDto(string Group, int? UnitId);

/// <summary>
/// Figures of a unit or a subtree; <c>band</c> is <c>ok</c>, <c>info</c>, <c>warning</c> or <c>critical</c>;
/// <c>lastSeenUnknown</c> counts the devices the report gave no last-seen time for (never among the stale).
/// </summary>
public sealed record FiguresDto(int Installed, int Stale, int OtherProduct, int Outdated, int Licensed, decimal? UsePercent, string Band, int LastSeenUnknown)
{
    internal static FiguresDto From(DeploymentFigures f) => new(f.Installed, f.Stale, f.OtherProduct, f.Outdated, f.Licensed, f.UsePercent, BandCode(f.Band), f.LastSeenUnknown);

    internal static string BandCode(UseBand band) => band.ToString().ToLowerInvariant();
}

public sealed record DeploymentItemDto(int UnitId, string? Code, string Name, int Installed, int Stale, int OtherProduct, int Outdated, int Licensed, decimal? UsePercent, string Band, FiguresDto Subtree, int LastSeenUnknown);

public sealed record SnapshotDto(int SnapshotId, DateOnly TakenOn, int Devices, string Mapping);

/// <summary>The picture: <c>{"snapshotId","takenOn","items":[…],"unmappedGroups":[…],"snapshots":[…]}</c>.</summary>
public sealed record DeploymentResponse(int SnapshotId, DateOnly TakenOn, IReadOnlyList<DeploymentItemDto> Items, IReadOnlyList<GroupCountDto> UnmappedGroups, IReadOnlyList<SnapshotDto> Snapshots)
{
    internal static DeploymentResponse From(DeploymentPictureView v) => new(
        v.Snapshot.Id,
        v.Snapshot.TakenOn,
        [.. v.Units.Select(u => new DeploymentItemDto(u.UnitId, u.Code, u.Name, u.Own.Installed, u.Own.Stale, u.Own.OtherProduct, u.Own.Outdated, u.Own.Licensed, u.Own.UsePercent,
            FiguresDto.BandCode(u.Own.Band), FiguresDto.From(u.Subtree), u.Own.LastSeenUnknown))],
        [.. v.UnmappedGroups.Select(g => new GroupCountDto(g.Group, g.Devices))],
        [.. v.Snapshots.Select(s => new SnapshotDto(s.Id, s.TakenOn, s.Devices, s.MappingName))]);
}
