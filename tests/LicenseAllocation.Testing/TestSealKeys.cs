using LicenseAllocation.Domain.Auditing;

namespace LicenseAllocation.Testing;

/// <summary>The audit seal keys of the test databases: fixed, so that a test can verify, rotate or forge with them.</summary>
public static class TestSealKeys
{
    /// <summary>The key that seals the rows of every test database (Base64, as configuration gives it).</summary>
    public const string CurrentBase64 = "dGVzdCBzZWFsIGtleSBvZiB0aGUgbGljZW5jZSBwb3J0YWwgMDE=";

    /// <summary>Another key, for rotations.</summary>
    public const string NextBase64 = "dGVzdCBzZWFsIGtleSBvZiB0aGUgbGljZW5jZSBwb3J0YWwgMDI=";

    public static AuditSealKeyRing Ring { get; } = new(AuditSealKey.FromBase64(CurrentBase64));
}
