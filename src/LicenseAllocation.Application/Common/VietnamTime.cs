namespace LicenseAllocation.Application.Common;

/// <summary>
/// Times are stored in UTC and shown, filtered and exported in Vietnam time, UTC+7 all year (no daylight saving since
/// 1975). A fixed offset, not a time-zone lookup, so that a server set to any zone, or without time-zone data, agrees.
/// </summary>
public static class VietnamTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(7);

    public static DateTimeOffset FromUtc(DateTime utc) =>
        new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).ToOffset(Offset);

    /// <summary>The UTC instant at which <paramref name="day"/> begins in Vietnam (17:00 UTC the day before).</summary>
    public static DateTime StartOfDayUtc(DateOnly day) =>
        DateTime.SpecifyKind(day.ToDateTime(TimeOnly.MinValue) - Offset, DateTimeKind.Utc);

    public static DateOnly Today(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return DateOnly.FromDateTime(FromUtc(clock.GetUtcNow().UtcDateTime).DateTime);
    }
}
