using System.Globalization;

namespace LicenseAllocation.Web.Components.Plans;

/// <summary>Dates typed on pages are day/month/year, as Vietnamese administration writes them.</summary>
internal static class DayText
{
    /// <summary>True for an empty text (no date) or a valid day; false when the text is not a day.</summary>
    public static bool TryParse(string? text, out DateOnly? date)
    {
        date = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        if (!DateOnly.TryParseExact(text.Trim(), ["dd/MM/yyyy", "d/M/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            return false;
        }

        date = parsed;
        return true;
    }
}
