using System.Globalization;
using LicenseAllocation.Web.Resources;
using LicenseAllocation.Web.Security;
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

    /// <summary>The response's script nonce: the import map is an inline script, and the content security policy admits it by this.</summary>
    private string Nonce => SecurityHeaders.NonceOf(HttpContext);

    // The sign-in and error pages render statically (no circuit for anonymous visitors; sign-in must set the cookie);
    // every other page is interactive.
    private IComponentRenderMode? PageRenderMode => HttpContext.AcceptsInteractiveRouting() ? RenderMode.InteractiveServer : null;
}
