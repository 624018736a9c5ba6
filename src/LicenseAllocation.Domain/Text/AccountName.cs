using LicenseAllocation.Domain.Allocations;

namespace LicenseAllocation.Domain.Text;

/// <summary>
/// A user name: 1 to <see cref="MaxLength"/> characters of a safe set — ASCII letters, digits and <c>. _ - @ +</c> — so
/// that it reads the same in the trail, a log line and a spreadsheet, and no two accounts look alike.
/// </summary>
public static class AccountName
{
    public const int MaxLength = 64;

    /// <summary>The characters a user name may have (Identity's <c>AllowedUserNameCharacters</c> uses the same).</summary>
    public const string AllowedCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-@+";

    /// <summary>Null when the name may be used; otherwise <see cref="AllocationErrorCode.InvalidUserName"/>.</summary>
    public static AllocationError? Check(string? userName) =>
        userName?.Trim() is { Length: > 0 and <= MaxLength } trimmed && trimmed.All(AllowedCharacters.Contains)
            ? null
            : AllocationError.InvalidUserName();
}
