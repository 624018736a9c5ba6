using System.Globalization;
using LicenseAllocation.Web.Resources;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.Localization;

namespace LicenseAllocation.Web.Components;

public partial class App
{
    [CascadingParameter]
    private HttpContext HttpContext { get; set; } = default!;

    [Inject]
    private IStringLocalizer<Common> Text { get; set; } = default!;

    /// <summary>The language the request-localization middleware chose, for screen readers and the browser's spelling.</summary>
    private static string Language => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;

    // The sign-in page renders as a plain form post (it must set the cookie); every other page is interactive.
    private IComponentRenderMode? PageRenderMode => HttpContext.AcceptsInteractiveRouting() ? RenderMode.InteractiveServer : null;
}
