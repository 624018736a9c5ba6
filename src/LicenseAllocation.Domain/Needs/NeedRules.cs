using LicenseAllocation.Domain.Allocations;

namespace LicenseAllocation.Domain.Needs;

/// <summary>
/// The rule of a stated need: a whole number of computers from 0 to <see cref="MaxComputers"/>. The whole province of
/// 2020 counts about 6.000 computers, so a single unit stating more than <see cref="MaxComputers"/> is a typing mistake
/// (a figure pasted twice, a year), refused with <c>invalid-need</c> rather than stored.
/// </summary>
public static class NeedRules
{
    /// <summary>The most computers one unit may state.</summary>
    public const int MaxComputers = 100_000;

    /// <summary>Null when the figure may be stated; otherwise <see cref="AllocationErrorCode.InvalidNeed"/> quoting the limit.</summary>
    public static AllocationError? Check(int computers) =>
        computers is < 0 or > MaxComputers ? AllocationError.InvalidNeed(computers) : null;

    /// <summary>What the audit row says when the statement came without a reason.</summary>
    public const string DefaultReason = "Kê khai số máy tính cần bảo vệ";

    /// <summary>An optional reason: absent or blank is fine, otherwise the rule of every reason (<see cref="ChangeReason"/>).</summary>
    public static AllocationError? CheckReason(string? reason) => string.IsNullOrWhiteSpace(reason) ? null : ChangeReason.Check(reason);
}
