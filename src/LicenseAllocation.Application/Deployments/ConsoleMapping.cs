namespace LicenseAllocation.Application.Deployments;

/// <summary>
/// Which column of a console export holds what, each named by its header text as the export writes it. The device id,
/// its name, its group and its product are required; the version, the last-seen time and the licence state are read
/// when the export has them.
/// </summary>
public sealed record ConsoleColumns(string DeviceId, string DeviceName, string Group, string Product, string? Version = null, string? LastSeen = null, string? Active = null);

/// <summary>
/// A named column mapping: a preset shipped with the portal (<see cref="BuiltIn"/>) or one an administrator saved.
/// <see cref="Delimiter"/> and <see cref="Encoding"/> are detected from the file when absent.
/// </summary>
public sealed record ConsoleMapping(string Name, ConsoleColumns Columns, char? Delimiter = null, string? Encoding = null, bool BuiltIn = false)
{
    public const int MaxNameLength = 100;

    public const int MaxHeaderLength = 200;

    /// <summary>The encodings a mapping may name: the web names the portal reads.</summary>
    public static readonly IReadOnlyList<string> Encodings = ["utf-8", "utf-16", "utf-16be"];

    /// <summary>
    /// Kaspersky Security Center's licence-usage report: the host's internal name is its id, its display name what
    /// people read; the administration group, the application and its version; whether the licence is the host's
    /// current one. The last visible time is the host attribute <c>KLHST_WKS_LAST_VISIBLE</c> where the report has it.
    /// </summary>
    public static readonly ConsoleMapping Kaspersky = new(
        "Kaspersky Security Center",
        new ConsoleColumns("KLLICSRV_HOSTNAME", "KLLICSRV_HOSTDN", "KLLICSRV_HOST_GRPNAME", "KLLICSRV_PRODUCT", "KLLICSRV_VERSION", "KLHST_WKS_LAST_VISIBLE", "KLLICSRV_HOST_CURRENT"),
        BuiltIn: true);

    /// <summary>ESET PROTECT's computer list, exported as semicolon CSV: the device's uuid, its name, its static group, its active products.</summary>
    public static readonly ConsoleMapping Eset = new(
        "ESET PROTECT",
        new ConsoleColumns("uuid", "displayName", "parentGroup", "activeProducts", "productVersion", "lastConnected"),
        ';',
        BuiltIn: true);

    public static IReadOnlyList<ConsoleMapping> Presets { get; } = [Kaspersky, Eset];
}
