using System.Text.RegularExpressions;
using LicenseAllocation.Domain.Allocations;

namespace LicenseAllocation.Domain.Units;

/// <summary>
/// The electronic agency identifier (mã định danh điện tử) of QĐ 20/2020/QĐ-TTg: <c>NNN.NN.NN.Xnn</c>, three groups of
/// digits then the level-1 code, a capital letter and two digits (<c>000.00.00.H20</c> is the Provincial People's
/// Committee of Đồng Tháp, which kept the former Đồng Tháp's H20 under QĐ 09/2025/QĐ-TTg).
/// </summary>
public static partial class AgencyCode
{
    public const int Length = 13;

    /// <summary>Null when the identifier may be used (an empty one clears it); otherwise <c>invalid-agency-code</c>.</summary>
    public static AllocationError? Check(string? code) =>
        Normalize(code) is not { } value || Pattern().IsMatch(value) ? null : AllocationError.InvalidAgencyCode();

    /// <summary>Trimmed, with the level-1 letter in capitals; null for an empty identifier.</summary>
    public static string? Normalize(string? code) =>
        string.IsNullOrWhiteSpace(code) ? null : code.Trim().ToUpperInvariant();

    [GeneratedRegex(@"^[0-9]{3}\.[0-9]{2}\.[0-9]{2}\.[A-Z][0-9]{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
