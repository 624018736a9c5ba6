namespace LicenseAllocation.Domain.Deployments;

/// <summary>
/// How much of its licences a unit uses, graded as Kaspersky Security Center grades licence use: below 90 % all is
/// well; from 90 % up to and including 100 % the licences are nearly all in use; above 100 % up to and including 110 %
/// the unit runs more machines than it holds licences for; above 110 % it is critical.
/// </summary>
public enum UseBand
{
    Ok,
    Info,
    Warning,
    Critical,
}

public static class UseBands
{
    /// <summary>The use in percent (installed ÷ licensed × 100, two decimals), null when nothing is licensed.</summary>
    public static decimal? Percent(int installed, int licensed) =>
        licensed > 0 ? Math.Round(installed * 100m / licensed, 2, MidpointRounding.AwayFromZero) : null;

    /// <summary>
    /// The band of <paramref name="installed"/> devices against <paramref name="licensed"/> licences; compared exactly
    /// (installed × 100 against licensed × 90, 100, 110), never on a rounded percentage. Devices without any licence
    /// are critical; nothing installed and nothing licensed is ok.
    /// </summary>
    public static UseBand Of(int installed, int licensed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(installed);
        ArgumentOutOfRangeException.ThrowIfNegative(licensed);
        if (licensed == 0)
        {
            return installed == 0 ? UseBand.Ok : UseBand.Critical;
        }

        var used = installed * 100L;
        return used < licensed * 90L ? UseBand.Ok
            : used <= licensed * 100L ? UseBand.Info
            : used <= licensed * 110L ? UseBand.Warning
            : UseBand.Critical;
    }
}
