using System.Text;
using LicenseAllocation.Domain.Allocations;

namespace LicenseAllocation.Domain.Units;

/// <summary>
/// The one spelling of a unit name the system stores and compares: Unicode NFC with runs of white space folded to one space.
/// Vietnamese typed on different systems differs in composition ("ò" as one or two code points), so names are normalised on the way in.
/// </summary>
public static class UnitName
{
    /// <summary>The most characters of a unit's name, once normalised.</summary>
    public const int MaxLength = 200;

    /// <summary>True when the name, once normalised, has 1 to <see cref="MaxLength"/> characters.</summary>
    public static bool IsValid(string? name) => name is not null && Normalize(name) is { Length: > 0 and <= MaxLength };

    /// <summary>Null when the name may be used; otherwise <see cref="AllocationErrorCode.InvalidName"/>.</summary>
    public static AllocationError? Check(string? name) => IsValid(name) ? null : AllocationError.InvalidName();

    public static string Normalize(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var composed = value.Normalize(NormalizationForm.FormC);
        var builder = new StringBuilder(composed.Length);
        var pendingSpace = false;
        foreach (var ch in composed)
        {
            if (char.IsWhiteSpace(ch))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(ch);
        }

        return builder.ToString();
    }

    /// <summary>Key for matching names typed by people: normalised and compared without regard to case.</summary>
    public static string MatchKey(string value) => Normalize(value).ToUpperInvariant();
}
