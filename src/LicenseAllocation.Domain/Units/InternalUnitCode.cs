using System.Globalization;

namespace LicenseAllocation.Domain.Units;

/// <summary>
/// The portal's own code for a unit that has no statistical code (an agency, a unit added by hand): "NB" and the unit's
/// number, which never changes across plan versions. A template writes it in the code column, so a row is told apart
/// from its siblings even when two names read alike, and the import finds the unit by it.
/// </summary>
public static class InternalUnitCode
{
    public const string Prefix = "NB";

    public static string Of(int unitId) => Prefix + unitId.ToString(CultureInfo.InvariantCulture);

    /// <summary>The unit number an internal code names; null for any other code (a statistical code is digits only).</summary>
    public static int? UnitIdOf(string? code)
    {
        var trimmed = code?.Trim();
        if (trimmed is null || trimmed.Length <= Prefix.Length || !trimmed.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var digits = trimmed[Prefix.Length..];
        return digits.All(char.IsAsciiDigit) && int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
    }
}
