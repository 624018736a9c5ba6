namespace LicenseAllocation.Domain.Deployments;

/// <summary>
/// One console report as imported: the plan it is read against, the day the console took it, who imported it and
/// what was read. Never changed once written; a later report is a new snapshot.
/// </summary>
public sealed class DeploymentSnapshot
{
    public DeploymentSnapshot(int planId, DateOnly takenOn, DateTime importedAtUtc, string importedBy, string mappingName, int devices, int duplicates, int refused, string sha256)
    {
        PlanId = planId;
        TakenOn = takenOn;
        ImportedAtUtc = importedAtUtc;
        ImportedBy = importedBy;
        MappingName = mappingName;
        Devices = devices;
        Duplicates = duplicates;
        Refused = refused;
        Sha256 = sha256;
    }

    public int Id { get; private set; }

    public int PlanId { get; private set; }

    public DateOnly TakenOn { get; private set; }

    public DateTime ImportedAtUtc { get; private set; }

    public string ImportedBy { get; private set; }

    public string MappingName { get; private set; }

    public int Devices { get; private set; }

    public int Duplicates { get; private set; }

    public int Refused { get; private set; }

    /// <summary>SHA-256 (hex) of the uploaded file.</summary>
    public string Sha256 { get; private set; }
}

/// <summary>
/// One device of a snapshot, with what the import judged of it under the configuration of the day: whether the managed
/// product is active (installed), runs another product, a version below the minimum, or has not been seen for longer
/// than the stale limit before the report was taken (a device without a last-seen time is not stale: its last-seen is
/// unknown). Its unit comes from its group's mapping on the snapshot's day.
/// </summary>
public sealed class DeploymentDevice
{
    public const int MaxTextLength = 1000;

    public DeploymentDevice(int snapshotId, string deviceId, string name, string group, string product, string? version, DateTime? lastSeenUtc, bool installed, bool otherProduct, bool outdated, bool stale)
    {
        SnapshotId = snapshotId;
        DeviceId = deviceId;
        Name = name;
        Group = group;
        Product = product;
        Version = version;
        LastSeenUtc = lastSeenUtc;
        Installed = installed;
        OtherProduct = otherProduct;
        Outdated = outdated;
        Stale = stale;
    }

    public long Id { get; private set; }

    public int SnapshotId { get; private set; }

    public string DeviceId { get; private set; }

    public string Name { get; private set; }

    public string Group { get; private set; }

    public string Product { get; private set; }

    public string? Version { get; private set; }

    public DateTime? LastSeenUtc { get; private set; }

    public bool Installed { get; private set; }

    public bool OtherProduct { get; private set; }

    public bool Outdated { get; private set; }

    public bool Stale { get; private set; }
}

/// <summary>
/// A console group mapped to a unit from a day on (the 2025 reorganisation re-homes groups): the mapping in force on a
/// snapshot's day places its devices. Confirmed by an administrator; a new mapping of the group ends the one before.
/// </summary>
public sealed class DeploymentGroupMapping
{
    public const int MaxGroupLength = 1000;

    public DeploymentGroupMapping(string group, int unitId, DateOnly validFrom, string confirmedBy, DateTime confirmedAtUtc)
    {
        Group = group;
        UnitId = unitId;
        ValidFrom = validFrom;
        ConfirmedBy = confirmedBy;
        ConfirmedAtUtc = confirmedAtUtc;
    }

    public int Id { get; private set; }

    public string Group { get; private set; }

    public int UnitId { get; private set; }

    public DateOnly ValidFrom { get; private set; }

    /// <summary>The last day the mapping applies; null while it is in force.</summary>
    public DateOnly? ValidTo { get; private set; }

    public string ConfirmedBy { get; private set; }

    public DateTime ConfirmedAtUtc { get; private set; }

    public bool AppliesOn(DateOnly day) => ValidFrom <= day && (ValidTo is null || day <= ValidTo);

    public void EndOn(DateOnly lastDay) => ValidTo = lastDay < ValidFrom ? ValidFrom : lastDay;
}

/// <summary>A column mapping an administrator saved, under its name, beside the presets shipped with the portal.</summary>
public sealed class DeploymentColumnMapping
{
    public const int MaxNameLength = 100;
    public const int MaxHeaderLength = 200;

    public DeploymentColumnMapping(string name) => Name = name;

    public int Id { get; private set; }

    public string Name { get; private set; }

    /// <summary>The mapping under another name (its columns unchanged).</summary>
    public void Rename(string name) => Name = name;

    public string DeviceId { get; set; } = string.Empty;

    public string DeviceName { get; set; } = string.Empty;

    public string Group { get; set; } = string.Empty;

    public string Product { get; set; } = string.Empty;

    public string? Version { get; set; }

    public string? LastSeen { get; set; }

    public string? Active { get; set; }

    /// <summary>"," ";" or a tab; null: detected.</summary>
    public string? Delimiter { get; set; }

    public string? Encoding { get; set; }

    public string UpdatedBy { get; set; } = string.Empty;

    public DateTime UpdatedAtUtc { get; set; }
}
