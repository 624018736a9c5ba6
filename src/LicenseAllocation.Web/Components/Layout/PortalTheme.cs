using MudBlazor;

namespace LicenseAllocation.Web.Components.Layout;

internal static class PortalTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#0d47a1",
            Secondary = "#c62828",
            AppbarBackground = "#0d47a1",
        },
    };
}
