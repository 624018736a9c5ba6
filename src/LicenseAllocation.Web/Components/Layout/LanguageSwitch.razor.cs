using LicenseAllocation.Web.Resources;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.Extensions.Localization;

namespace LicenseAllocation.Web.Components.Layout;

public sealed partial class LanguageSwitch : IDisposable
{
    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private IStringLocalizer<Common> Text { get; set; } = default!;

    // The switch lives in the layout, which stays while the reader moves between pages: its links follow the page.
    protected override void OnInitialized() => Navigation.LocationChanged += PageChanged;

    public void Dispose() => Navigation.LocationChanged -= PageChanged;

    private void PageChanged(object? sender, LocationChangedEventArgs e) => _ = InvokeAsync(StateHasChanged);

    // Back to the page the reader was on, in the language just chosen.
    private string Link(string culture) =>
        $"/culture/set?culture={culture}&returnUrl={Uri.EscapeDataString("/" + Navigation.ToBaseRelativePath(Navigation.Uri))}";
}
