using System.Globalization;
using LicenseAllocation.Application.Auditing;
using LicenseAllocation.Domain.Auditing;

namespace LicenseAllocation.Web.Components.Auditing;

internal static class AuditActionLabel
{
    /// <summary>The action's name in the reader's language.</summary>
    public static string Of(AuditAction action) => AuditActionText.Of(action, CultureInfo.CurrentUICulture);

    /// <summary>A quantity change as "old → new"; other actions have no figures.</summary>
    public static string Figures(int? oldValue, int? newValue) =>
        oldValue is { } before && newValue is { } after ? $"{Localization.Ui.N(before)} → {Localization.Ui.N(after)}" : string.Empty;
}
