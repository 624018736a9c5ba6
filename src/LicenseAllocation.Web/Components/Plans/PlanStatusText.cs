using LicenseAllocation.Domain.Plans;
using LicenseAllocation.Web.Localization;
using MudBlazor;

namespace LicenseAllocation.Web.Components.Plans;

internal static class PlanStatusText
{
    public static string Of(PlanStatus status) => status switch
    {
        PlanStatus.Draft => Ui.T("Dự thảo", "Draft"),
        PlanStatus.Published => Ui.T("Đã ban hành", "Published"),
        PlanStatus.Superseded => Ui.T("Đã thay thế", "Superseded"),
        _ => status.ToString(),
    };

    public static Color ColourOf(PlanStatus status) => status switch
    {
        PlanStatus.Published => Color.Success,
        PlanStatus.Superseded => Color.Default,
        _ => Color.Info,
    };

    /// <summary>"Phiên bản 2" in Vietnamese, "Version 2" in English.</summary>
    public static string Version(int version) => Ui.T($"Phiên bản {version}", $"Version {version}");

    /// <summary>Dates typed on pages are day/month/year, as Vietnamese administration writes them.</summary>
    public static bool TryParseDay(string? text, out DateOnly? date)
    {
        date = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        if (!DateOnly.TryParseExact(text.Trim(), ["dd/MM/yyyy", "d/M/yyyy"], System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.None, out var parsed))
        {
            return false;
        }

        date = parsed;
        return true;
    }

    public static string InvalidDay => Ui.T("Ngày không hợp lệ: nhập theo dạng ngày/tháng/năm, ví dụ 05/01/2021.",
        "Invalid date: write it as day/month/year, for example 05/01/2021.");
}
