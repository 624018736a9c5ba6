using System.Globalization;
using LicenseAllocation.Web.Resources;

namespace LicenseAllocation.Web.Components.Plans;

/// <summary>
/// Transitional: the plan list on the home page still calls <see cref="Version"/>; parts that have a localizer use
/// <c>Common.VersionNumber</c> through it. Delete this class once the home page does too.
/// </summary>
internal static class PlanStatusText
{
    /// <summary>"Phiên bản 2" in Vietnamese, "Version 2" in English.</summary>
#pragma warning disable CA1863 // The format is read per culture on each call; a cached CompositeFormat would fix one language.
    public static string Version(int version) => string.Format(CultureInfo.CurrentCulture, Common.VersionNumber, version);
#pragma warning restore CA1863
}
