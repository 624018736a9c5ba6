using LicenseAllocation.Domain.Auditing;

namespace LicenseAllocation.Web.Data;

/// <summary>
/// Where the audit seal keys come from; never the database they seal. <c>Audit:SealKey</c> (Base64, at least 32 bytes)
/// is the current key and <c>Audit:RetiredSealKeys</c> the keys it replaced. Or <c>Audit:SealKeyPath</c> names a key
/// file: one Base64 key a line (lines starting with <c>#</c> are comments), the last line the current key, the lines
/// above it retired keys kept to verify the rows they sealed. With neither set, the portal creates
/// <c>data/audit-seal.keys</c> with one new key on its first start (readable by its own account only).
/// </summary>
internal static class AuditSealKeySource
{
    public const string KeyKey = "Audit:SealKey";
    public const string RetiredKeysKey = "Audit:RetiredSealKeys";
    public const string KeyPathKey = "Audit:SealKeyPath";
    public const string DefaultKeyFile = "data/audit-seal.keys";

    /// <summary>The configured keys; null when none is configured and <paramref name="createIfMissing"/> is false (the command line never writes).</summary>
    public static AuditSealKeyRing? Load(IConfiguration configuration, string contentRoot, bool createIfMissing)
    {
        var configured = configuration[KeyKey];
        var path = configuration[KeyPathKey] is { Length: > 0 } keyPath ? Path.GetFullPath(keyPath, contentRoot) : null;
        var retired = configuration.GetSection(RetiredKeysKey).GetChildren()
            .Select(c => c.Value).Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => AuditSealKey.FromBase64(v!)).ToList();
        if (!string.IsNullOrWhiteSpace(configured))
        {
            // A key file given next to the key holds older keys only.
            return new AuditSealKeyRing(AuditSealKey.FromBase64(configured), [.. retired, .. path is null ? [] : ReadFile(path)]);
        }

        path ??= Path.GetFullPath(DefaultKeyFile, contentRoot);
        if (!File.Exists(path))
        {
            if (!createIfMissing)
            {
                return null;
            }

            Create(path);
        }

        var keys = ReadFile(path);
        if (keys.Count == 0)
        {
            throw new InvalidOperationException($"The audit seal key file {path} holds no key.");
        }

        return new AuditSealKeyRing(keys[^1], [.. retired, .. keys[..^1]]);
    }

    private static List<AuditSealKey> ReadFile(string path) =>
    [
        .. File.ReadAllLines(path)
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(AuditSealKey.FromBase64),
    ];

    // Written beside the file and moved into place, so two portals starting together never read half a file: the one
    // that moves second finds the file there and keeps the first one's key.
    private static void Create(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var draft = $"{path}.{Guid.NewGuid():N}.tmp";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var writer = new StreamWriter(draft, System.Text.Encoding.ASCII, options))
        {
            writer.WriteLine("# Audit seal keys of the LicenseAllocation portal: the last line seals new rows, the lines above verify older ones.");
            writer.WriteLine("# Keep this file out of the database's backups and never remove a line: rows sealed with it would fail the check.");
            writer.WriteLine(AuditSealKey.NewBase64());
        }

        try
        {
            File.Move(draft, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(draft);
        }
    }
}
