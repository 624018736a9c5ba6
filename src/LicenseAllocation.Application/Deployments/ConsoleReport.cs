namespace LicenseAllocation.Application.Deployments;

/// <summary>
/// One device as the console reported it: its id (the key duplicates are merged by), the name people read, the console
/// group (name or path, NFC), the product and version, when it was last seen (UTC) and whether its licence is active.
/// </summary>
public sealed record ConsoleDevice(string DeviceId, string Name, string Group, string Product, string? Version, DateTime? LastSeenUtc, bool Active, int Row);

/// <summary>A console group and how many devices of the report stand in it.</summary>
public sealed record GroupCount(string Group, int Devices);

/// <summary>
/// What was read from a console report: the devices (one per device id), how many rows were merged into another row of
/// the same device, the rows refused and why, or the issue that refused the whole file.
/// </summary>
public sealed record ConsoleReport(IReadOnlyList<ConsoleDevice> Devices, int Duplicates, IReadOnlyList<DeploymentIssue> Refused, DeploymentIssue? FileIssue = null)
{
    public bool IsReadable => FileIssue is null;

    public static ConsoleReport Unreadable(DeploymentIssue issue) => new([], 0, [], issue);

    /// <summary>The groups of the devices, largest first.</summary>
    public IReadOnlyList<GroupCount> Groups() =>
    [
        .. Devices.GroupBy(d => d.Group, StringComparer.Ordinal)
            .Select(g => new GroupCount(g.Key, g.Count()))
            .OrderByDescending(g => g.Devices).ThenBy(g => g.Group, StringComparer.Ordinal),
    ];
}
