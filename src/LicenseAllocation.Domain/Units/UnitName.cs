using LicenseAllocation.Domain.Allocations;

using LicenseAllocation.Domain.Text;

namespace LicenseAllocation.Domain.Units;

/// <summary>
/// The one spelling of a unit name the system stores and compares: Unicode NFC with runs of white space folded to one space.
/// Vietnamese typed on different systems differs in composition ("ò" as one or two code points), so names are normalised on the way in.
/// </summary>
public static class UnitName
{
    /// <summary>The most characters of a unit's name, once normalised.</summary>
    public const int MaxLength = 200;

    /// <summary>True when the name passes <see cref="Check"/>.</summary>
    public static bool IsValid(string? name) => Check(name) is null;

    /// <summary>
    /// Null when the name may be used; otherwise the refusal of <see cref="InputText"/> (invisible, control or
    /// bidirectional characters, a word in mixed scripts) or <see cref="AllocationErrorCode.InvalidName"/> (empty or
    /// longer than <see cref="MaxLength"/> once normalised).
    /// </summary>
    public static AllocationError? Check(string? name) =>
        name is null ? AllocationError.InvalidName()
        : InputText.Check(name) ?? (Normalize(name) is { Length: > 0 and <= MaxLength } ? null : AllocationError.InvalidName());

    public static string Normalize(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return InputText.Normalize(value)!;
    }

    /// <summary>Key for matching names typed by people: normalised and compared without regard to case.</summary>
    public static string MatchKey(string value) => InputText.CompareKey(value);
}
